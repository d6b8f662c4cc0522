package doseengine.geometry;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class VoxelGridTest {
    // A 90-degree rotation about z: i runs along world +y, j along world -x (columns of the matrix).
    private static final double[] ROT_Z = {0, -1, 0, 1, 0, 0, 0, 0, 1};

    @Test
    void indexAndWorldAreInverseOnAnObliqueGrid() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        double[] dir = {c, -s, 0, s, c, 0, 0, 0, 1};
        VoxelGrid g = new VoxelGrid(7, 5, 3, 1.5, 2.0, 3.0, new double[] {-10, 4, 7}, dir);
        double[] w = g.indexToWorld(2.25, 3.5, 1.0);
        double[] ijk = g.worldToIndex(w[0], w[1], w[2]);
        assertArrayEquals(new double[] {2.25, 3.5, 1.0}, ijk, 1e-12);
        // Voxel (1,0,0) sits one spacing along the first column of the direction matrix.
        double[] w100 = g.indexToWorld(1, 0, 0);
        assertArrayEquals(new double[] {-10 + 1.5 * c, 4 + 1.5 * s, 7}, w100, 1e-12);
    }

    @Test
    void directionColumnsAreTheAxisDirections() {
        VoxelGrid g = new VoxelGrid(4, 4, 4, 2, 2, 2, new double[] {0, 0, 0}, ROT_Z);
        assertArrayEquals(new double[] {0, 2, 0}, g.indexToWorld(1, 0, 0), 1e-12);
        assertArrayEquals(new double[] {-2, 0, 0}, g.indexToWorld(0, 1, 0), 1e-12);
        assertFalse(g.isAxisAligned());
    }

    @Test
    void flatIndexRunsIFastest() {
        VoxelGrid g = VoxelGrid.centredCube(4, 3, 2, 1.0);
        assertEquals(0, g.flatIndex(0, 0, 0));
        assertEquals(1, g.flatIndex(1, 0, 0));
        assertEquals(4, g.flatIndex(0, 1, 0));
        assertEquals(12, g.flatIndex(0, 0, 1));
        assertEquals(23, g.flatIndex(3, 2, 1));
        assertEquals(24, g.voxelCount());
        // Centred: the grid centre (index 1.5, 1, 0.5) is the world origin.
        assertArrayEquals(new double[] {0, 0, 0}, g.indexToWorld(1.5, 1, 0.5), 1e-12);
        assertEquals(1e-3, g.voxelVolumeCm3(), 1e-15);
    }

    @Test
    void mismatchedGridsAreReportedWithBothNames() {
        VoxelGrid a = VoxelGrid.centredCube(10, 10, 10, 2.0);
        VoxelGrid b = VoxelGrid.centredCube(10, 10, 10, 2.5);
        GridMismatchException e = assertThrows(GridMismatchException.class,
                () -> a.requireSameGrid(b, "CT", "activity"));
        assertTrue(e.getMessage().contains("CT") && e.getMessage().contains("activity"), e.getMessage());
        assertTrue(e instanceof BadInputException);
        assertDoesNotThrow(() -> a.requireSameGrid(VoxelGrid.centredCube(10, 10, 10, 2.0), "CT", "labels"));
        VoxelGrid shifted = new VoxelGrid(10, 10, 10, 2, 2, 2, new double[] {-9, -9, -8.9});
        assertFalse(a.sameGeometry(shifted, VoxelGrid.DEFAULT_TOLERANCE_MM));
    }

    @Test
    void invalidGridsAreRefused() {
        double[] o = {0, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> new VoxelGrid(0, 1, 1, 1, 1, 1, o));
        assertThrows(IllegalArgumentException.class, () -> new VoxelGrid(1, 1, 1, 0, 1, 1, o));
        assertThrows(IllegalArgumentException.class, () -> new VoxelGrid(1, 1, 1, -1, 1, 1, o));
        assertThrows(IllegalArgumentException.class, () -> new VoxelGrid(1, 1, 1, Double.NaN, 1, 1, o));
        assertThrows(IllegalArgumentException.class, () -> new VoxelGrid(1, 1, 1, 1, 1, 1, new double[] {0, Double.POSITIVE_INFINITY, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> new VoxelGrid(1, 1, 1, 1, 1, 1, o, new double[] {1, 1, 0, 0, 1, 0, 0, 0, 1}));
        // 512 x 512 x 600, a large CT, is representable in one array.
        assertEquals(512 * 512 * 600, new VoxelGrid(512, 512, 600, 1, 1, 1, o).voxelCount());
        assertThrows(IllegalArgumentException.class, () -> new VoxelGrid(2048, 2048, 1024, 1, 1, 1, o));
    }

    @Test
    void labelMapCountsAndNames() {
        VoxelGrid g = VoxelGrid.centredCube(3, 1, 1, 1.0);
        LabelMap m = new LabelMap(new ShortVolume(g, new short[] {1, 2, 2}), java.util.Map.of(1, "liver", 2, "tumour"));
        assertEquals(2, m.voxelCounts().get(2));
        assertEquals(2, m.valueOf("tumour"));
        assertThrows(BadInputException.class, () -> m.valueOf("spleen"));
        assertThrows(IllegalArgumentException.class,
                () -> new LabelMap(new ShortVolume(g), java.util.Map.of(0, "background")));
    }
}
