package doseengine.dosimetry.convolution;

import doseengine.dosimetry.ParallelTasks;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One source through the FFT convolution of a {@link VoxelSValuesSpectrum}: a 3D real FFT assembled from JTransforms' 1D
 * transforms, the product with the real spectrum of the voxel S values, the inverse, and the crop to the source grid. Pruned: a
 * transform never computes lines that are zero padding, and an inverse keeps only the lines inside the grid.
 *
 * <ol>
 * <li>Along x, one z-slice per task: each source line, zero-padded to Mx, by {@code realForward}, unpacked to
 *     {@code Mx/2+1} complex values (the others are their conjugates). Stored in {@code work}, ordered
 *     {@code [fx][z][y]}, so that each x-frequency's plane is contiguous for step 2.</li>
 * <li>One x-frequency plane per task, in a buffer of {@code nz} rows of My: FFT along y of the {@code nz} rows
 *     (rows beyond nz are zero); FFT along z of each of the My columns, zero-padded to Mz, product with the
 *     spectrum, inverse along z, keeping rows {@code 0..nz-1}; inverse along y, keeping {@code 0..ny-1}.</li>
 * <li>Along x, one z-slice per task: repack and {@code realInverse}, keeping {@code 0..nx-1}.</li>
 * </ol>
 *
 * <p>JTransforms threads a 1D transform only above 8192 points ({@code CommonUtils.getThreadsBeginN_1D_FFT_2Threads},
 * JTransforms 3.1), far above the padded lengths of a patient grid, so the tasks here, one line at a time, are its
 * only parallelism: no oversubscription, and no global JTransforms setting to change. Each thread has its own
 * {@code DoubleFFT_1D} objects and buffers.
 */
final class FftPipeline {
    /** Columns transformed along z together: 8 complex values are two 64-byte cache lines of the plane buffer. */
    private static final int COLUMNS = 8;

    /** Reads {@code n} values of the source from flat index {@code offset} into {@code line[0..n)}. */
    interface Input {
        void read(int offset, double[] line, int n);
    }

    /** Writes {@code line[0..n)} to the result from flat index {@code offset}. */
    interface Output {
        void write(int offset, double[] line, int n);
    }

    private final VoxelSValuesSpectrum k;
    private final int nx, ny, nz, mx, my, mz, sx;

    FftPipeline(VoxelSValuesSpectrum k) {
        this.k = k;
        nx = k.nx();
        ny = k.ny();
        nz = k.nz();
        mx = k.mx();
        my = k.my();
        mz = k.mz();
        sx = HalfComplex.size(mx);
    }

    void run(Input in, Output out) {
        // Complex, [fx][z][y]: (Mx/2+1) ny nz pairs of doubles.
        double[] work = new double[(int) FftConvolution.workDoubles(nx, ny, nz, mx)];
        ParallelTasks.run(nz, k.threads(), () -> new XLines(work, in, out)::forward);
        ParallelTasks.run(sx, k.threads(), () -> new Plane(work)::convolve);
        ParallelTasks.run(nz, k.threads(), () -> new XLines(work, in, out)::inverse);
    }

    /** The x-lines of one z-slice, forward or inverse, through a slab {@code [y][fx]} for a cache-friendly transpose. */
    private final class XLines {
        private final double[] work;
        private final Input in;
        private final Output out;
        private final DoubleFFT_1D fft = new DoubleFFT_1D(mx);
        private final double[] line = new double[mx];
        private final double[] slab = new double[2 * sx * ny];

        XLines(double[] work, Input in, Output out) {
            this.work = work;
            this.in = in;
            this.out = out;
        }

        void forward(int z) {
            for (int y = 0; y < ny; y++) {
                in.read(nx * (y + ny * z), line, nx);
                Arrays.fill(line, nx, mx, 0);
                fft.realForward(line);
                HalfComplex.unpack(line, mx, slab, 2 * sx * y);
            }
            for (int fx = 0; fx < sx; fx++) {
                int dst = 2 * ny * (z + nz * fx);
                for (int y = 0; y < ny; y++) {
                    work[dst + 2 * y] = slab[2 * (sx * y + fx)];
                    work[dst + 2 * y + 1] = slab[2 * (sx * y + fx) + 1];
                }
            }
        }

        void inverse(int z) {
            for (int fx = 0; fx < sx; fx++) {
                int src = 2 * ny * (z + nz * fx);
                for (int y = 0; y < ny; y++) {
                    slab[2 * (sx * y + fx)] = work[src + 2 * y];
                    slab[2 * (sx * y + fx) + 1] = work[src + 2 * y + 1];
                }
            }
            for (int y = 0; y < ny; y++) {
                HalfComplex.pack(slab, 2 * sx * y, mx, line);
                // Scaled here by 1/Mx, not in the spectrum: JTransforms 3.1's unscaled realInverse returns Mx/2
                // times the line for powers of two (Ooura's convention) and Mx times it otherwise.
                fft.realInverse(line, true);
                out.write(nx * (y + ny * z), line, nx);
            }
        }
    }

    /** One x-frequency plane: along y, along z with the product, and back. */
    private final class Plane {
        private final double[] work;
        private final double[] spectrum = k.spectrum();
        private final int sy = HalfComplex.size(my), sz = HalfComplex.size(mz);
        private final DoubleFFT_1D fftY = new DoubleFFT_1D(my);
        private final DoubleFFT_1D fftZ = new DoubleFFT_1D(mz);
        /** nz rows of My complex values, y fastest. */
        private final double[] rows = new double[2 * my * nz];
        private final double[][] columns = new double[COLUMNS][2 * mz];

        Plane(double[] work) {
            this.work = work;
        }

        void convolve(int fx) {
            int plane = 2 * ny * nz * fx;
            for (int z = 0; z < nz; z++) {
                System.arraycopy(work, plane + 2 * ny * z, rows, 2 * my * z, 2 * ny);
                Arrays.fill(rows, 2 * my * z + 2 * ny, 2 * my * (z + 1), 0);
                fftY.complexForward(rows, 2 * my * z);
            }
            for (int y0 = 0; y0 < my; y0 += COLUMNS) {
                int n = Math.min(COLUMNS, my - y0);
                for (int z = 0; z < nz; z++) {
                    int r = 2 * (my * z + y0);
                    for (int c = 0; c < n; c++) {
                        columns[c][2 * z] = rows[r + 2 * c];
                        columns[c][2 * z + 1] = rows[r + 2 * c + 1];
                    }
                }
                for (int c = 0; c < n; c++) {
                    double[] col = columns[c];
                    Arrays.fill(col, 2 * nz, 2 * mz, 0);
                    fftZ.complexForward(col);
                    multiply(col, fx, y0 + c);
                    fftZ.complexInverse(col, false);
                }
                for (int z = 0; z < nz; z++) {
                    int r = 2 * (my * z + y0);
                    for (int c = 0; c < n; c++) {
                        rows[r + 2 * c] = columns[c][2 * z];
                        rows[r + 2 * c + 1] = columns[c][2 * z + 1];
                    }
                }
            }
            for (int z = 0; z < nz; z++) {
                fftY.complexInverse(rows, 2 * my * z, false);
                System.arraycopy(rows, 2 * my * z, work, plane + 2 * ny * z, 2 * ny);
            }
        }

        /** Column {@code y} of plane {@code fx} times the real spectrum, which is even in y and z. */
        private void multiply(double[] col, int fx, int y) {
            int fy = y <= my / 2 ? y : my - y;
            int base = (fx * sy + fy) * sz;
            for (int fz = 0; fz < sz; fz++) {
                double s = spectrum[base + fz];
                col[2 * fz] *= s;
                col[2 * fz + 1] *= s;
            }
            for (int fz = sz; fz < mz; fz++) { // the negative frequencies -(mz - fz)
                double s = spectrum[base + mz - fz];
                col[2 * fz] *= s;
                col[2 * fz + 1] *= s;
            }
        }
    }
}
