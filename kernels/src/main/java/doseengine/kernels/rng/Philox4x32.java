package doseengine.kernels.rng;

/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3", SC11 (2011), bit for bit as in Random123's {@code philox4x32_R(10, ctr, key)}.
 *
 * <p>A block is a pure function of a 128-bit counter (four 32-bit words) and a 64-bit key (two words):
 * no state, so any block of any history can be computed on any thread or device in any order. The
 * engine's counter layout (see {@code doseengine/kernels/RNG.md}, and {@link PhiloxStream}) is
 *
 * <pre>
 *   key     = (k0, k1) = (seed low 32 bits, seed high 32 bits)
 *   counter = (c0, c1, c2, c3) = (history low 32 bits, history high 32 bits, purpose id, block index)
 * </pre>
 *
 * <p>The OpenCL twin is {@code include/philox.clh}; both are tested against the Random123 known-answer
 * vectors and against each other. Words are Java {@code int}s holding unsigned 32-bit values.
 *
 * <p>Device twin: {@code include/philox.clh}: {@code philox4x32_round}, {@code philox4x32_10}.
 */
public final class Philox4x32 {

    /** Round multipliers (Random123 {@code PHILOX_M4x32_0}, {@code PHILOX_M4x32_1}). */
    static final int M0 = 0xD2511F53;
    static final int M1 = 0xCD9E8D57;
    /** Weyl key increments: golden ratio and sqrt(3)-1 (Random123 {@code PHILOX_W32_0}, {@code PHILOX_W32_1}). */
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;

    public static final int ROUNDS = 10;
    /** Words per block. */
    public static final int WORDS = 4;

    private static final long UNSIGNED = 0xFFFF_FFFFL;

    private Philox4x32() {}

    /**
     * One Philox4x32-10 block: writes the four output words of counter (c0..c3) under key (k0, k1) to
     * {@code out[0..3]}.
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        int x0 = c0;
        int x1 = c1;
        int x2 = c2;
        int x3 = c3;
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                k0 += W0;
                k1 += W1;
            }
            // 32x32 -> 64-bit unsigned products: fits a long's 64 bits exactly, so >>> 32 is mul_hi.
            long p0 = (M0 & UNSIGNED) * (x0 & UNSIGNED);
            long p1 = (M1 & UNSIGNED) * (x2 & UNSIGNED);
            int y0 = (int) (p1 >>> 32) ^ x1 ^ k0;
            int y1 = (int) p1;
            int y2 = (int) (p0 >>> 32) ^ x3 ^ k1;
            int y3 = (int) p0;
            x0 = y0;
            x1 = y1;
            x2 = y2;
            x3 = y3;
        }
        out[0] = x0;
        out[1] = x1;
        out[2] = x2;
        out[3] = x3;
    }

    /** Key word k0 of a run seed: its low 32 bits. */
    public static int keyLow(long seed) {
        return (int) seed;
    }

    /** Key word k1 of a run seed: its high 32 bits. */
    public static int keyHigh(long seed) {
        return (int) (seed >>> 32);
    }

    /**
     * A word as a float in [0, 1): its top 24 bits times 2^-24. Exact (24 bits fit a float's significand),
     * so Java and OpenCL ({@code philox_uint_to_float}) give the same bits; the largest value is 1 - 2^-24.
     */
    public static float toUnitFloat(int word) {
        return (word >>> 8) * 0x1p-24f;
    }
}
