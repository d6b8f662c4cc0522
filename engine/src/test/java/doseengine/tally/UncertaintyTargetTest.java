package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UncertaintyTargetTest {
    private final VoxelGrid grid = VoxelGrid.centredCube(3, 1, 1, 10);

    private VoxelBatchTally tally() {
        ShortVolume s = new ShortVolume(grid, new short[] {1, 2, 3});
        return new VoxelBatchTally(grid, new LabelMap(s, Map.of(1, "steady", 2, "noisy", 3, "cold")));
    }

    @Test
    void stopsOnlyAfterTenBatchesOnceTheNamedLabelIsPreciseEnough() {
        VoxelBatchTally t = tally();
        UncertaintyTarget steady = new UncertaintyTarget(t, "steady", 0.02);
        UncertaintyTarget noisy = new UncertaintyTarget(t, "noisy", 0.02);
        UncertaintyTarget cold = new UncertaintyTarget(t, "cold", 0.02);
        SplittableRandom r = new SplittableRandom(81);
        for (int b = 1; b <= 40; b++) {
            t.tally().deposit(0, 1f);                              // identical batches: error 0
            t.tally().deposit(1, (float) (r.nextDouble() * 2));    // per-batch relative SD 58 %
            t.endBatch(100);
            assertEquals(b >= BatchMoments.MIN_BATCHES_FOR_STOPPING, steady.isReached(), "batch " + b);
            // Noisy: rel SE about 0.58 / sqrt(B) >= 9 % at B = 40, never 2 %.
            assertFalse(noisy.isReached(), "batch " + b);
            assertFalse(cold.isReached(), "no energy in the label: never converged");
        }
        assertEquals(0.0, steady.current());
        assertTrue(noisy.current() > 0.05 && noisy.current() < 0.15, "noisy " + noisy.current());
    }

    @Test
    void badTargetsAreBadInput() {
        VoxelBatchTally t = tally();
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "liver", 0.02));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady", 0));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady", 2));
    }
}
