package doseengine.tally;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.kernels.tally.FixedPointEnergy;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class BatchMomentsTest {

    private static void fold(BatchMoments m, double energyMeV, long decays) {
        long[] units = {FixedPointEnergy.toUnits((float) energyMeV)};
        m.foldBatch(units, decays);
        assertEquals(0, units[0], "folding resets the tally");
    }

    @Test
    void equalBatchesMatchAHandComputation() {
        // Three batches of 100 decays depositing 10, 12, 14 MeV: x_b = 0.10, 0.12, 0.14 MeV/decay, mean 0.12,
        // sum of squared deviations 0.0008, Var(mean) = 0.0008 / (3 * 2) = 1.3333e-4, SE 0.0115470.
        BatchMoments m = new BatchMoments(1);
        fold(m, 10, 100);
        fold(m, 12, 100);
        fold(m, 14, 100);
        assertEquals(3, m.batches());
        assertEquals(300, m.decays());
        assertEquals(0.12, m.meanPerDecay(0), 1e-15);
        assertEquals(0.0008 / 6, m.varianceOfMean(0), 1e-15);
        assertEquals(Math.sqrt(0.0008 / 6) / 0.12, m.relativeStandardError(0), 1e-12);
    }

    @Test
    void unequalBatchesMatchAHandComputation() {
        // Batches (n, X) = (100, 10), (300, 36), (600, 66) MeV: x_b = 0.10, 0.12, 0.11; N = 1000, mean 0.112.
        // sum n_b (x_b - m)^2 = 100*0.012^2 + 300*0.008^2 + 600*0.002^2 = 0.036;
        // Var(mean) = 0.036 / ((3 - 1) * 1000) = 1.8e-5.
        BatchMoments m = new BatchMoments(1);
        fold(m, 10, 100);
        fold(m, 36, 300);
        fold(m, 66, 600);
        assertEquals(0.112, m.meanPerDecay(0), 1e-15);
        assertEquals(1.8e-5, m.varianceOfMean(0), 1e-17);
        assertEquals(Math.sqrt(1.8e-5) / 0.112, m.relativeStandardError(0), 1e-12);
    }

    @Test
    void equalBatchesAgreeWithCommonsMath() {
        // Equal batches: the estimator must be the standard error of the B per-decay batch means,
        // s / sqrt(B), which DescriptiveStatistics computes by its own (two-pass) algorithm. Agreement to
        // 1e-9 relative: both are double computations of the same quantity.
        SplittableRandom r = new SplittableRandom(51);
        int bins = 50, batches = 17;
        long n = 4000;
        BatchMoments m = new BatchMoments(bins);
        DescriptiveStatistics[] ds = new DescriptiveStatistics[bins];
        for (int b = 0; b < bins; b++) {
            ds[b] = new DescriptiveStatistics();
        }
        for (int t = 0; t < batches; t++) {
            long[] units = new long[bins];
            for (int b = 0; b < bins; b++) {
                units[b] = FixedPointEnergy.toUnits((float) (r.nextDouble() * (b + 1) * 100));
                ds[b].addValue(FixedPointEnergy.toMeV(units[b]) / n);
            }
            m.foldBatch(units, n);
        }
        for (int b = 0; b < bins; b++) {
            double se = ds[b].getStandardDeviation() / Math.sqrt(batches);
            assertEquals(ds[b].getMean(), m.meanPerDecay(b), 1e-12 * ds[b].getMean());
            assertEquals(se, Math.sqrt(m.varianceOfMean(b)), 1e-9 * se);
            assertEquals(se / ds[b].getMean(), m.relativeStandardError(b), 1e-9);
        }
    }

    @Test
    void unequalBatchesAgreeWithTheWeightedTwoPassFormula() {
        // Independent evaluation of Var(mean) = sum n_b (x_b - m)^2 / ((B - 1) N), two passes, in the deviations.
        SplittableRandom r = new SplittableRandom(52);
        int batches = 12;
        long[] n = new long[batches];
        double[] x = new double[batches];
        BatchMoments m = new BatchMoments(1);
        for (int t = 0; t < batches; t++) {
            n[t] = 10 + r.nextInt(5000);
            long[] units = {FixedPointEnergy.toUnits((float) (n[t] * (0.5 + r.nextDouble())))};
            x[t] = FixedPointEnergy.toMeV(units[0]) / n[t];
            m.foldBatch(units, n[t]);
        }
        long total = 0;
        double weighted = 0;
        for (int t = 0; t < batches; t++) {
            total += n[t];
            weighted += n[t] * x[t];
        }
        double mean = weighted / total, dev = 0;
        for (int t = 0; t < batches; t++) {
            dev += n[t] * (x[t] - mean) * (x[t] - mean);
        }
        double var = dev / ((batches - 1) * (double) total);
        assertEquals(mean, m.meanPerDecay(0), 1e-12 * mean);
        assertEquals(var, m.varianceOfMean(0), 1e-8 * var);
    }

    @Test
    void unequalBatchEstimatorIsUnbiased() {
        // Per-decay energy: 1 MeV with probability 0.3, else 0 (variance sigma^2 = 0.21 MeV^2). Batch sizes span
        // 40x, so an unweighted batch-means estimator would be badly off (its expectation,
        // sigma^2 sum(1/n_b) / B^2, is 4.6x the truth here), while the weighted one is unbiased:
        // E[Var-hat] = sigma^2 / N.
        // R = 3000 repetitions; one Var-hat has relative SD about sqrt(2 / (B - 1)) = 0.50 (B = 9), so the mean of
        // R has relative SE 0.0091: tolerance 4 SE = 3.7 %.
        long[] sizes = {50, 50, 100, 200, 400, 800, 1000, 1500, 2000};
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        double truth = 0.21 / total;
        SplittableRandom r = new SplittableRandom(53);
        int reps = 3000;
        double meanEstimate = 0;
        for (int rep = 0; rep < reps; rep++) {
            BatchMoments m = new BatchMoments(1);
            for (long s : sizes) {
                long hits = 0;
                for (long d = 0; d < s; d++) {
                    if (r.nextDouble() < 0.3) {
                        hits++;
                    }
                }
                m.foldBatch(new long[] {hits << 30}, s);
            }
            meanEstimate += m.varianceOfMean(0) / reps;
        }
        assertEquals(1.0, meanEstimate / truth, 4 * 0.0091);
    }

    @Test
    void conventionsForEmptyBinsAndTooFewBatches() {
        BatchMoments m = new BatchMoments(2);
        m.foldBatch(new long[] {1L << 30, 0}, 10);
        assertThrows(IllegalStateException.class, () -> m.relativeStandardError(0));
        m.foldBatch(new long[] {1L << 30, 0}, 10);
        assertEquals(0.0, m.relativeStandardError(0), "identical batches: no spread");
        assertEquals(1.0, m.relativeStandardError(1), "a bin that never scored reports 1");
        assertEquals(0.0, m.meanPerDecay(1));
        assertThrows(IllegalArgumentException.class, () -> m.foldBatch(new long[2], 0));
    }

    @Test
    void aBinScoringInOneBatchOfManyHasRelativeErrorOne() {
        // Equal batches, X in one batch and 0 in the other B - 1: mean X/(nB), Var(mean) = X^2/(nB)^2, rel 1.
        BatchMoments m = new BatchMoments(1);
        m.foldBatch(new long[] {5L << 30}, 100);
        for (int t = 0; t < 9; t++) {
            m.foldBatch(new long[] {0}, 100);
        }
        assertEquals(1.0, m.relativeStandardError(0), 1e-12);
    }
}
