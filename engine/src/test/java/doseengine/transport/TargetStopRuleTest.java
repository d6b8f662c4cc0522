package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.tally.VoxelBatchTally;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The target rule judged by what it is for: when a run stops, is the region's true uncertainty at the target, and
 * how many decays did it take? A synthetic kernel with a known answer: each history deposits, with probability
 * f = 0.04, an exponentially distributed energy (mean 1 MeV) in the one voxel of label "hot". The per-decay
 * variance over the squared mean is {@code (2 f - f^2) / f^2 = 49}, so the true relative standard error after N
 * decays is {@code sqrt(49 / N)} and a 2 % target needs {@code N* = 49 / 0.02^2 = 122500} decays.
 *
 * <p>Over 200 runs (seeds) of the real batch plan and stop rule: the fraction that stops with a true uncertainty
 * above 1.1 times the target must stay below 8 % (the rule's design value is 3 %, from a simulation of the plan:
 * the binomial standard deviation of the fraction over 200 runs is 1.2 %, so 8 % is 4 of them above; a rule that
 * stops at the first bare estimate below the target fails here, at about 21 %); and the median decays must lie
 * within 1.0 to 1.6 N* (design value 1.24: the rule spends about a quarter more than the need to be sure of it).
 */
class TargetStopRuleTest {
    private static final double F = 0.04;
    private static final double VARIANCE_OVER_MEAN2 = (2 * F - F * F) / (F * F);
    private static final double TARGET = 0.02;

    private static HistoryDriver kernel(long seed) {
        return (first, count, tally) -> {
            for (long h = first; h < first + count; h++) {
                SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + h);
                if (r.nextDouble() < F) {
                    tally.deposit(0, 0f, 0f, 0f, (float) -Math.log(1 - r.nextDouble()));
                }
            }
        };
    }

    @Test
    void stoppedRunsAreAtTheirTargetWithoutRunningFarBeyondIt() {
        VoxelGrid g = VoxelGrid.centredCube(1, 1, 1, 10);
        LabelMap hot = new LabelMap(new ShortVolume(g, new short[] {1}), Map.of(1, "hot"));
        StopRule rule = new StopRule.TargetUncertainty("hot", TARGET, 10_000_000);
        double needed = VARIANCE_OVER_MEAN2 / (TARGET * TARGET);
        int runs = 200, above = 0;
        double[] ratio = new double[runs];
        for (int s = 0; s < runs; s++) {
            RunOutcome o = new TransportRun(kernel(s + 1), new VoxelBatchTally(g, hot), 1)
                    .execute(rule, null, ProgressListener.NONE);
            assertEquals(RunOutcome.Stop.TARGET_REACHED, o.stop());
            double trueError = Math.sqrt(VARIANCE_OVER_MEAN2 / o.decays());
            if (trueError > 1.1 * TARGET) {
                above++;
            }
            ratio[s] = o.decays() / needed;
        }
        Arrays.sort(ratio);
        double median = 0.5 * (ratio[runs / 2 - 1] + ratio[runs / 2]);
        System.out.printf("target rule: %d of %d runs stopped above 1.1 x target; median decays %.2f x needed%n",
                above, runs, median);
        assertTrue(above < 0.08 * runs, above + " of " + runs + " runs stopped above 1.1 x the target");
        assertTrue(median >= 1.0 && median <= 1.6, "median decays " + median + " x needed");
    }
}
