package doseengine.tally;

import doseengine.kernels.tally.FixedPointEnergy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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
 *
 * <p>Two ways to accumulate. A run of equal batches (a decay-count run, {@link #exact}) keeps, per bin, the exact
 * integer sums of the fixed-point batch energies {@code q_b} (units of {@link FixedPointEnergy#MEV_PER_UNIT}),
 * {@code U1 = sum_b q_b} and {@code U2 = sum_b q_b^2}, each 128 bits wide ({@link UInt128}), and turns them into
 * {@code S1 = U1 unit} and {@code S2 = U2 unit^2 / n} only when read. Integer sums do not depend on the order of
 * the additions, so a run split into parts and summed back ({@link #addAll}) reads bit for bit as the whole run;
 * in doubles the last bits would depend on the grouping. Cost: 32 bytes per bin instead of 16. A run of unequal
 * batches (a target-uncertainty run) cannot use {@code U2} (each square has its own weight {@code 1/n_b}) and
 * keeps the doubles {@code S1}, {@code S2} summed in batch order ({@link #BatchMoments(int)}).
 */
public final class BatchMoments {
    /** Fewer batches than this give too uncertain an error estimate to stop a run on (DESIGN.md 3.5). */
    public static final int MIN_BATCHES_FOR_STOPPING = 10;

    private final int bins;
    /** Doubles S1, S2 of a run of unequal batches; null when exact. */
    private final double[] sum;
    private final double[] sumOfSquares;
    /** Exact U1 = sum q_b and U2 = sum q_b^2 (high and low words); null when not exact. */
    private final long[] u1Hi, u1Lo, u2Hi, u2Lo;
    private int batches;
    private long decays;
    /** Sum of n_b^2 over the batches, for {@link #effectiveBatches()}. */
    private double squaredBatchDecays;
    /** Decays of every batch of an exact accumulation (0 before the first). */
    private long batchDecays;

    /** Statistics of batches of any sizes, accumulated in doubles in batch order. */
    public BatchMoments(int bins) {
        this(bins, false);
    }

    private BatchMoments(int bins, boolean exact) {
        if (bins <= 0) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        this.bins = bins;
        this.sum = exact ? null : new double[bins];
        this.sumOfSquares = exact ? null : new double[bins];
        this.u1Hi = exact ? new long[bins] : null;
        this.u1Lo = exact ? new long[bins] : null;
        this.u2Hi = exact ? new long[bins] : null;
        this.u2Lo = exact ? new long[bins] : null;
    }

    /**
     * Statistics of equal batches (every batch the same number of decays), accumulated exactly in integers: any
     * order or grouping of the same batches gives the same numbers (see the class comment). 32 bytes per bin.
     */
    public static BatchMoments exact(int bins) {
        return new BatchMoments(bins, true);
    }

    /** Whether the sums are exact integers (equal batches), so that parts of a run add up bit for bit. */
    public boolean isExact() { return u1Hi != null; }

    public int bins() { return bins; }

    public int batches() { return batches; }

    /** Total decays over all folded batches (N). */
    public long decays() { return decays; }

    /** Decays of each batch of an exact accumulation; 0 before the first batch or when not exact. */
    public long batchDecays() { return batchDecays; }

    /**
     * Folds one batch whose fixed-point energies are {@code units[0 .. bins()-1]} and sets those entries to 0
     * (entries beyond {@code bins()} are left alone). Runs in parallel over blocks of bins.
     */
    public void foldBatch(long[] units, long batchDecays) {
        if (units.length < bins) {
            throw new IllegalArgumentException("tally of " + units.length + " slots is shorter than " + bins + " bins");
        }
        acceptBatch(batchDecays);
        ParallelBlocks.run(bins, (blk, from, to) -> {
            for (int b = from; b < to; b++) {
                long q = units[b];
                if (q != 0) {
                    addUnits(b, q, batchDecays);
                    units[b] = 0;
                }
            }
        });
        countBatch(batchDecays);
    }

    /**
     * Checks that a batch of {@code batchDecays} decays may be folded: positive, and for exact statistics the size
     * of the batches before it. Call before the first {@link #addUnits} of the batch.
     */
    void acceptBatch(long batchDecays) {
        checkDecays(batchDecays);
        if (isExact() && batches > 0 && batchDecays != this.batchDecays) {
            throw new IllegalArgumentException("exact batch statistics need equal batches: a batch of " + batchDecays
                    + " decays after batches of " + this.batchDecays);
        }
    }

    /**
     * Adds one bin's batch energy in fixed-point units ({@code q >= 0}). Callers that fold bins themselves call
     * {@link #acceptBatch} first, this for every bin that scored, and then {@link #countBatch} once per batch.
     * Bins are independent: different bins may be added from different threads.
     */
    void addUnits(int bin, long q, long batchDecays) {
        if (u1Hi != null) {
            UInt128.add(u1Hi, u1Lo, bin, q);
            UInt128.addSquare(u2Hi, u2Lo, bin, q);
        } else {
            add(bin, FixedPointEnergy.toMeV(q), batchDecays);
        }
    }

    /** Adds one bin's batch energy (MeV) to double statistics (not exact ones: a double is not exact). */
    void add(int bin, double batchEnergyMeV, long batchDecays) {
        if (sum == null) {
            throw new IllegalStateException("exact batch statistics take fixed-point units, not MeV");
        }
        sum[bin] += batchEnergyMeV;
        sumOfSquares[bin] += batchEnergyMeV * batchEnergyMeV / batchDecays;
    }

    /** Counts a batch of {@code batchDecays} decays whose bins have been added. */
    void countBatch(long batchDecays) {
        acceptBatch(batchDecays);
        batches++;
        decays += batchDecays;
        squaredBatchDecays += (double) batchDecays * batchDecays;
        if (isExact()) {
            this.batchDecays = batchDecays;
        }
    }

    /**
     * Adds the batches of another exact accumulation (a part of the same run: same bins, same batch size). The
     * result does not depend on the order in which parts are added.
     */
    public void addAll(BatchMoments other) {
        if (!isExact() || !other.isExact()) {
            throw new IllegalStateException("only exact batch statistics add up exactly");
        }
        if (other.bins != bins) {
            throw new IllegalArgumentException("cannot add statistics of " + other.bins + " bins to " + bins);
        }
        if (other.batches == 0) {
            return;
        }
        acceptBatch(other.batchDecays);
        ParallelBlocks.run(bins, (blk, from, to) -> {
            for (int b = from; b < to; b++) {
                UInt128.add(u1Hi, u1Lo, b, other.u1Hi[b], other.u1Lo[b]);
                UInt128.add(u2Hi, u2Lo, b, other.u2Hi[b], other.u2Lo[b]);
            }
        });
        batches = Math.addExact(batches, other.batches);
        decays = Math.addExact(decays, other.decays);
        squaredBatchDecays += other.squaredBatchDecays;
        batchDecays = other.batchDecays;
    }

    /**
     * The number of equal batches worth as much as these for the error estimate (Kish's effective sample size,
     * {@code N^2 / sum n_b^2}): B for equal batches, fewer when a few large batches dominate. The error estimate's
     * own relative uncertainty is about {@code 1 / sqrt(2 (B_eff - 1))}.
     */
    public double effectiveBatches() {
        if (isExact()) {
            return batches;
        }
        return batches == 0 ? 0 : (double) decays * decays / squaredBatchDecays;
    }

    /** S1: total energy in the bin over all batches (MeV). */
    public double sum(int bin) {
        if (u1Hi != null) {
            return UInt128.toDouble(u1Hi[bin], u1Lo[bin]) * FixedPointEnergy.MEV_PER_UNIT;
        }
        return sum[bin];
    }

    /** S2 = sum of X_b^2 / n_b (MeV^2 per decay). */
    public double sumOfSquares(int bin) {
        if (u1Hi != null) {
            return batchDecays == 0 ? 0 : UInt128.toDouble(u2Hi[bin], u2Lo[bin])
                    * (FixedPointEnergy.MEV_PER_UNIT * FixedPointEnergy.MEV_PER_UNIT) / batchDecays;
        }
        return sumOfSquares[bin];
    }

    /** Mean energy per decay (MeV), S1 / N; 0 before the first batch. */
    public double meanPerDecay(int bin) {
        return decays == 0 ? 0 : sum(bin) / decays;
    }

    /** Estimated variance of {@link #meanPerDecay} (MeV^2), {@code (S2 - S1^2/N) / ((B-1) N)}; needs B >= 2. */
    public double varianceOfMean(int bin) {
        requireTwoBatches();
        double s1 = sum(bin);
        double s2 = sumOfSquares(bin);
        double spread = s2 - s1 * s1 / decays;
        // S1 and S2 each carry at most about B rounding errors of 2^-53 relative; a spread within that bound
        // is indistinguishable from none.
        double noise = 4 * batches * 0x1p-53 * s2;
        return spread > noise ? spread / ((batches - 1) * (double) decays) : 0;
    }

    /** Relative standard error of the mean; 1 for a bin that never scored. Needs B >= 2. */
    public double relativeStandardError(int bin) {
        requireTwoBatches();
        double s1 = sum(bin);
        if (s1 == 0) {
            return 1;
        }
        return Math.sqrt(varianceOfMean(bin)) / Math.abs(s1 / decays);
    }

    /** Bytes {@link #writeExact} writes: 32 per bin. */
    public long exactBytes() {
        return 32L * bins;
    }

    /**
     * Writes the exact accumulators, per bin U1 (high, low) and U2 (high, low), little endian, 32 bytes per bin
     * (the batch count and size are the caller's to record).
     */
    public void writeExact(OutputStream out) throws IOException {
        if (!isExact()) {
            throw new IllegalStateException("only exact batch statistics can be written");
        }
        int per = 2048;
        ByteBuffer buf = ByteBuffer.allocate(32 * per).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < bins; from += per) {
            buf.clear();
            int to = Math.min(bins, from + per);
            for (int b = from; b < to; b++) {
                buf.putLong(u1Hi[b]).putLong(u1Lo[b]).putLong(u2Hi[b]).putLong(u2Lo[b]);
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /**
     * Reads what {@link #writeExact} wrote, as the statistics of {@code batches} batches of {@code batchDecays}
     * decays each.
     *
     * @throws java.io.EOFException when the stream ends early
     */
    public static BatchMoments readExact(InputStream in, int bins, int batches, long batchDecays) throws IOException {
        BatchMoments m = exact(bins);
        int per = 2048;
        byte[] bytes = new byte[32 * per];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < bins; from += per) {
            int to = Math.min(bins, from + per);
            int n = 32 * (to - from);
            int got = in.readNBytes(bytes, 0, n);
            if (got < n) {
                throw new java.io.EOFException("the exact sums end after " + (32L * from + got) + " of "
                        + m.exactBytes() + " bytes");
            }
            buf.clear();
            for (int b = from; b < to; b++) {
                m.u1Hi[b] = buf.getLong();
                m.u1Lo[b] = buf.getLong();
                m.u2Hi[b] = buf.getLong();
                m.u2Lo[b] = buf.getLong();
            }
        }
        for (int b = 0; b < batches; b++) {
            m.countBatch(batchDecays);
        }
        return m;
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
