package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Voxel-edge outlines filled by voxel centres give back the mask, on any grid, for any mask. */
class SliceOutlineTest {
    /** All loops of all slices of a mask as world contours, the way the RT Structure Set writer makes them. */
    static RoiContours outline(VoxelGrid g, BitSet mask) {
        List<double[]> contours = new ArrayList<>();
        for (int k = 0; k < g.nz(); k++) {
            for (int[] loop : SliceOutline.trace(mask, g.nx(), g.ny(), k)) {
                double[] xyz = new double[loop.length / 2 * 3];
                for (int p = 0; p < loop.length / 2; p++) {
                    double[] w = g.indexToWorld(loop[2 * p] - 0.5, loop[2 * p + 1] - 0.5, k);
                    System.arraycopy(w, 0, xyz, 3 * p, 3);
                }
                contours.add(xyz);
            }
        }
        return new RoiContours(1, "m", "1.2", null, contours);
    }

    @Test
    void singleVoxelIsOneSquare() {
        BitSet m = new BitSet();
        m.set(2 + 5 * 1);
        List<int[]> loops = SliceOutline.trace(m, 5, 4, 0);
        assertEquals(1, loops.size());
        assertEquals(List.of(2, 1, 3, 1, 3, 2, 2, 2), toList(loops.get(0)));
    }

    @Test
    void ringGivesAnOuterAndAHoleLoopWithoutCollinearPoints() {
        BitSet m = new BitSet();
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                if (i != 1 || j != 1) {
                    m.set(i + 4 * j);
                }
            }
        }
        List<int[]> loops = SliceOutline.trace(m, 4, 4, 0);
        assertEquals(2, loops.size());
        assertEquals(List.of(0, 0, 3, 0, 3, 3, 0, 3), toList(loops.get(0)));
        assertEquals(8, loops.get(1).length, "hole: 4 corners");
    }

    @Test
    void diagonalNeighboursAreSeparateLoops() {
        BitSet m = new BitSet();
        m.set(0);
        m.set(1 + 3);
        m.set(2 + 3 * 2);
        assertEquals(3, SliceOutline.trace(m, 3, 3, 0).size());
    }

    @Test
    void randomMasksComeBackExactlyOnAnObliqueGrid() {
        VoxelGrid g = RotatedGrids.oblique();
        Random r = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            BitSet m = new BitSet();
            double density = 0.2 + 0.6 * r.nextDouble();
            for (int v = 0; v < g.voxelCount(); v++) {
                if (r.nextDouble() < density) {
                    m.set(v);
                }
            }
            List<String> notes = new ArrayList<>();
            assertEquals(m, ContourRasterizer.rasterize(g, outline(g, m), notes), "trial " + trial);
            assertTrue(notes.isEmpty(), notes.toString());
        }
    }

    @Test
    void fullSliceAndEdgesOfTheGrid() {
        VoxelGrid g = new VoxelGrid(4, 3, 2, 1, 1, 1, new double[] {0, 0, 0});
        BitSet m = new BitSet();
        m.set(0, 12);
        assertEquals(m, ContourRasterizer.rasterize(g, outline(g, m), new ArrayList<>()));
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }
}
