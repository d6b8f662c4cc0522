package doseengine.study;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Six voxels of 1, 2, 4, 8, 16, 32 MBq: liver = voxels 0..3, tumour = voxels 2..3 inside it, voxels 4..5 in no
 * structure.
 */
class OverlappingStructureSumsTest {
    private final VoxelGrid grid = VoxelGrid.centredCube(6, 1, 1, 1);
    private final FloatVolume activity = new FloatVolume(grid, new float[] {1, 2, 4, 8, 16, 32});

    private LabelMap labels() {
        BitSet liver = new BitSet();
        liver.set(0, 4);
        BitSet tumour = new BitSet();
        tumour.set(2, 4);
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        masks.put("liver", liver);
        masks.put("tumour", tumour);
        return LabelMap.ofMasks(grid, masks);
    }

    @Test
    void eachStructureSumsItsOwnMaskAndTheRestIsWhatNoStructureHolds() {
        StructureSums s = StructureSums.of(activity, labels());
        assertEquals(Map.of("liver", 15.0, "tumour", 12.0), s.structures());
        assertEquals(48.0, s.restMBq());
        assertEquals(63.0, s.totalMBq());
    }

    @Test
    void aVoxelOfBothFollowsTheSmallerStructure() {
        // Scales (TIA / activity): liver 10 h, tumour 100 h, rest 1 h.
        FloatVolume tia = OrganTiaMap.build(activity, labels(), Map.of("liver", 150.0, "tumour", 1200.0),
                Map.of("liver", 15.0, "tumour", 12.0), 48.0, 48.0);
        assertArrayEquals(new float[] {10, 20, 400, 800, 16, 32}, tia.data());
    }
}
