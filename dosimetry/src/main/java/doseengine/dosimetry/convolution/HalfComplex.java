package doseengine.dosimetry.convolution;

/**
 * JTransforms' packed layout of the spectrum of a real line of length m ({@code DoubleFFT_1D.realForward}, and what
 * {@code realInverse} reads), and the plain layout used here: the {@code m/2 + 1} non-negative frequencies as
 * interleaved (re, im) pairs. The negative frequencies are the complex conjugates and are not stored.
 *
 * <p>Packed, for m even: {@code a[0] = Re 0, a[1] = Re m/2, a[2k] = Re k, a[2k+1] = Im k} for {@code 0 < k < m/2}.
 * For m odd: {@code a[0] = Re 0, a[2k] = Re k, a[2k+1] = Im k} for {@code 0 < k < (m-1)/2}, and the last frequency
 * {@code (m-1)/2} has {@code a[m-1] = Re, a[1] = Im} (JTransforms 3.1, DoubleFFT_1D Javadoc; checked in
 * HalfComplexTest). For m = 1 the one value is {@code a[0]}.
 */
final class HalfComplex {
    private HalfComplex() {}

    /** Number of stored frequencies of a real line of length m. */
    static int size(int m) {
        return m / 2 + 1;
    }

    /** Packed {@code a[0..m)} to {@code size(m)} interleaved pairs at {@code c[off..]}. */
    static void unpack(double[] a, int m, double[] c, int off) {
        c[off] = a[0];
        c[off + 1] = 0;
        if (m == 1) {
            return;
        }
        int last = m / 2; // the last stored frequency
        for (int k = 1; k < last; k++) { // the last frequency is packed apart
            c[off + 2 * k] = a[2 * k];
            c[off + 2 * k + 1] = a[2 * k + 1];
        }
        if (m % 2 == 0) {
            c[off + 2 * last] = a[1];
            c[off + 2 * last + 1] = 0;
        } else {
            c[off + 2 * last] = a[m - 1];
            c[off + 2 * last + 1] = a[1];
        }
    }

    /**
     * Interleaved pairs at {@code c[off..]} to the packed {@code a[0..m)}. The imaginary parts of frequency 0 (and of
     * m/2 for even m) are dropped: they are 0 for the spectrum of a real line, up to rounding.
     */
    static void pack(double[] c, int off, int m, double[] a) {
        a[0] = c[off];
        if (m == 1) {
            return;
        }
        int last = m / 2;
        for (int k = 1; k < last; k++) { // the last frequency is packed apart
            a[2 * k] = c[off + 2 * k];
            a[2 * k + 1] = c[off + 2 * k + 1];
        }
        if (m % 2 == 0) {
            a[1] = c[off + 2 * last];
        } else {
            a[m - 1] = c[off + 2 * last];
            a[1] = c[off + 2 * last + 1];
        }
    }

    /** The real part of frequency {@code k} (0..m/2) of a packed line. */
    static double real(double[] a, int m, int k) {
        if (k == 0) {
            return a[0];
        }
        if (2 * k == m) {
            return a[1];
        }
        return m % 2 == 1 && k == m / 2 ? a[m - 1] : a[2 * k];
    }
}
