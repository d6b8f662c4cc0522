package doseengine.dosimetry.convolution;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FftConvolutionTest {
    /**
     * FFT against the direct sum with random sources and kernels: odd and even, non-cubic grids; half-widths 0,
     * small, anisotropic, the full extent n-1 and beyond it (cut); padded lengths that are odd (7 + 6 = 13 -> 15,
     * 5 + 4 = 9) or even but not powers of two (12 + 11 = 23 -> 24, 10 -> 20). One and three threads.
     */
    @ParameterizedTest(name = "{0}x{1}x{2}, half-widths {3},{4},{5}, {6} threads")
    @CsvSource({
        "7, 5, 9, 0, 0, 0, 1",
        "7, 5, 9, 1, 2, 1, 3",
        "7, 5, 9, 6, 4, 8, 3",
        "12, 10, 6, 11, 9, 5, 1",
        "12, 10, 6, 3, 0, 2, 3",
        "1, 8, 3, 0, 7, 2, 3",
        "1, 1, 1, 0, 0, 0, 1",
        "16, 3, 11, 20, 20, 20, 3",
        "9, 9, 9, 4, 4, 4, 3",
    })
    void equalsTheDirectSum(int nx, int ny, int nz, int hx, int hy, int hz, int threads) {
        Random r = new Random(31L * nx + 7L * hx + hz);
        VoxelSValues k = VoxelSValues.of(hx, hy, hz, (i, j, kk) -> r.nextDouble());
        double[] source = r.doubles((long) nx * ny * nz, 0, 1).toArray();
        double[] direct = DirectConvolution.convolve(source, nx, ny, nz, k);
        VoxelSValuesSpectrum spectrum = FftConvolution.prepare(k, nx, ny, nz, threads);
        double d = maxRelativeDifference(spectrum.convolve(source), direct);
        assertTrue(d <= 1e-9, "max relative difference " + d);

        // The same spectrum serves a second source, and the float variant agrees to float precision.
        double[] second = r.doubles((long) nx * ny * nz, -1, 1).toArray();
        assertTrue(maxRelativeDifference(spectrum.convolve(second),
                DirectConvolution.convolve(second, nx, ny, nz, k)) <= 1e-9);
        float[] f = new float[source.length];
        for (int v = 0; v < f.length; v++) {
            f[v] = (float) source[v];
        }
        float[] fOut = spectrum.convolve(f);
        double[] fd = new double[fOut.length];
        for (int v = 0; v < fd.length; v++) {
            fd[v] = fOut[v];
        }
        assertTrue(maxRelativeDifference(fd, direct) <= 1e-6);
    }

    /**
     * A unit source in a corner gives back the kernel: out(i, j, k) = K(|i - ci|, |j - cj|, |k - ck|). The kernel's
     * values differ along each axis (1 + i + 10 j + 100 k), so an axis swapped or reversed would show.
     */
    @Test
    void unitSourceInACornerReproducesTheVoxelSValues() {
        int nx = 9, ny = 7, nz = 8;
        VoxelSValues k = VoxelSValues.of(nx - 1, ny - 1, nz - 1, (i, j, kk) -> 1 + i + 10 * j + 100 * kk);
        int[][] corners = {{0, 0, 0}, {nx - 1, 0, nz - 1}, {0, ny - 1, 0}};
        for (int[] c : corners) {
            double[] source = new double[nx * ny * nz];
            source[c[0] + nx * (c[1] + ny * c[2])] = 1;
            double[] out = FftConvolution.convolve(source, nx, ny, nz, k);
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        double expected = k.at(x - c[0], y - c[1], z - c[2]);
                        assertEquals(expected, out[x + nx * (y + ny * z)], 1e-12 * 800, "at " + x + "," + y + "," + z);
                    }
                }
            }
        }
    }

    /**
     * A constant kernel of half-width 3 around a unit source at (1, 2, 1) of a 12 x 11 x 10 grid: every voxel within
     * 3 of the source on each axis gets 1 and every other voxel 0. Wrap-around would carry the kernel's offsets that
     * fall off the near edge to the far end of the grid. Checked also at the shortest padding the Javadoc allows,
     * M = n + h exactly (15, 14, 13, not lengths FftSizes would pick).
     */
    @Test
    void nothingWrapsAroundToTheFarSide() {
        int nx = 12, ny = 11, nz = 10, h = 3;
        VoxelSValues k = VoxelSValues.of(h, h, h, (i, j, kk) -> 1);
        double[] source = new double[nx * ny * nz];
        source[1 + nx * (2 + ny)] = 1;
        double[] smooth = FftConvolution.convolve(source, nx, ny, nz, k);
        double[] tight = VoxelSValuesSpectrum.of(k, nx, ny, nz, nx + h, ny + h, nz + h, 2).convolve(source);
        for (double[] out : new double[][] {smooth, tight}) {
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        boolean reached = Math.abs(x - 1) <= h && Math.abs(y - 2) <= h && Math.abs(z - 1) <= h;
                        assertEquals(reached ? 1 : 0, out[x + nx * (y + ny * z)], 1e-12, x + "," + y + "," + z);
                    }
                }
            }
        }
    }

    /**
     * Energy is conserved when nothing leaves the grid: a source at least h voxels from every face gives
     * sum(out) = sum(source) x sum of the kernel over all its offsets.
     */
    @Test
    void sumIsSourceTimesVoxelSValuesWhenTheyFit() {
        int nx = 40, ny = 36, nz = 30, h = 5;
        Random r = new Random(5);
        VoxelSValues k = VoxelSValues.of(h, h - 1, h - 2, (i, j, kk) -> Math.exp(-(i * i + j * j + kk * kk) / 8.0));
        double[] source = new double[nx * ny * nz];
        double sourceSum = 0;
        for (int z = h; z < nz - h; z++) {
            for (int y = h; y < ny - h; y++) {
                for (int x = h; x < nx - h; x++) {
                    sourceSum += source[x + nx * (y + ny * z)] = r.nextDouble();
                }
            }
        }
        double outSum = 0;
        for (double v : FftConvolution.convolve(source, nx, ny, nz, k)) {
            outSum += v;
        }
        assertEquals(sourceSum * k.sum(), outSum, 1e-12 * outSum);
    }

    /** The figures of FftConvolution's Javadoc: 106 MB + 211 MB + 105 MB and a few MB per thread. */
    @Test
    void memoryEstimateOfAPatientGrid() {
        VoxelSValues full = new VoxelSValues(255, 255, 199, new double[256 * 256 * 200]);
        long bytes = FftConvolution.estimateBytes(256, 256, 200, full);
        long known = 257L * 257 * 201 * 8 + 257L * 256 * 200 * 16 + 256L * 256 * 200 * 8;
        assertTrue(bytes > known && bytes < known + 64L * 6_000_000, "estimate " + bytes);
        // A 21-voxel kernel pads to 270 x 270 x 210: the spectrum shrinks to 136 x 136 x 106, the source's
        // spectrum to 136 x 256 x 200 complex values.
        VoxelSValues small = VoxelSValues.of(10, 10, 10, (i, j, kk) -> 1);
        long smallBytes = FftConvolution.estimateBytes(256, 256, 200, small);
        long smallKnown = 136L * 136 * 106 * 8 + 136L * 256 * 200 * 16 + 256L * 256 * 200 * 8;
        assertTrue(smallBytes > smallKnown && smallBytes < smallKnown + 64L * 6_000_000, "estimate " + smallBytes);
    }

    @Test
    void badSourcesAreRefusedWithOneLine() {
        VoxelSValues k = VoxelSValues.of(1, 1, 1, (i, j, kk) -> 1);
        BadInputException e = assertThrows(BadInputException.class,
                () -> FftConvolution.convolve(new double[5], 2, 2, 2, k));
        assertEquals("source has 5 voxels; the grid 2 x 2 x 2 has 8", e.getMessage());
        double[] nan = new double[8];
        nan[1 + 2 * (1 + 2)] = Double.NaN;
        e = assertThrows(BadInputException.class, () -> FftConvolution.convolve(nan, 2, 2, 2, k));
        assertEquals("source at voxel (1,1,1) is NaN; it must be finite", e.getMessage());
        e = assertThrows(BadInputException.class, () -> FftConvolution.prepare(k, 0, 2, 2));
        assertEquals("grid must have at least 1 voxel per axis, got 0 x 2 x 2", e.getMessage());
        VoxelSValuesSpectrum s = FftConvolution.prepare(k, 2, 2, 2, 1);
        assertThrows(BadInputException.class, () -> s.convolve(new float[7]), "a spectrum is for one grid");
    }

    /** max |a - b| over max |b|: the error relative to the largest output. */
    private static double maxRelativeDifference(double[] a, double[] b) {
        double diff = 0, scale = 0;
        for (int v = 0; v < a.length; v++) {
            diff = Math.max(diff, Math.abs(a[v] - b[v]));
            scale = Math.max(scale, Math.abs(b[v]));
        }
        return diff / scale;
    }
}
