package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.tally.FixedPointEnergy;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UncertaintyTargetTest {
    private final VoxelGrid grid = VoxelGrid.centredCube(5, 1, 1, 10);

    private VoxelBatchTally tally() {
        ShortVolume s = new ShortVolume(grid, new short[] {1, 2, 3, 4, 4});
        return new VoxelBatchTally(grid, new LabelMap(s, Map.of(1, "steady", 2, "noisy", 3, "cold", 4, "pair")));
    }

    @Test
    void reachedOnceTheNamedLabelIsPreciseEnough() {
        VoxelBatchTally t = tally();
        UncertaintyTarget steady = new UncertaintyTarget(t, "steady", 0.02);
        UncertaintyTarget noisy = new UncertaintyTarget(t, "noisy", 0.02);
        UncertaintyTarget cold = new UncertaintyTarget(t, "cold", 0.02);
        SplittableRandom r = new SplittableRandom(81);
        for (int b = 1; b <= 40; b++) {
            t.tally().deposit(0, 1f);                              // identical batches: error 0
            t.tally().deposit(1, (float) (r.nextDouble() * 2));    // per-batch relative SD 58 %
            t.endBatch(100);
            for (UncertaintyTarget x : new UncertaintyTarget[] {steady, noisy, cold}) {
                x.afterBatch();
            }
            assertEquals(b >= 2, steady.isReached(), "batch " + b);
            // Noisy: rel SE about 0.58 / sqrt(B) >= 9 % at B = 40, never 2 %.
            assertFalse(noisy.isReached(), "batch " + b);
            assertFalse(cold.isReached(), "no energy in the label: never converged");
        }
        assertEquals(0.0, steady.current());
        assertTrue(noisy.current() > 0.05 && noisy.current() < 0.15, "noisy " + noisy.current());
        // The mean of one label is exactly the label's own batch statistics.
        assertEquals(t.labelMoments().relativeStandardError(1), noisy.current());
        // Judged: the estimate raised by one SD of itself, 1/sqrt(2 (40 - 1)) for 40 equal batches.
        assertEquals(noisy.current() * (1 + 1 / Math.sqrt(78)), noisy.judged(), 1e-12);
    }

    /** A union's batch total is the exact sum of its labels' units: its mean is that of all its voxels. */
    @Test
    void aUnionOfLabelsIsJudgedOnItsOwnBatchTotals() {
        VoxelBatchTally t = tally();
        UncertaintyTarget union = new UncertaintyTarget(t, "steady+noisy", TargetStatistic.MEAN, 0.5);
        SplittableRandom r = new SplittableRandom(3);
        double[] totals = new double[12];
        for (int b = 0; b < totals.length; b++) {
            float a = (float) r.nextDouble(), c = (float) r.nextDouble();
            t.tally().deposit(0, a);
            t.tally().deposit(1, c);
            totals[b] = FixedPointEnergy.toMeV(FixedPointEnergy.toUnits(a) + FixedPointEnergy.toUnits(c));
            t.endBatch(10);
            union.afterBatch();
        }
        BatchMoments expected = new BatchMoments(1);
        for (double x : totals) {
            expected.add(0, x, 10);
            expected.countBatch(10);
        }
        assertEquals(expected.relativeStandardError(0), union.current(), 0);
        assertThrows(IllegalStateException.class, union::afterBatch, "one fold per batch");
    }

    /** The median over the region's voxels of their relative errors; a voxel that never scored counts as 1. */
    @Test
    void theVoxelMedianIsTheMedianOfTheRegionsVoxelErrors() {
        VoxelBatchTally t = tally();
        UncertaintyTarget pair = new UncertaintyTarget(t, "pair", TargetStatistic.VOXEL_MEDIAN, 0.5);
        UncertaintyTarget three = new UncertaintyTarget(t, "steady+noisy+cold", TargetStatistic.VOXEL_MEDIAN, 0.5);
        SplittableRandom r = new SplittableRandom(5);
        for (int b = 0; b < 20; b++) {
            t.tally().deposit(0, 1f);
            t.tally().deposit(1, (float) r.nextDouble());
            t.tally().deposit(3, (float) r.nextDouble());
            t.tally().deposit(4, 2f);
            t.endBatch(10);
            pair.afterBatch();
            three.afterBatch();
        }
        BatchMoments m = t.voxelMoments();
        assertEquals(0.5 * (m.relativeStandardError(3) + 0), pair.current(), 1e-7, "even count: mean of the two");
        assertEquals(m.relativeStandardError(1), three.current(), 1e-7, "odd count: the middle of 0, r, 1");
        assertEquals(pair.current(), pair.judged(), "a median over voxels is judged as it is");
    }

    @Test
    void badTargetsAreBadInput() {
        VoxelBatchTally t = tally();
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "liver", 0.02));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady+liver", 0.02));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady+", 0.02));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady+steady", 0.02));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady", 0));
        assertThrows(BadInputException.class, () -> new UncertaintyTarget(t, "steady", 2));
    }
}
