package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;

/** Oblique grids for the DICOM writer tests. */
final class RotatedGrids {
    private RotatedGrids() {}

    /** Rotation by {@code degrees} about the unit vector along (ax, ay, az), row-major (Rodrigues' formula). */
    static double[] rotation(double ax, double ay, double az, double degrees) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double x = ax / n, y = ay / n, z = az / n;
        double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees)), t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c,
        };
    }

    /** 9 x 7 x 4 voxels of 0.8 x 1.25 x 2.5 mm, off-origin, rotated 30 degrees about (1,2,3). */
    static VoxelGrid oblique() {
        return new VoxelGrid(9, 7, 4, 0.8, 1.25, 2.5, new double[] {-120.5, 33.25, 17.0}, rotation(1, 2, 3, 30));
    }
}
