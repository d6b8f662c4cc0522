package doseengine.dosimetry.convolution;

import doseengine.dosimetry.ParallelTasks;
import java.util.Locale;
import java.util.Random;

/**
 * Times the FFT convolution on a patient-sized grid (256 x 256 x 200) for a kernel reaching the grid's full extent
 * and for a 21-voxel kernel, with padded lengths made of different factor sets. Not a test (no assertion on speed,
 * docs/benchmarks.md); run by hand after {@code mvn -o -pl dosimetry -am test-compile}:
 * <pre>
 * java -Xmx4g -cp dosimetry/target/classes:dosimetry/target/test-classes:JTransforms.jar:JLargeArrays.jar:\
 *   commons-math3.jar doseengine.dosimetry.convolution.FftConvolutionBenchmark [threads | lengths]
 * </pre>
 * {@code lengths} times JTransforms' 1D transforms instead, per length class (see {@link FftSizes}).
 */
public final class FftConvolutionBenchmark {
    private FftConvolutionBenchmark() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("lengths")) {
            lengths();
            return;
        }
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : ParallelTasks.defaultThreads();
        int nx = 256, ny = 256, nz = 200;
        double[] source = body(nx, ny, nz);
        // A dose point kernel's 1/r^2 fall-off, 1 mm x 1 mm x 1.5 mm voxels (non-cubic, as a CT reconstruction).
        VoxelSValues.OffsetFunction dpk = (i, j, k) -> 1 / (0.25 + i * i + j * j + 2.25 * k * k);
        VoxelSValues full = VoxelSValues.of(nx - 1, ny - 1, nz - 1, dpk);
        VoxelSValues small = VoxelSValues.of(10, 10, 10, dpk);
        String[] names = {"2,3,5", "2,3,5,7", "2,3,5 even", "2 (powers)"};
        int[][] factors = {{2, 3, 5}, {2, 3, 5, 7}, {2, 3, 5}, {2}};
        System.out.printf(Locale.ROOT, "%d x %d x %d, %d threads, max heap %d MB%n", nx, ny, nz, threads,
                Runtime.getRuntime().maxMemory() >> 20);
        for (VoxelSValues k : new VoxelSValues[] {full, small}) {
            for (int p = 0; p < names.length; p++) {
                boolean even = names[p].endsWith("even");
                int mx = length(nx + k.hx(), factors[p], even), my = length(ny + k.hy(), factors[p], even);
                int mz = length(nz + k.hz(), factors[p], even);
                double prepare = Double.MAX_VALUE, convolve = Double.MAX_VALUE, first = 0;
                for (int run = 0; run < 3; run++) { // the first includes the JIT compiler; the best is reported too
                    long t0 = System.nanoTime();
                    VoxelSValuesSpectrum s = VoxelSValuesSpectrum.of(k, nx, ny, nz, mx, my, mz, threads);
                    long t1 = System.nanoTime();
                    s.convolve(source);
                    long t2 = System.nanoTime();
                    first = run == 0 ? (t2 - t0) * 1e-9 : first;
                    prepare = Math.min(prepare, (t1 - t0) * 1e-9);
                    convolve = Math.min(convolve, (t2 - t1) * 1e-9);
                }
                System.out.printf(Locale.ROOT, "kernel %3d x %3d x %3d  factors %-10s  padded %4d x %4d x %4d  "
                        + "spectrum %.2f s  convolve %.2f s  (first run, both: %.2f s)  FftSizes estimate %d MB%n",
                        2 * k.hx() + 1, 2 * k.hy() + 1, 2 * k.hz() + 1, names[p], mx, my, mz, prepare, convolve, first,
                        FftConvolution.estimateBytes(nx, ny, nz, k) >> 20);
            }
        }
    }

    /**
     * Nanoseconds per {@code m log2 m} of a forward and inverse 1D transform (real and complex), averaged over the
     * lengths 190..1100 with factors 2, 3, 5, 7 only, by class: powers of two; 2,3,5 odd and even; with a 7, odd and
     * even. Best of 5 repetitions per length.
     */
    private static void lengths() {
        String[] classes = {"powers of 2", "2,3,5 even", "2,3,5 odd", "with 7 even", "with 7 odd"};
        for (boolean real : new boolean[] {true, false}) {
            double[] sum = new double[classes.length];
            int[] count = new int[classes.length];
            for (int m = 190; m <= 1100; m++) {
                if (FftSizes.next(m, new int[] {2, 3, 5, 7}) != m) {
                    continue;
                }
                int c = FftSizes.next(m, new int[] {2}) == m ? 0 : FftSizes.next(m, FftSizes.FACTORS) == m
                        ? (m % 2 == 0 ? 1 : 2) : (m % 2 == 0 ? 3 : 4);
                sum[c] += nanosPerPoint(m, real);
                count[c]++;
            }
            for (int c = 0; c < classes.length; c++) {
                System.out.printf(Locale.ROOT, "%s %-12s %.2f ns per m log2 m (%d lengths)%n", real ? "real   " : "complex",
                        classes[c], sum[c] / count[c], count[c]);
            }
        }
    }

    private static double nanosPerPoint(int m, boolean real) {
        org.jtransforms.fft.DoubleFFT_1D fft = new org.jtransforms.fft.DoubleFFT_1D(m);
        double[] a = new Random(m).doubles(real ? m : 2 * m).toArray();
        int reps = Math.max(200, 4_000_000 / m);
        double best = Double.MAX_VALUE;
        for (int t = 0; t < 5; t++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                if (real) {
                    fft.realForward(a);
                    fft.realInverse(a, true);
                } else {
                    fft.complexForward(a);
                    fft.complexInverse(a, true);
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) reps);
        }
        return best / (m * Math.log(m) / Math.log(2));
    }

    private static int length(int n, int[] primes, boolean even) {
        int m = FftSizes.next(n, primes);
        while (even && m % 2 == 1) {
            m = FftSizes.next(m + 1, primes);
        }
        return m;
    }

    /** Activity in an ellipsoidal body, zero outside: a patient map has a large empty margin. */
    private static double[] body(int nx, int ny, int nz) {
        Random r = new Random(1);
        double[] s = new double[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double u = (x - nx / 2.0) / (0.4 * nx), v = (y - ny / 2.0) / (0.3 * ny), w = (z - nz / 2.0) / (0.5 * nz);
                    if (u * u + v * v + w * w < 1) {
                        s[x + nx * (y + ny * z)] = r.nextDouble();
                    }
                }
            }
        }
        return s;
    }
}
