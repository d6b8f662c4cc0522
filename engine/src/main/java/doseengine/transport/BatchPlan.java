package doseengine.transport;

import java.util.Arrays;

/**
 * How a run is cut into batches. Batch {@code b} runs the contiguous histories
 * {@code [firstHistory(b), firstHistory(b) + decaysPerBatch(b))}, so a history's index, hence its random numbers,
 * depend neither on threads nor on the stop rule, and the sizes are fixed before the run starts (never from timing
 * or from the statistics), so one seed always gives the same run.
 *
 * <p>Why batches matter: the uncertainty of every voxel and label is a batch-means estimate (Walters, Kawrakow
 * and Rogers, Med Phys 29 (2002) 2745), and the estimate is itself uncertain, by about {@code 1/sqrt(2(B - 1))}
 * relative for B equal batches: 24 % at B = 10, 11 % at 40, 7 % at 100. Ten batches are the least any run has.
 * More batches cost one fold of the voxel tally each (about 2 ns per voxel on two cores: 1 ms for the 4 mm torso,
 * 0.3 s for a 512 x 512 x 600 CT), so a batch is never smaller than {@value #MIN_FOLDED_BATCH_DECAYS} decays nor
 * than 1/{@value #VOXELS_PER_BATCH_DECAY} of the grid's voxels.
 *
 * <ul>
 * <li>{@link StopRule.DecayCount} N: {@code B = clamp(floor(N / n_min), 10, 100)} equal batches (more only when a
 * batch would exceed {@link #MAX_BATCH_DECAYS}), {@code n = ceil(N / B)}, with
 * {@code n_min = max(25000, voxels / 32)}; the run does {@code B n >= N} decays (at most B - 1 more than asked).
 * The 10^6 decays of the demo run in 40 batches.</li>
 * <li>{@link StopRule.TargetUncertainty} with at most M decays: the size follows the target, not the maximum.
 * Ten pilot batches of {@code n0 = clamp(M / 100, 1, 1000)} decays, then batches that grow geometrically,
 * {@code n_b = round(n0 q^(b - 9))} with {@code q = } {@value #TARGET_GROWTH}, the last one cut so that the run
 * never exceeds M. A run can stop at any batch end from the {@value #MIN_TARGET_BATCHES}th on, so it stops within
 * a factor q (5 %) of the decays at which its rule is first met, whatever that number is; and however long it
 * runs, its error estimate rests on about {@code (q + 1)/(q - 1) = 41} effective batches (Kish: the squared total
 * over the sum of squared batch sizes), a relative precision of about 11 %.</li>
 * </ul>
 */
public final class BatchPlan {
    /** The least number of batches of any run. */
    public static final int MIN_BATCHES = 10;
    /** Batches of a decay-count run, at most (unless a batch would exceed {@link #MAX_BATCH_DECAYS}). */
    public static final int MAX_FIXED_BATCHES = 100;
    /** Smallest batch of a decay-count run that has more than {@link #MIN_BATCHES} batches. */
    public static final long MIN_FOLDED_BATCH_DECAYS = 25_000;
    /** A batch of a decay-count run with more than 10 batches has at least voxels / this many decays. */
    public static final long VOXELS_PER_BATCH_DECAY = 32;
    /** Batches a target run always does before it may stop. */
    public static final int MIN_TARGET_BATCHES = 20;
    /** Largest pilot batch of a target run. */
    public static final long MAX_PILOT_BATCH_DECAYS = 1000;
    /** Growth of a target run's batches after the pilot, batch to batch. */
    public static final double TARGET_GROWTH = 1.05;
    /**
     * Largest batch: the fixed-point tally holds 2^33 MeV per slot and batch, and the emitted counter takes the
     * whole batch's energy; 10^9 decays emit at most 2.3e9 MeV (90Y, 2.28 MeV endpoint), safely below 8.6e9.
     */
    public static final long MAX_BATCH_DECAYS = 1_000_000_000L;

    /** first[b] = first history of batch b; first[maxBatches] = decays of the whole plan. */
    private final long[] first;
    private final int minBatches;

    private BatchPlan(long[] sizes, int minBatches) {
        if (sizes.length < MIN_BATCHES || minBatches < MIN_BATCHES || minBatches > sizes.length) {
            throw new IllegalArgumentException("need " + MIN_BATCHES + " <= minBatches <= batches, got " + minBatches
                    + " of " + sizes.length);
        }
        first = new long[sizes.length + 1];
        for (int b = 0; b < sizes.length; b++) {
            if (sizes[b] <= 0 || sizes[b] > MAX_BATCH_DECAYS) {
                throw new IllegalArgumentException("decays per batch must be in 1.." + MAX_BATCH_DECAYS + ", got "
                        + sizes[b] + " for batch " + b);
            }
            first[b + 1] = Math.addExact(first[b], sizes[b]);
        }
        this.minBatches = minBatches;
    }

    /** B equal batches of n decays, all of them run (tests and fixed plans). */
    public static BatchPlan equal(long decaysPerBatch, int batches) {
        long[] sizes = new long[batches];
        Arrays.fill(sizes, decaysPerBatch);
        return new BatchPlan(sizes, batches);
    }

    /** The plan of a rule on a tally of {@code voxels} bins (see the class comment). */
    public static BatchPlan of(StopRule rule, long voxels) {
        if (rule instanceof StopRule.DecayCount d) {
            long n = d.decays();
            long minBatch = Math.max(MIN_FOLDED_BATCH_DECAYS, voxels / VOXELS_PER_BATCH_DECAY);
            long b = Math.max(MIN_BATCHES, Math.min(MAX_FIXED_BATCHES, n / minBatch));
            b = Math.max(b, ceilDiv(n, MAX_BATCH_DECAYS));
            return equal(ceilDiv(n, b), toInt(b));
        }
        StopRule.TargetUncertainty t = (StopRule.TargetUncertainty) rule;
        long max = t.maxDecays();
        long n0 = Math.max(1, Math.min(MAX_PILOT_BATCH_DECAYS, max / 100));
        long[] sizes = new long[16];
        int count = 0;
        long total = 0;
        while (total < max) {
            long n = count < MIN_BATCHES ? n0 : Math.round(n0 * Math.pow(TARGET_GROWTH, count - 9));
            n = Math.min(Math.min(n, MAX_BATCH_DECAYS), max - total);
            if (count == sizes.length) {
                sizes = Arrays.copyOf(sizes, 2 * count);
            }
            sizes[count++] = n;
            total += n;
        }
        return new BatchPlan(Arrays.copyOf(sizes, count), MIN_TARGET_BATCHES);
    }

    /** Decays of batch b. */
    public long decaysPerBatch(int batch) {
        return first[batch + 1] - first[batch];
    }

    /** First history of batch b. */
    public long firstHistory(int batch) {
        return first[batch];
    }

    /** Decays of batches 0 .. b - 1 together. */
    public long decaysBefore(int batch) {
        return first[batch];
    }

    /** Batches always run. */
    public int minBatches() {
        return minBatches;
    }

    /** Batches at most. */
    public int maxBatches() {
        return first.length - 1;
    }

    /** Decays of the whole plan when it runs to its last batch. */
    public long maxDecays() {
        return first[first.length - 1];
    }

    /** The fewest batches whose decays together reach {@code decays} (all of them when the plan holds fewer). */
    public int batchesFor(double decays) {
        int b = Arrays.binarySearch(first, (long) Math.min(Long.MAX_VALUE, Math.ceil(decays)));
        int at = b >= 0 ? b : -b - 1;
        return Math.min(maxBatches(), Math.max(at, 0));
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

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "BatchPlan[%d batches (at least %d), %d decays]", maxBatches(),
                minBatches, maxDecays());
    }
}
