package doseengine.transport;

import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.FixedPointEnergy;

/**
 * Batch estimates of a tally (MeV per history) for tests that compare two back ends: B independent batches of n
 * histories; per slot (or per region of slots, summed per batch) the mean of the batch results and its standard
 * error sqrt(sum of squared deviations / (B (B - 1))), the estimator of DESIGN.md 3.5 in its plainest form.
 */
final class BatchEstimate {
    /** What runs one batch: histories first .. first + count - 1 into the tally. */
    @FunctionalInterface
    interface Runner {
        void run(long first, int count, EnergyTally tally);
    }

    /** [batch][slot] MeV per history: the bins, then ESCAPED and EMITTED. */
    private final double[][] perBatch;

    private BatchEstimate(double[][] perBatch) {
        this.perBatch = perBatch;
    }

    /** Runs {@code batches} batches of {@code histories} histories into {@code tally}, resetting it before each. */
    static BatchEstimate run(Runner runner, EnergyTally tally, int batches, int histories) {
        double[][] x = new double[batches][];
        for (int b = 0; b < batches; b++) {
            tally.reset();
            runner.run((long) b * histories, histories, tally);
            long[] units = tally.units();
            x[b] = new double[units.length];
            for (int i = 0; i < units.length; i++) {
                x[b][i] = FixedPointEnergy.toMeV(units[i]) / histories;
            }
        }
        return new BatchEstimate(x);
    }

    int batches() {
        return perBatch.length;
    }

    int slots() {
        return perBatch[0].length;
    }

    /** {mean, SE} of one slot. */
    double[] slot(int i) {
        boolean[] one = new boolean[slots()];
        one[i] = true;
        return region(one);
    }

    /** {mean, SE} of the per-batch sum over the slots in the region (not from the slots' SEs: they correlate). */
    double[] region(boolean[] inRegion) {
        int n = batches();
        double[] totals = new double[n];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < inRegion.length; i++) {
                if (inRegion[i]) {
                    totals[b] += perBatch[b][i];
                }
            }
        }
        double mean = 0;
        for (double t : totals) {
            mean += t;
        }
        mean /= n;
        double squares = 0;
        for (double t : totals) {
            squares += (t - mean) * (t - mean);
        }
        return new double[] {mean, Math.sqrt(squares / ((double) n * (n - 1)))};
    }

    /** z = (a - b) / sqrt(SE_a^2 + SE_b^2) of two {mean, SE} pairs; 0 when the means are equal. */
    static double z(double[] a, double[] b) {
        double d = a[0] - b[0];
        return d == 0 ? 0 : d / Math.hypot(a[1], b[1]);
    }
}
