package doseengine.dosimetry.convolution;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/** Checks of a convolution's grid and source, shared by the FFT and the direct sum; messages name the voxel. */
final class SourceGrid {
    private SourceGrid() {}

    static void requireGrid(int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new BadInputException(String.format(Locale.ROOT, "grid must have at least 1 voxel per axis, got "
                    + "%d x %d x %d", nx, ny, nz));
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new BadInputException(String.format(Locale.ROOT, "grid %d x %d x %d has more voxels than a Java "
                    + "array holds", nx, ny, nz));
        }
    }

    static void requireSource(double[] source, int nx, int ny, int nz) {
        requireLength(source.length, nx, ny, nz);
        for (int v = 0; v < source.length; v++) {
            if (!Double.isFinite(source[v])) {
                throw notFinite(source[v], v, nx, ny);
            }
        }
    }

    static void requireSource(float[] source, int nx, int ny, int nz) {
        requireLength(source.length, nx, ny, nz);
        for (int v = 0; v < source.length; v++) {
            if (!Float.isFinite(source[v])) {
                throw notFinite(source[v], v, nx, ny);
            }
        }
    }

    private static void requireLength(int length, int nx, int ny, int nz) {
        requireGrid(nx, ny, nz);
        if (length != nx * ny * nz) {
            throw new BadInputException(String.format(Locale.ROOT, "source has %d voxels; the grid %d x %d x %d has %d",
                    length, nx, ny, nz, nx * ny * nz));
        }
    }

    private static BadInputException notFinite(double value, int v, int nx, int ny) {
        int i = v % nx, j = (v / nx) % ny, k = v / (nx * ny);
        return new BadInputException(String.format(Locale.ROOT, "source at voxel (%d,%d,%d) is %s; it must be finite",
                i, j, k, value));
    }
}
