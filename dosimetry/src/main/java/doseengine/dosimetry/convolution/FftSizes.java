package doseengine.dosimetry.convolution;

/**
 * The padded length of each axis of an FFT convolution: the smallest length {@code >= n + h} (grid size plus the values'
 * half-width, see {@link FftConvolution}) that JTransforms transforms fast.
 *
 * <p>JTransforms 3.1 ({@code DoubleFFT_1D}) uses Ooura's split-radix FFT for powers of two, FFTPACK's mixed radix
 * with passes for the factors 4, 2, 3 and 5 when the rest after those factors is below 211, a generic (slow,
 * {@code O(m p)}) pass for any other prime factor p, and Bluestein's algorithm (three power-of-two FFTs of twice the
 * length) otherwise. So 7 is not one of its fast factors. Measured ({@code FftConvolutionBenchmark lengths},
 * docs/benchmarks.md, 2026-12-07), nanoseconds per {@code m log2 m} of a complex transform and its inverse, averaged
 * over the lengths 190..1100: powers of two 0.91; other lengths with factors 2, 3, 5 only 1.44 (even) and 1.52
 * (odd); lengths with a factor 7, 2.30 (even) and 4.97 (odd). Real transforms: 0.53, 1.06, 1.08, 1.65, 4.18. So the
 * factors are 2, 3 and 5, and odd lengths are allowed (hardly slower, and the convolutions took the same time).
 * Powers of two are faster still per point, but padding up to one costs up to twice the points: for the full-extent
 * values on 256 x 256 x 200 (512 x 512 x 400) a z-length of 512 was 11 % faster and took 28 % more memory for the
 * spectrum of the values; for 21-voxel values (270 x 270 x 216) powers of two were twice as slow. Not done.
 */
public final class FftSizes {
    /** The prime factors allowed in a padded length. */
    static final int[] FACTORS = {2, 3, 5};

    private FftSizes() {}

    /** The smallest length {@code >= n} whose prime factors are all in {@link #FACTORS}. */
    public static int next(int n) {
        return next(n, FACTORS);
    }

    /** The padded length for a grid of n voxels and a half-width h of the voxel S values: {@code next(n + h)}. */
    public static int padded(int n, int h) {
        return next(Math.addExact(n, h));
    }

    /** The smallest length {@code >= max(n, 1)} whose prime factors are all in {@code primes}. */
    static int next(int n, int[] primes) {
        for (int m = Math.max(n, 1); m > 0; m++) {
            if (isSmooth(m, primes)) {
                return m;
            }
        }
        throw new ArithmeticException("no FFT length >= " + n + " fits an int");
    }

    private static boolean isSmooth(int m, int[] primes) {
        for (int p : primes) {
            while (m % p == 0) {
                m /= p;
            }
        }
        return m == 1;
    }
}
