package doseengine.dosimetry.convolution;

import doseengine.dosimetry.ParallelTasks;

/**
 * Linear (not circular) 3D convolution of a map with a {@link VoxelSValues} by FFT: dose from time-integrated
 * activity with a dose point kernel or voxel S values (MIRD Pamphlet No. 17, Bolch et al., J Nucl Med 40 (1999)
 * 11S, eq. 6: {@code D(voxel k) = sum over h of A~(voxel h) S(voxel k <- voxel h)}, a convolution because S depends
 * only on the offset between the voxels).
 *
 * <p>For every voxel {@code x} of the grid, {@code out[x] = sum over o of source[x-o] K(o)}, over every offset
 * {@code o} with {@code x-o} inside the grid (nothing comes from outside it). Flat index {@code i + nx*(j + ny*k)}.
 *
 * <p><b>No wrap-around.</b> Along each axis the source is zero-padded to a length {@code M >= n + h}, where h is the
 * half-width of the voxel S values (at most {@code n-1}: {@link VoxelSValues#truncatedTo}); the product of spectra is the
 * circular convolution of period M. An output {@code x} in {@code 0..n-1} sums the padded source at
 * {@code x-o mod M} for {@code |o| <= h}, that is over {@code x-h..x+h}, a window inside {@code -h..n-1+h}. Its
 * points below 0 wrap to {@code M+x-o >= M-h >= n} and its points at or beyond M (none unless M < n+h) would wrap
 * to the start: both land in the zero padding, so every wrapped term is 0 and the circular sum equals the linear
 * one. ({@code M >= n + 2h} would be needed only to keep the outputs outside the grid, which are cropped.)
 *
 * <p><b>Cost.</b> {@code O(M log M)} for the padded grid, independent of the size of the voxel S values. For 256 x 256 x 200
 * voxels on 2 threads (docs/benchmarks.md): voxel S values reaching the grid's full extent (padded 512 x 512 x 400) takes
 * 0.18 s for its spectrum and 0.63 s per source; 21-voxel values (270 x 270 x 216) 0.02 s and 0.22 s.
 *
 * <p><b>Memory</b> ({@link #estimateBytes}): the spectrum of the voxel S values, {@code 8 (Mx/2+1)(My/2+1)(Mz/2+1)} bytes (real
 * parts of one octant, see {@link VoxelSValuesSpectrum}); the source's spectrum while it is transformed,
 * {@code 16 (Mx/2+1) ny nz} bytes (complex, x-frequencies by grid rows: the transforms along y and z run one
 * x-frequency plane at a time in a per-thread buffer, so the padded grid is never held whole); the result,
 * {@code 8 nx ny nz} bytes (4 for float); and per thread {@code 16 (My nz + (Mx/2+1) ny + 8 Mz)} bytes of buffers.
 * For 256 x 256 x 200 with full-extent voxel S values: 106 MB + 211 MB + 105 MB + about 3 MB per thread, with the source
 * and the voxel S values (105 MB each, in double) held by the caller; a full complex FFT of the padded grid would need 1.7 GB
 * for one array. The collector needs room beyond that for arrays this large: that case ran in a heap of 850 MB (the
 * estimate, 407 MB, plus the caller's 210 MB) but not of 760 MB, so a command should refuse a grid when the estimate
 * plus its own arrays exceed about 3/4 of {@code Runtime.maxMemory()}.
 */
public final class FftConvolution {
    private FftConvolution() {}

    /** The convolution of {@code source} with {@code sValues}, on every processor. */
    public static double[] convolve(double[] source, int nx, int ny, int nz, VoxelSValues sValues) {
        SourceGrid.requireSource(source, nx, ny, nz); // before the spectrum of the values, which takes a while
        return prepare(sValues, nx, ny, nz).convolve(source);
    }

    /** The convolution of a float map, computed in double and rounded to float once at the end. */
    public static float[] convolve(float[] source, int nx, int ny, int nz, VoxelSValues sValues) {
        SourceGrid.requireSource(source, nx, ny, nz);
        return prepare(sValues, nx, ny, nz).convolve(source);
    }

    /** The spectrum of the values for sources on this grid, to convolve several sources with the same values. */
    public static VoxelSValuesSpectrum prepare(VoxelSValues sValues, int nx, int ny, int nz) {
        return VoxelSValuesSpectrum.of(sValues, nx, ny, nz, ParallelTasks.defaultThreads());
    }

    /** As {@link #prepare(VoxelSValues, int, int, int)} on a given number of threads. */
    public static VoxelSValuesSpectrum prepare(VoxelSValues sValues, int nx, int ny, int nz, int threads) {
        return VoxelSValuesSpectrum.of(sValues, nx, ny, nz, threads);
    }

    /**
     * The heap, in bytes, that {@link #convolve(double[], int, int, int, VoxelSValues)} needs beyond the source and
     * the voxel S values the caller holds, on every processor: the spectrum of the voxel S values, the source's spectrum, the double result
     * and the threads' buffers (an upper bound for the float variant). A command compares it with
     * {@code Runtime.maxMemory()} to refuse a grid too large before trying.
     */
    public static long estimateBytes(int nx, int ny, int nz, VoxelSValues sValues) {
        SourceGrid.requireGrid(nx, ny, nz);
        VoxelSValues k = sValues.truncatedTo(nx, ny, nz);
        int mx = FftSizes.padded(nx, k.hx()), my = FftSizes.padded(ny, k.hy()), mz = FftSizes.padded(nz, k.hz());
        long perThread = 8L * (2L * my * nz + 2L * HalfComplex.size(mx) * ny + 2L * 8 * mz + mx + my + mz)
                + 3 * 16L * (mx + my + mz); // JTransforms' twiddle tables, about 2-4 doubles per point
        return 8 * spectrumDoubles(mx, my, mz) + 8 * workDoubles(nx, ny, nz, mx) + 8L * nx * ny * nz
                + ParallelTasks.defaultThreads() * perThread;
    }

    static long spectrumDoubles(int mx, int my, int mz) {
        return (long) HalfComplex.size(mx) * HalfComplex.size(my) * HalfComplex.size(mz);
    }

    static long workDoubles(int nx, int ny, int nz, int mx) {
        return 2L * HalfComplex.size(mx) * ny * nz;
    }
}
