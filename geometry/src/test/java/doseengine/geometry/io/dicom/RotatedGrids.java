package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.TestGrids;

/** Oblique grids for the DICOM writer tests. */
final class RotatedGrids {
    private RotatedGrids() {}

    /** 9 x 7 x 4 voxels of 0.8 x 1.25 x 2.5 mm, off-origin, rotated 30 degrees about (1,2,3). */
    static VoxelGrid oblique() {
        return new VoxelGrid(9, 7, 4, 0.8, 1.25, 2.5, new double[] {-120.5, 33.25, 17.0}, TestGrids.rotation(1, 2, 3, 30));
    }
}
