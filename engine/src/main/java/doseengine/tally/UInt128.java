package doseengine.tally;

/**
 * Unsigned 128-bit integers held as two longs (high word, low word), in arrays of bins: the exact accumulators of
 * {@link BatchMoments}. Only what those need: adding a non-negative long or its square, adding another such
 * number, and rounding to the nearest double once.
 *
 * <p>Why 128 bits: a batch's energy in a bin is below 2^63 fixed-point units (the tally refuses more), a sum over
 * B batches below 2^63 B, and a sum of squares below 2^126 B. An overflow beyond 2^128 (B squares each near
 * 2^126) is refused, never wrapped.
 */
final class UInt128 {
    private UInt128() {}

    /** Adds {@code q >= 0} to the number at {@code i}. */
    static void add(long[] hi, long[] lo, int i, long q) {
        long l = lo[i] + q;
        if (Long.compareUnsigned(l, q) < 0) {
            hi[i] = addHigh(hi[i], 0, 1);
        }
        lo[i] = l;
    }

    /** Adds {@code q^2} ({@code q >= 0}) to the number at {@code i}. */
    static void addSquare(long[] hi, long[] lo, int i, long q) {
        long pLo = q * q;
        long pHi = Math.multiplyHigh(q, q);
        long l = lo[i] + pLo;
        hi[i] = addHigh(hi[i], pHi, Long.compareUnsigned(l, pLo) < 0 ? 1 : 0);
        lo[i] = l;
    }

    /** Adds the number {@code (bHi, bLo)} to the number at {@code i}. */
    static void add(long[] hi, long[] lo, int i, long bHi, long bLo) {
        long l = lo[i] + bLo;
        hi[i] = addHigh(hi[i], bHi, Long.compareUnsigned(l, bLo) < 0 ? 1 : 0);
        lo[i] = l;
    }

    /** {@code a + b + carry} of high words, refusing a result beyond 2^64 (the number beyond 2^128). */
    private static long addHigh(long a, long b, int carry) {
        long s = a + b;
        boolean over = Long.compareUnsigned(s, a) < 0;
        long t = s + carry;
        if (over || (carry != 0 && t == 0)) {
            throw new IllegalStateException("exact batch sum beyond 2^128 fixed-point units: use more, smaller batches");
        }
        return t;
    }

    /**
     * The unsigned number {@code hi 2^64 + lo} rounded to the nearest double (ties to even), with one rounding: the
     * top 64 bits are kept with a sticky bit for whatever lies below them, then converted.
     */
    static double toDouble(long hi, long lo) {
        if (hi == 0) {
            return unsignedToDouble(lo);
        }
        int shift = 64 - Long.numberOfLeadingZeros(hi); // bits of hi, 1..64
        long top;
        long rest;
        if (shift == 64) {
            top = hi;
            rest = lo;
        } else {
            top = (hi << (64 - shift)) | (lo >>> shift);
            rest = lo << (64 - shift);
        }
        if (rest != 0) {
            top |= 1; // sticky: 11 bits below the double's last bit, so it only breaks ties
        }
        return Math.scalb(unsignedToDouble(top), shift);
    }

    /** An unsigned long rounded to the nearest double. */
    static double unsignedToDouble(long x) {
        if (x >= 0) {
            return x;
        }
        return ((double) ((x >>> 1) | (x & 1))) * 2.0;
    }
}
