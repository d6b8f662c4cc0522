package doseengine.tally;

import doseengine.kernels.tally.FixedPointEnergy;

/**
 * Batch-means statistics of energy per bin (voxel, shell, label or counter), valid for batches of unequal
 * decay counts.
 *
 * <p>Batch {@code b} has {@code n_b} decays and deposits {@code X_b} MeV in a bin; its per-decay estimate is
 * {@code x_b = X_b / n_b}. With {@code N = sum n_b} and {@code B} batches, per bin we keep
 * <pre>
 *   S1 = sum_b X_b              (MeV)           "sum"
 *   S2 = sum_b X_b^2 / n_b      (MeV^2/decay)   "sumOfSquares", weighted by 1/n_b
 * </pre>
 * and report
 * <pre>
 *   mean      m = S1 / N                                      (MeV per decay)
 *   variance  Var(m) = (S2 - S1^2 / N) / ((B - 1) N)
 *   rel. SE   sqrt(Var(m)) / m
 * </pre>
 * Why: {@code x_b} has variance {@code sigma^2 / n_b} (sigma^2 = per-decay variance), the decay-weighted mean
 * {@code m = sum n_b x_b / N} has variance {@code sigma^2 / N}, and
 * {@code E[sum_b n_b (x_b - m)^2] = (B - 1) sigma^2}; since {@code sum_b n_b (x_b - m)^2 = S2 - S1^2 / N}, the
 * estimator is unbiased for any batch sizes. With equal batches it is the textbook batch-means standard error
 * {@code sum_b (x_b - xbar)^2 / (B (B - 1))} (the batch method of Walters, Kawrakow and Rogers, Med Phys 29
 * (2002) 2745).
 *
 * <p>Only batch totals are squared, never single deposits: every deposit of one history (and of its secondaries)
 * falls in the same batch, so the correlation between them is inside {@code X_b}. Squaring each deposit, as
 * GGEMS's dose actor does, understates the variance.
 *
 * <p>Numerics: in double, the difference {@code S2 - S1^2/N} loses about {@code log10(1/((B-1) r^2))} of 16
 * digits for a relative error r: 7 digits left at r = 1e-4, far more than the estimate's own statistical
 * precision ({@code 1/sqrt(2(B-1))}, 24 % at B = 10). A difference within the accumulated rounding error of
 * S1 and S2 ({@code 4 B 2^-53 S2}) is read as 0, so identical batches report exactly 0 rather than rounding
 * noise; relative errors below about {@code 3e-8} are thus reported as 0.
 *
 * <p>A bin that never scored (S1 = 0) has relative error 1 by convention, the value the estimator takes when a
 * bin scores in a single batch (as GATE's dose actor does), so it never looks converged.
 */
public final class BatchMoments {
    /** Fewer batches than this give too uncertain an error estimate to stop a run on (DESIGN.md 3.5). */
    public static final int MIN_BATCHES_FOR_STOPPING = 10;

    private final double[] sum;
    private final double[] sumOfSquares;
    private int batches;
    private long decays;
    /** Sum of n_b^2 over the batches, for {@link #effectiveBatches()}. */
    private double squaredBatchDecays;

    public BatchMoments(int bins) {
        if (bins <= 0) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        this.sum = new double[bins];
        this.sumOfSquares = new double[bins];
    }

    public int bins() { return sum.length; }

    public int batches() { return batches; }

    /** Total decays over all folded batches (N). */
    public long decays() { return decays; }

    /**
     * Folds one batch whose fixed-point energies are {@code units[0 .. bins()-1]} and sets those entries to 0
     * (entries beyond {@code bins()} are left alone). Runs in parallel over blocks of bins.
     */
    public void foldBatch(long[] units, long batchDecays) {
        if (units.length < sum.length) {
            throw new IllegalArgumentException("tally of " + units.length + " slots is shorter than " + sum.length + " bins");
        }
        checkDecays(batchDecays);
        ParallelBlocks.run(sum.length, (blk, from, to) -> {
            for (int b = from; b < to; b++) {
                long q = units[b];
                if (q != 0) {
                    add(b, FixedPointEnergy.toMeV(q), batchDecays);
                    units[b] = 0;
                }
            }
        });
        countBatch(batchDecays);
    }

    /**
     * Adds one bin's batch energy (MeV). Callers that fold bins themselves call this for every bin that scored
     * and then {@link #countBatch} once per batch. Bins are independent: different bins may be added from
     * different threads.
     */
    void add(int bin, double batchEnergyMeV, long batchDecays) {
        sum[bin] += batchEnergyMeV;
        sumOfSquares[bin] += batchEnergyMeV * batchEnergyMeV / batchDecays;
    }

    /** Counts a batch of {@code batchDecays} decays whose bins have been added. */
    void countBatch(long batchDecays) {
        checkDecays(batchDecays);
        batches++;
        decays += batchDecays;
        squaredBatchDecays += (double) batchDecays * batchDecays;
    }

    /**
     * The number of equal batches worth as much as these for the error estimate (Kish's effective sample size,
     * {@code N^2 / sum n_b^2}): B for equal batches, fewer when a few large batches dominate. The error estimate's
     * own relative uncertainty is about {@code 1 / sqrt(2 (B_eff - 1))}.
     */
    public double effectiveBatches() {
        return batches == 0 ? 0 : (double) decays * decays / squaredBatchDecays;
    }

    /** S1: total energy in the bin over all batches (MeV). */
    public double sum(int bin) { return sum[bin]; }

    /** S2 = sum of X_b^2 / n_b (MeV^2 per decay). */
    public double sumOfSquares(int bin) { return sumOfSquares[bin]; }

    /** Mean energy per decay (MeV), S1 / N; 0 before the first batch. */
    public double meanPerDecay(int bin) {
        return decays == 0 ? 0 : sum[bin] / decays;
    }

    /** Estimated variance of {@link #meanPerDecay} (MeV^2), {@code (S2 - S1^2/N) / ((B-1) N)}; needs B >= 2. */
    public double varianceOfMean(int bin) {
        requireTwoBatches();
        double s1 = sum[bin];
        double s2 = sumOfSquares[bin];
        double spread = s2 - s1 * s1 / decays;
        // S1 and S2 each carry at most about B rounding errors of 2^-53 relative; a spread within that bound
        // is indistinguishable from none.
        double noise = 4 * batches * 0x1p-53 * s2;
        return spread > noise ? spread / ((batches - 1) * (double) decays) : 0;
    }

    /** Relative standard error of the mean; 1 for a bin that never scored. Needs B >= 2. */
    public double relativeStandardError(int bin) {
        requireTwoBatches();
        if (sum[bin] == 0) {
            return 1;
        }
        return Math.sqrt(varianceOfMean(bin)) / Math.abs(meanPerDecay(bin));
    }

    private void requireTwoBatches() {
        if (batches < 2) {
            throw new IllegalStateException("a batch-means error needs at least 2 batches, have " + batches);
        }
    }

    private static void checkDecays(long batchDecays) {
        if (batchDecays <= 0) {
            throw new IllegalArgumentException("a batch needs at least one decay, got " + batchDecays);
        }
    }
}
