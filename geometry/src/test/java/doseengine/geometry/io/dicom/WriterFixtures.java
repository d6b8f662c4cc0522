package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.TestGrids;
import java.util.BitSet;

/** A small CT-like grid with a liver and a tumour inside it, for the writer tests. */
final class WriterFixtures {
    private WriterFixtures() {}

    /** 24 x 20 x 6 voxels of 1.5 x 1.75 x 2.5 mm, rotated 12 degrees about (1, 2, 3) (right-handed). */
    static VoxelGrid grid() {
        return new VoxelGrid(24, 20, 6, 1.5, 1.75, 2.5, new double[] {-17.25, 40.5, -102.0},
                TestGrids.rotation(1, 2, 3, 12));
    }

    static DicomReference reference() {
        return new DicomReference(Uids.derived("study"), Uids.derived("frame"), "Phantom^Liver", "PH-1", "19700101",
                "O", "20260101", "120000", "S1", "A1", null, "writer test");
    }

    /** An ellipsoid with a notch, so slices have holes and islands. */
    static BitSet liver(VoxelGrid g) {
        BitSet m = new BitSet();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = (i - 11.5) / 10, y = (j - 9.5) / 8, z = (k - 2.5) / 3;
                    boolean inside = x * x + y * y + z * z <= 1;
                    boolean hole = Math.abs(i - 15) <= 1 && Math.abs(j - 9) <= 1 && k == 3;
                    boolean cut = i == 11 && k == 1;
                    if (inside && !hole && !cut) {
                        m.set(g.flatIndex(i, j, k));
                    }
                }
            }
        }
        return m;
    }

    /** A sphere inside the liver. */
    static BitSet tumour(VoxelGrid g) {
        BitSet m = new BitSet();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = (i - 7) / 2.6, y = (j - 9) / 2.6, z = (k - 2) / 1.2;
                    if (x * x + y * y + z * z <= 1) {
                        m.set(g.flatIndex(i, j, k));
                    }
                }
            }
        }
        return m;
    }
}
