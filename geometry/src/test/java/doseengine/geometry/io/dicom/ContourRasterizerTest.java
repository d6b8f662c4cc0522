package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.TestGrids;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Masks computed by hand for contours given in grid indices (taken to LPS mm through an off-origin grid). */
class ContourRasterizerTest {
    /** 10 x 8 x 4 voxels of 2 x 1.5 x 3 mm, off the origin. */
    private static final VoxelGrid GRID = new VoxelGrid(10, 8, 4, 2.0, 1.5, 3.0, new double[] {-10, 5, 20});

    /** A contour through the given (i, j) index points on plane k, as LPS mm. */
    static double[] contour(VoxelGrid grid, double k, double... ij) {
        double[] xyz = new double[ij.length / 2 * 3];
        for (int p = 0; p < ij.length / 2; p++) {
            double[] w = grid.indexToWorld(ij[2 * p], ij[2 * p + 1], k);
            System.arraycopy(w, 0, xyz, 3 * p, 3);
        }
        return xyz;
    }

    private static RoiContours roi(double[]... contours) {
        return new RoiContours(7, "test", "1.2.3", null, List.of(contours));
    }

    /** The voxels (i, j, k) with the predicate true. */
    private static BitSet expected(VoxelGrid g, int k, java.util.function.BiPredicate<Integer, Integer> inside) {
        BitSet b = new BitSet();
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (inside.test(i, j)) {
                    b.set(g.flatIndex(i, j, k));
                }
            }
        }
        return b;
    }

    @Test
    void squareFillsTheCentresInside() {
        BitSet m = ContourRasterizer.rasterize(GRID,
                roi(contour(GRID, 1, 0.7, 1.2, 3.2, 1.2, 3.2, 3.9, 0.7, 3.9)), new ArrayList<>());
        assertEquals(expected(GRID, 1, (i, j) -> i >= 1 && i <= 3 && j >= 2 && j <= 3), m);
        assertEquals(6, m.cardinality());
    }

    @Test
    void triangleLeavesCentresOnItsRightEdgeOut() {
        // Hypotenuse i + j = 6 runs through centres: the right-hand boundary is outside by the half-open rule.
        BitSet m = ContourRasterizer.rasterize(GRID,
                roi(contour(GRID, 2, -0.5, -0.5, 6.5, -0.5, -0.5, 6.5)), new ArrayList<>());
        assertEquals(expected(GRID, 2, (i, j) -> i + j <= 5), m);
        assertEquals(21, m.cardinality());
    }

    @Test
    void ringWithAHoleFromTwoContours() {
        BitSet m = ContourRasterizer.rasterize(GRID, roi(
                contour(GRID, 0, -0.5, -0.5, 6.5, -0.5, 6.5, 5.5, -0.5, 5.5),
                contour(GRID, 0, 1.5, 1.5, 1.5, 3.5, 4.5, 3.5, 4.5, 1.5)), new ArrayList<>());
        assertEquals(expected(GRID, 0, (i, j) -> i <= 6 && j <= 5 && !(i >= 2 && i <= 4 && j >= 2 && j <= 3)), m);
        assertEquals(7 * 6 - 6, m.cardinality());
    }

    @Test
    void twoIslandsOnOneSlice() {
        BitSet m = ContourRasterizer.rasterize(GRID, roi(
                contour(GRID, 3, 0.5, 0.5, 2.5, 0.5, 2.5, 2.5, 0.5, 2.5),
                contour(GRID, 3, 5.5, 4.5, 7.5, 4.5, 7.5, 6.5, 5.5, 6.5)), new ArrayList<>());
        assertEquals(expected(GRID, 3, (i, j) -> (i >= 1 && i <= 2 && j >= 1 && j <= 2)
                || (i >= 6 && i <= 7 && j >= 5 && j <= 6)), m);
    }

    @Test
    void contourBetweenSlicesGoesToTheNearestAndOutsideIsNoted() {
        double[] square = {0.5, 0.5, 1.5, 0.5, 1.5, 1.5, 0.5, 1.5};
        List<String> notes = new ArrayList<>();
        BitSet m = ContourRasterizer.rasterize(GRID, roi(contour(GRID, 1.4, square), contour(GRID, 2.6, square),
                contour(GRID, -3, square), contour(GRID, 3.52, square)), notes);
        BitSet want = new BitSet();
        want.set(GRID.flatIndex(1, 1, 1));
        want.set(GRID.flatIndex(1, 1, 3));
        assertEquals(want, m);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("2 of 4 contour(s)"), notes.get(0));
    }

    @Test
    void obliquePlaneIsRefused() {
        double[] a = GRID.indexToWorld(1, 1, 1), b = GRID.indexToWorld(4, 1, 1), c = GRID.indexToWorld(4, 4, 1.2);
        double[] tilted = {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2]};
        BadContourException e = assertThrows(BadContourException.class,
                () -> ContourRasterizer.rasterize(GRID, roi(tilted), new ArrayList<>()));
        assertTrue(e.getMessage().contains("not parallel"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void contourOnARotatedGridFollowsItsSlices() {
        VoxelGrid g = new VoxelGrid(6, 5, 3, 1.0, 1.2, 2.0, new double[] {3, -4, 7}, TestGrids.rotation(1, 2, 3, 30));
        BitSet m = ContourRasterizer.rasterize(g,
                roi(contour(g, 1, 0.5, 0.5, 3.5, 0.5, 3.5, 2.5, 0.5, 2.5)), new ArrayList<>());
        assertEquals(expected(g, 1, (i, j) -> i >= 1 && i <= 3 && j >= 1 && j <= 2), m);
    }

    @Test
    void anotherFrameOfReferenceIsRefusedNamingBoth() {
        DicomException e = assertThrows(DicomException.class, () -> ContourRasterizer.rasterizeOnCt(
                Path.of("rs.dcm"), GRID, "9.8.7", roi(contour(GRID, 1, 0, 0, 1, 0, 1, 1)), new ArrayList<>()));
        assertTrue(e.getMessage().contains("1.2.3") && e.getMessage().contains("9.8.7")
                && e.getMessage().contains("rs.dcm"), e.getMessage());
    }
}
