package doseengine.dosimetry.convolution;

import doseengine.dosimetry.ParallelTasks;
import doseengine.geometry.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The spectrum of a {@link VoxelSValues} on the padded grid of one source grid, computed once and applied to any
 * number of sources by {@link #convolve(double[])} (the same voxel S values convolve the time-integrated activity of every
 * time point, organ or nuclide).
 *
 * <p>The voxel S values are even in each axis, so its discrete Fourier transform is real and even in each frequency:
 * {@code K^(fx, fy, fz) = sum over o of K(o) cos(2 pi fx ox / Mx) cos(2 pi fy oy / My) cos(2 pi fz oz / Mz)} (the sine
 * parts cancel between {@code o} and {@code -o}). Only the real parts of the frequencies {@code 0..M/2} of each axis
 * are stored: {@code (Mx/2+1)(My/2+1)(Mz/2+1)} doubles, about 1/8 of the padded grid, where the full complex
 * spectrum would take 16 times as much. The factor {@code 1/(My Mz)} of the inverse transforms along y and z is
 * folded in.
 *
 * <p>Computed separably, one axis at a time and in place: each line holds the values at offsets
 * {@code 0..h}, mirrored into a real line of length M ({@code K(0)} at 0, {@code K(i)} at i and M-i: M > 2h, so the
 * two halves do not overlap), whose real FFT has real values only.
 */
public final class VoxelSValuesSpectrum {
    private final int nx, ny, nz;
    private final int mx, my, mz;
    private final int threads;
    /** Real parts, index {@code (fx * (My/2+1) + fy) * (Mz/2+1) + fz}: z fastest, as a z-line of the product reads. */
    private final double[] spectrum;

    private VoxelSValuesSpectrum(int nx, int ny, int nz, int mx, int my, int mz, int threads, double[] spectrum) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.mx = mx;
        this.my = my;
        this.mz = mz;
        this.threads = threads;
        this.spectrum = spectrum;
    }

    /**
     * The spectrum of {@code sValues} for sources on an {@code nx x ny x nz} grid, computed on {@code threads}
     * threads (the convolutions use as many). The values are first cut to the grid ({@link VoxelSValues#truncatedTo}).
     *
     * @throws BadInputException for a grid without voxels, or one whose padded arrays exceed what a Java array holds
     */
    public static VoxelSValuesSpectrum of(VoxelSValues sValues, int nx, int ny, int nz, int threads) {
        SourceGrid.requireGrid(nx, ny, nz);
        VoxelSValues k = sValues.truncatedTo(nx, ny, nz);
        return of(k, nx, ny, nz, FftSizes.padded(nx, k.hx()), FftSizes.padded(ny, k.hy()),
                FftSizes.padded(nz, k.hz()), threads);
    }

    /** As {@link #of(VoxelSValues, int, int, int, int)} with the padded lengths given (for the benchmark). */
    static VoxelSValuesSpectrum of(VoxelSValues k, int nx, int ny, int nz, int mx, int my, int mz, int threads) {
        if (threads < 1) {
            throw new BadInputException("threads must be >= 1, got " + threads);
        }
        if (mx < nx + k.hx() || my < ny + k.hy() || mz < nz + k.hz()) {
            throw new IllegalArgumentException("padded lengths too short for the kernel: wrap-around");
        }
        requireArray(FftConvolution.spectrumDoubles(mx, my, mz), "kernel spectrum", nx, ny, nz);
        requireArray(FftConvolution.workDoubles(nx, ny, nz, mx), "spectrum of a source", nx, ny, nz);
        int sx = HalfComplex.size(mx), sy = HalfComplex.size(my), sz = HalfComplex.size(mz);
        double[] f = new double[sx * sy * sz];
        int hx = k.hx(), hy = k.hy(), hz = k.hz();
        double[] values = k.values();
        // Along x, for every stored (j, k): the values' x-lines.
        ParallelTasks.run(hz + 1, threads, () -> {
            MirroredLine line = new MirroredLine(mx);
            return oz -> {
                for (int oy = 0; oy <= hy; oy++) {
                    int src = (hx + 1) * (oy + (hy + 1) * oz);
                    line.transform(values, src, 1, hx);
                    for (int fx = 0; fx < sx; fx++) {
                        f[(fx * sy + oy) * sz + oz] = line.real(fx);
                    }
                }
            };
        });
        // Along y, then z, one x-frequency at a time, in place.
        double scale = 1.0 / ((double) my * mz); // 1/Mx comes with the inverse along x (FftPipeline)
        ParallelTasks.run(sx, threads, () -> {
            MirroredLine lineY = new MirroredLine(my);
            MirroredLine lineZ = new MirroredLine(mz);
            return fx -> {
                for (int oz = 0; oz <= hz; oz++) {
                    int base = fx * sy * sz + oz;
                    lineY.transform(f, base, sz, hy);
                    for (int fy = 0; fy < sy; fy++) {
                        f[base + fy * sz] = lineY.real(fy);
                    }
                }
                for (int fy = 0; fy < sy; fy++) {
                    int base = (fx * sy + fy) * sz;
                    lineZ.transform(f, base, 1, hz);
                    for (int fz = 0; fz < sz; fz++) {
                        f[base + fz] = lineZ.real(fz) * scale;
                    }
                }
            };
        });
        return new VoxelSValuesSpectrum(nx, ny, nz, mx, my, mz, threads, f);
    }

    private static void requireArray(long doubles, String what, int nx, int ny, int nz) {
        if (doubles > Integer.MAX_VALUE - 8) {
            throw new BadInputException(String.format(Locale.ROOT, "grid %d x %d x %d is too large for an FFT "
                    + "convolution: its %s needs %d doubles, more than a Java array holds", nx, ny, nz, what, doubles));
        }
    }

    /**
     * The convolution of {@code source} (flat index {@code i + nx*(j + ny*k)}, finite values) with the voxel S values; see
     * {@link FftConvolution} for its definition.
     */
    public double[] convolve(double[] source) {
        SourceGrid.requireSource(source, nx, ny, nz);
        double[] out = new double[source.length];
        new FftPipeline(this).run((offset, line, n) -> System.arraycopy(source, offset, line, 0, n),
                (offset, line, n) -> System.arraycopy(line, 0, out, offset, n));
        return out;
    }

    /**
     * As {@link #convolve(double[])} for float maps, to halve the memory of source and result; the transforms and
     * the product are computed in double, and only the result is rounded to float.
     */
    public float[] convolve(float[] source) {
        SourceGrid.requireSource(source, nx, ny, nz);
        float[] out = new float[source.length];
        new FftPipeline(this).run((offset, line, n) -> {
            for (int i = 0; i < n; i++) {
                line[i] = source[offset + i];
            }
        }, (offset, line, n) -> {
            for (int i = 0; i < n; i++) {
                out[offset + i] = (float) line[i];
            }
        });
        return out;
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }

    /** The padded lengths {@code {Mx, My, Mz}}. */
    public int[] paddedSizes() { return new int[] {mx, my, mz}; }

    /** Heap held by this spectrum, in bytes. */
    public long bytes() { return 8L * spectrum.length; }

    int mx() { return mx; }
    int my() { return my; }
    int mz() { return mz; }
    int threads() { return threads; }
    double[] spectrum() { return spectrum; }

    /** A real line of length m holding the values of one line of offsets mirrored, and its real FFT. One per thread. */
    private static final class MirroredLine {
        private final int m;
        private final DoubleFFT_1D fft;
        private final double[] a;

        MirroredLine(int m) {
            this.m = m;
            this.fft = new DoubleFFT_1D(m);
            this.a = new double[m];
        }

        /** Transforms {@code v[from + s*i]} for offsets {@code i = 0..h}, mirrored: {@code a[i] = a[m-i]}. */
        void transform(double[] v, int from, int stride, int h) {
            Arrays.fill(a, 0);
            a[0] = v[from];
            for (int i = 1; i <= h; i++) {
                a[i] = a[m - i] = v[from + stride * i];
            }
            fft.realForward(a);
        }

        /** The (real) spectrum at frequency {@code 0..m/2}. */
        double real(int f) {
            return HalfComplex.real(a, m, f);
        }
    }
}
