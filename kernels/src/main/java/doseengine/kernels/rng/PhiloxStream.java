package doseengine.kernels.rng;

import doseengine.kernels.UniformSource;

/**
 * The random numbers of one history for one purpose: Philox4x32-10 blocks at counters
 * (history low, history high, purpose, 0), (..., 1), (..., 2), ... under the key of the run seed,
 * consumed word 0, 1, 2, 3 of each block in turn.
 *
 * <p>The sequence depends only on (seed, history, purpose): never on threads, batches or devices. The
 * OpenCL {@code philox_stream} in {@code include/philox.clh} draws the same words in the same order;
 * {@code doseengine/kernels/RNG.md} writes the contract down.
 *
 * <p>One stream holds 2^32 blocks (2^34 words). Drawing beyond that would repeat the sequence, so it
 * throws instead. Not thread-safe: one stream per history being transported.
 *
 * <p>Device twin: {@code include/philox.clh}: {@code philox_stream}, {@code philox_stream_init},
 * {@code philox_next_uint}, {@code philox_next_float}, {@code philox_uint_to_float}, {@code philox_exp_sample},
 * {@code philox_stream_seek}, {@code philox_stream_draws}.
 */
public final class PhiloxStream implements UniformSource {

    private static final long BLOCKS = 1L << 32;

    private final int k0;
    private final int k1;
    private int c0;
    private int c1;
    private int c2;
    /** Index of the next block to compute, 0 .. 2^32. */
    private long nextBlock;
    private final int[] words = new int[Philox4x32.WORDS];
    /** Next unused word of {@link #words}; {@code WORDS} when the block is used up. */
    private int nextWord;

    /** The stream of {@code history} (any 64-bit index) for {@code purpose} under the run {@code seed}. */
    public PhiloxStream(long seed, long history, int purpose) {
        this(seed, history, purpose, 0);
    }

    /** Starts at block {@code firstBlock} instead of 0: lets tests reach the end of a stream. */
    PhiloxStream(long seed, long history, int purpose, long firstBlock) {
        this.k0 = Philox4x32.keyLow(seed);
        this.k1 = Philox4x32.keyHigh(seed);
        restart(history, purpose, firstBlock);
    }

    /** Rewinds this object to the start of another history's stream (same seed), without allocating. */
    public void restart(long history, int purpose) {
        restart(history, purpose, 0);
    }

    private void restart(long history, int purpose, long firstBlock) {
        if (firstBlock < 0 || firstBlock > BLOCKS) {
            throw new IllegalArgumentException("first block " + firstBlock + " outside 0.." + BLOCKS);
        }
        c0 = (int) history;
        c1 = (int) (history >>> 32);
        c2 = purpose;
        nextBlock = firstBlock;
        nextWord = Philox4x32.WORDS;
    }

    /** The next 32-bit word (unsigned value in an int). */
    public int nextInt() {
        if (nextWord == Philox4x32.WORDS) {
            if (nextBlock == BLOCKS) {
                throw new IllegalStateException("Philox stream of history " + history() + ", purpose "
                        + Integer.toUnsignedString(c2) + " used up its 2^32 blocks");
            }
            Philox4x32.block(c0, c1, c2, (int) nextBlock, k0, k1, words);
            nextBlock++;
            nextWord = 0;
        }
        return words[nextWord++];
    }

    /** The next uniform float in [0, 1), a multiple of 2^-24 ({@link Philox4x32#toUnitFloat}). */
    @Override
    public float nextFloat() {
        return Philox4x32.toUnitFloat(nextInt());
    }

    /**
     * A unit-mean exponential sample -ln(1 - u) from a uniform {@code u} in [0, 1). Using 1 - u, which lies
     * in (0, 1] and is exact in float for every u this class returns, keeps the logarithm finite; the largest
     * sample is 24 ln 2 = 16.64. OpenCL's {@code philox_exp_sample} is the same formula, but float
     * {@code log} there may differ from Java by a few ulp (OpenCL 1.2 allows 3 ulp): exponential samples
     * are close on the two sides, not bit-identical.
     */
    public static float expSample(float u) {
        return (float) -Math.log(1.0f - u);
    }

    private long history() {
        return (c0 & 0xFFFF_FFFFL) | ((long) c1 << 32);
    }
}
