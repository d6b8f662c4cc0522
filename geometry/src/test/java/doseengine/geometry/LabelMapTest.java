package doseengine.geometry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overlapping structures in layers: packing, per-structure voxels, and what a layered map refuses. */
class LabelMapTest {
    private final VoxelGrid grid = VoxelGrid.centredCube(4, 4, 2, 1);

    private static BitSet mask(int... voxels) {
        BitSet b = new BitSet();
        for (int v : voxels) {
            b.set(v);
        }
        return b;
    }

    @Test
    void aTumourInsideTheLiverGoesToASecondLayerAndKeepsItsOwnVoxels() {
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        masks.put("liver", mask(0, 1, 2, 3, 4, 5, 6, 7));
        masks.put("tumour", mask(5, 6));
        LabelMap m = LabelMap.ofMasks(grid, masks);

        assertEquals(2, m.layerCount());
        assertTrue(m.overlaps());
        assertEquals(Map.of(1, "liver", 2, "tumour"), m.names());
        assertEquals(0, m.layerOf(1));
        assertEquals(1, m.layerOf(2));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, m.voxelsOf(1), "the liver keeps the tumour's voxels");
        assertArrayEquals(new int[] {5, 6}, m.voxelsOf(2));
        assertEquals(Map.of(1, 8, 2, 2), m.voxelCounts());
        assertArrayEquals(new int[] {1, 2}, m.valuesAt(5));
        assertArrayEquals(new int[] {1}, m.valuesAt(0));
        assertArrayEquals(new int[0], m.valuesAt(20));
        assertEquals(2, m.innermost().data()[5], "a voxel of both goes to the smaller structure");
        assertEquals(1, m.innermost().data()[4]);
        assertEquals(mask(5, 6), m.maskOf(2));
        List<Integer> seen = new java.util.ArrayList<>();
        m.forEachVoxel(2, seen::add);
        assertEquals(List.of(5, 6), seen);
        IllegalStateException e = assertThrows(IllegalStateException.class, m::volume);
        assertTrue(e.getMessage().contains("2 layers"), e.getMessage());
    }

    @Test
    void disjointStructuresShareOneLayerThatIsThePlainLabelImage() {
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        masks.put("a", mask(0, 1));
        masks.put("b", mask(2));
        masks.put("c", mask(30, 31));
        LabelMap m = LabelMap.ofMasks(grid, masks);

        assertEquals(1, m.layerCount());
        assertFalse(m.overlaps());
        short[] expected = new short[grid.voxelCount()];
        expected[0] = 1;
        expected[1] = 1;
        expected[2] = 2;
        expected[30] = 3;
        expected[31] = 3;
        assertArrayEquals(expected, m.volume().data());
        assertArrayEquals(new int[] {30, 31}, m.voxelsOf(3));
    }

    @Test
    void packingIsFirstFitSoAThirdStructureReusesAFreeLayer() {
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        masks.put("liver", mask(0, 1, 2, 3));
        masks.put("tumour", mask(1));
        masks.put("spleen", mask(10, 11)); // touches neither: layer 0
        masks.put("core", mask(1)); // inside liver and tumour: a third layer
        LabelMap m = LabelMap.ofMasks(grid, masks);

        assertEquals(3, m.layerCount());
        assertEquals(0, m.layerOf(m.valueOf("spleen")));
        assertEquals(2, m.layerOf(m.valueOf("core")));
        assertEquals(Map.of(1, "liver", 3, "spleen"), m.namesInLayer(0));
        assertArrayEquals(new int[] {1, 2, 4}, m.valuesAt(1));
    }

    @Test
    void repeatedNamesAreRefusedInEveryForm() {
        ShortVolume lab = new ShortVolume(grid);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new LabelMap(lab, Map.of(1, "liver", 2, "liver")));
        assertTrue(e.getMessage().contains("'liver'"), e.getMessage());
        assertThrows(BadInputException.class, () -> LabelMap.ofLayers(List.of(lab, new ShortVolume(grid)),
                List.of(Map.of(1, "liver"), Map.of(2, "liver"))));
        LinkedHashMap<String, BitSet> blank = new LinkedHashMap<>();
        blank.put(" ", mask(0));
        assertThrows(BadInputException.class, () -> LabelMap.ofMasks(grid, blank));
    }

    @Test
    void aValueInTwoLayersOrAMaskBeyondTheGridIsRefused() {
        ShortVolume lab = new ShortVolume(grid);
        assertThrows(IllegalArgumentException.class, () -> LabelMap.ofLayers(List.of(lab, new ShortVolume(grid)),
                List.of(Map.of(1, "a"), Map.of(1, "b"))));
        LinkedHashMap<String, BitSet> outside = new LinkedHashMap<>();
        outside.put("far", mask(grid.voxelCount()));
        assertThrows(IllegalArgumentException.class, () -> LabelMap.ofMasks(grid, outside));
    }

    @Test
    void aOneLayerMapIgnoresUnnamedValuesAsBefore() {
        ShortVolume lab = new ShortVolume(grid, new short[grid.voxelCount()]);
        lab.data()[0] = 1;
        lab.data()[1] = 9; // present, not named
        LabelMap m = new LabelMap(lab, Map.of(1, "a"));
        assertSame(lab, m.volume());
        assertFalse(m.isLabelled(1));
        assertArrayEquals(new int[0], m.valuesAt(1));
        assertEquals(0, m.innermost().data()[1]);
        assertEquals(0, m.compactIndexInLayer(0)[1]);
        assertEquals(-1, m.compactIndexInLayer(0)[9]);
    }

    @Test
    void aLayeredMapMovesToAnotherGridLayerByLayer() {
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        masks.put("liver", mask(0, 1, 2, 3));
        masks.put("tumour", mask(1));
        LabelMap m = LabelMap.ofMasks(grid, masks);
        VoxelGrid fine = VoxelGrid.centredCube(8, 8, 4, 0.5); // each voxel halved along each axis
        LabelMap moved = doseengine.geometry.resample.LabelResampler.resample(m, fine);
        assertEquals(2, moved.layerCount());
        assertEquals(m.names(), moved.names());
        assertEquals(32, moved.voxelCounts().get(1), "4 voxels of 8 sub-voxels each");
        assertEquals(8, moved.voxelCounts().get(2));
        assertTrue(moved.overlaps());
    }
}
