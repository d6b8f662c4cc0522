package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sorting and the grid checks on plain slice records, no files. */
class SliceStackTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    private static SlicePlane plane(String name, double x, double y, double z) {
        return new SlicePlane(Path.of(name), new double[] {x, y, z}, AXIAL, 12, 16, new double[] {0.8, 0.6}, 0);
    }

    private static List<SlicePlane> axialStack(int n, double dz) {
        List<SlicePlane> planes = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            planes.add(plane("s" + k, -10, -20, 30 + k * dz));
        }
        return planes;
    }

    @Test
    void shuffledSlicesSortAlongTheNormal() {
        List<SlicePlane> planes = axialStack(8, 2.5);
        Collections.shuffle(planes, new Random(7));
        SliceStack stack = SliceStack.of("CT series 1", planes);
        for (int k = 0; k < 8; k++) {
            assertEquals("s" + k, stack.slices().get(k).file().toString());
        }
        VoxelGrid g = stack.grid();
        assertEquals(16, g.nx());
        assertEquals(12, g.ny());
        assertEquals(8, g.nz());
        assertArrayEquals(new double[] {0.6, 0.8, 2.5}, g.spacing(), 1e-12);
        assertArrayEquals(new double[] {-10, -20, 30}, g.origin(), 1e-12);
        assertTrue(g.isAxisAligned());
    }

    @Test
    void feetFirstNormalPointsDownAndSlicesFollowIt() {
        // Row along +x, column along -y: normal = x cross -y = -z, so k grows towards the feet.
        double[] iop = {1, 0, 0, 0, -1, 0};
        List<SlicePlane> planes = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            planes.add(new SlicePlane(Path.of("f" + k), new double[] {0, 0, 10 * k}, iop, 2, 3,
                    new double[] {1, 1}, 0));
        }
        SliceStack stack = SliceStack.of("CT", planes);
        assertEquals("f3", stack.slices().get(0).file().toString());
        VoxelGrid g = stack.grid();
        assertArrayEquals(new double[] {0, 0, 30}, g.origin(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, g.indexToWorld(0, 0, 3), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, -1, 0, 0, 0, -1}, g.direction(), 1e-12);
    }

    @Test
    void obliqueStackKeepsItsAxes() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        double[] iop = {c, s, 0, 0, 0, -1}; // a coronal-ish oblique plane
        double[] normal = {-s, c, 0}; // row x column = (c, s, 0) x (0, 0, -1)
        List<SlicePlane> planes = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            planes.add(new SlicePlane(Path.of("o" + k), new double[] {5 + 3 * k * normal[0], 7 + 3 * k * normal[1],
                    9 + 3 * k * normal[2]}, iop, 4, 4, new double[] {1, 2}, 0));
        }
        Collections.reverse(planes);
        VoxelGrid g = SliceStack.of("CT", planes).grid();
        assertEquals(3, g.spacingZ(), 1e-9);
        assertArrayEquals(new double[] {5, 7, 9}, g.origin(), 1e-9);
        assertArrayEquals(new double[] {5 + 2 * c, 7 + 2 * s, 9}, g.indexToWorld(1, 0, 0), 1e-9);
    }

    @Test
    void refusals() {
        assertRefused(List.of(plane("only", 0, 0, 0)), "single slice");
        List<SlicePlane> missing = axialStack(6, 2);
        missing.remove(3);
        assertRefused(missing, "slice is missing");
        List<SlicePlane> dup = axialStack(5, 2);
        dup.add(plane("again", -10, -20, 34));
        assertRefused(dup, "two slices at one position");
        List<SlicePlane> drift = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            drift.add(plane("t" + k, 0, k * 2 * Math.tan(Math.toRadians(5)), 2 * k));
        }
        assertRefused(drift, "gantry tilt");
        List<SlicePlane> tilted = axialStack(3, 2);
        tilted.set(1, new SlicePlane(Path.of("tilt"), new double[] {-10, -20, 32}, AXIAL, 12, 16,
                new double[] {0.8, 0.6}, 12));
        assertRefused(tilted, "(0018,1120) Gantry/Detector Tilt");
        List<SlicePlane> rows = axialStack(3, 2);
        rows.set(2, new SlicePlane(Path.of("big"), new double[] {-10, -20, 34}, AXIAL, 14, 16,
                new double[] {0.8, 0.6}, 0));
        assertRefused(rows, "mixes matrix sizes");
        List<SlicePlane> spacing = axialStack(3, 2);
        spacing.set(2, new SlicePlane(Path.of("px"), new double[] {-10, -20, 34}, AXIAL, 12, 16,
                new double[] {0.8, 0.7}, 0));
        assertRefused(spacing, "(0028,0030) Pixel Spacing");
        List<SlicePlane> orient = axialStack(3, 2);
        orient.set(2, new SlicePlane(Path.of("sag"), new double[] {-10, -20, 34}, new double[] {0, 1, 0, 0, 0, -1},
                12, 16, new double[] {0.8, 0.6}, 0));
        assertRefused(orient, "mixes orientations");
    }

    @Test
    void spacingWithinOnePercentIsAccepted() {
        List<SlicePlane> planes = axialStack(4, 2);
        planes.set(2, plane("s2", -10, -20, 34.015)); // gaps 2, 2.015, 1.985: within 1 %
        VoxelGrid g = SliceStack.of("CT", planes).grid();
        assertEquals(2, g.spacingZ(), 1e-9);
    }

    private static void assertRefused(List<SlicePlane> planes, String expected) {
        DicomException e = assertThrows(DicomException.class, () -> SliceStack.of("CT series 1.2", planes));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
