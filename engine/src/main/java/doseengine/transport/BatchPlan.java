package doseengine.transport;

/**
 * How a run is cut into batches: every batch has the same number of decays {@code n}, and batch {@code b} runs
 * the contiguous histories {@code [b n, (b + 1) n)}, so a history's index, hence its random numbers, do not
 * depend on threads or on the stop rule.
 *
 * <ul>
 * <li>{@link StopRule.DecayCount}: {@code B = max(10, ceil(N / MAX_BATCH_DECAYS))} batches of
 * {@code n = ceil(N / B)}; the run does {@code B n >= N} decays (at most B - 1 more than asked), and reports that
 * number.</li>
 * <li>{@link StopRule.TargetUncertainty}: batches of {@code n = ceil(max / TARGET_BATCHES)}, at least
 * {@value #MIN_BATCHES} and at most {@code floor(max / n)} of them. The run stops at the first batch end, from the
 * tenth on, where the target is reached: it always does at least 10 of the {@value #TARGET_BATCHES} batches
 * (5 % of the maximum), and otherwise stops within one batch (0.5 % of the maximum) of the point where the
 * target was reached. The batch size is fixed in advance (not from timing) so that one seed always gives the same run.</li>
 * </ul>
 * Ten batches at least: fewer give too uncertain an error estimate (the batch-means error's own relative
 * uncertainty is about {@code 1/sqrt(2(B - 1))}, 24 % at B = 10; Walters, Kawrakow and Rogers, Med Phys 29 (2002)
 * 2745).
 *
 * @param decaysPerBatch n
 * @param minBatches     batches always run
 * @param maxBatches     batches at most
 */
public record BatchPlan(long decaysPerBatch, int minBatches, int maxBatches) {
    /** The least number of batches of any run. */
    public static final int MIN_BATCHES = 10;
    /** Number of batches a target-uncertainty run's maximum is cut into. */
    public static final int TARGET_BATCHES = 200;
    /**
     * Largest batch: the fixed-point tally holds 2^33 MeV per slot and batch, and the emitted counter takes the
     * whole batch's energy; 10^9 decays emit at most 2.3e9 MeV (90Y, 2.28 MeV endpoint), safely below 8.6e9.
     */
    public static final long MAX_BATCH_DECAYS = 1_000_000_000L;

    public BatchPlan {
        if (decaysPerBatch <= 0 || decaysPerBatch > MAX_BATCH_DECAYS) {
            throw new IllegalArgumentException("decays per batch must be in 1.." + MAX_BATCH_DECAYS + ", got "
                    + decaysPerBatch);
        }
        if (minBatches < MIN_BATCHES || maxBatches < minBatches) {
            throw new IllegalArgumentException("need " + MIN_BATCHES + " <= minBatches <= maxBatches, got "
                    + minBatches + ", " + maxBatches);
        }
    }

    public static BatchPlan of(StopRule rule) {
        if (rule instanceof StopRule.DecayCount d) {
            long b = Math.max(MIN_BATCHES, ceilDiv(d.decays(), MAX_BATCH_DECAYS));
            long n = ceilDiv(d.decays(), b);
            return new BatchPlan(n, toInt(b), toInt(b));
        }
        StopRule.TargetUncertainty t = (StopRule.TargetUncertainty) rule;
        long n = Math.min(MAX_BATCH_DECAYS, Math.max(1, ceilDiv(t.maxDecays(), TARGET_BATCHES)));
        long b = Math.max(MIN_BATCHES, t.maxDecays() / n);
        return new BatchPlan(n, MIN_BATCHES, toInt(b));
    }

    /** First history of batch b. */
    public long firstHistory(int batch) {
        return batch * decaysPerBatch;
    }

    /** Decays of the whole plan when it runs to its last batch. */
    public long maxDecays() {
        return maxBatches * decaysPerBatch;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static int toInt(long batches) {
        if (batches > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many batches: " + batches);
        }
        return (int) batches;
    }
}
