package doseengine.dosimetry.convolution;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

class VoxelSValuesTest {
    private final VoxelSValues k = VoxelSValues.of(2, 1, 0, (i, j, kk) -> 100 * kk + 10 * j + i + 1);

    @Test
    void mirroredOffsetsShareTheStoredValue() {
        assertEquals(13, k.at(2, 1, 0));
        assertEquals(13, k.at(-2, -1, 0));
        assertEquals(12, k.at(-1, 1, 0));
        assertEquals(0, k.at(3, 0, 0), "beyond the half-width");
        assertEquals(0, k.at(0, 0, 1), "beyond the half-width along z");
    }

    /** Values 1, 2, 3 (j = 0) and 11, 12, 13 (j = 1): 1 + 2(2 + 3) + 2 (11 + 2 (12 + 13)) = 11 + 2 x 61 = 133. */
    @Test
    void sumCountsEveryMirroredOffset() {
        assertEquals(133, k.sum(), 1e-12);
    }

    @Test
    void truncationKeepsOnlyOffsetsThatFitTheGrid() {
        VoxelSValues t = k.truncatedTo(2, 5, 5);
        assertEquals(1, t.hx(), "a 2-voxel axis has offsets up to 1");
        assertEquals(1, t.hy());
        assertEquals(12, t.at(1, 1, 0));
        assertEquals(0, t.at(2, 0, 0));
        assertSame(k, k.truncatedTo(3, 2, 1), "nothing to cut");
    }

    @Test
    void badVoxelSValuesAreRefusedWithOneLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new VoxelSValues(1, 0, 0, new double[] {1, Double.NaN}));
        assertEquals("voxel S value at offset (1,0,0) is NaN; it must be finite", e.getMessage());
        e = assertThrows(BadInputException.class, () -> new VoxelSValues(1, 1, 0, new double[3]));
        assertEquals("voxel S values of half-widths 1 x 1 x 0 need 4 values, got 3", e.getMessage());
        e = assertThrows(BadInputException.class, () -> VoxelSValues.of(-1, 0, 0, (i, j, kk) -> 1));
        assertEquals("voxel S value half-widths must be >= 0, got -1 x 0 x 0", e.getMessage());
    }

    @Test
    void smallerVoxelSValuesAreAddedWhereBothHaveOffsets() {
        VoxelSValues big = VoxelSValues.of(4, 3, 2, (i, j, k) -> 100 * i + 10 * j + k);
        VoxelSValues small = VoxelSValues.of(1, 5, 0, (i, j, k) -> 1000.0 * (1 + i + j));
        VoxelSValues sum = big.plus(small);
        org.junit.jupiter.api.Assertions.assertEquals(4, sum.hx());
        org.junit.jupiter.api.Assertions.assertEquals(3, sum.hy());
        org.junit.jupiter.api.Assertions.assertEquals(2, sum.hz());
        // k = 1 lies beyond the small kernel's half-width 0: nothing added there.
        org.junit.jupiter.api.Assertions.assertEquals(121.0, sum.at(1, 2, 1), 0.0);
        org.junit.jupiter.api.Assertions.assertEquals(120 + 4000.0, sum.at(-1, 2, 0), 0.0);
        org.junit.jupiter.api.Assertions.assertEquals(302.0, sum.at(3, 0, 2), 0.0);
        org.junit.jupiter.api.Assertions.assertEquals(big.at(1, 1, 0), 110.0, 0.0, "the values added to are unchanged");
    }
}
