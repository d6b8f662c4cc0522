package doseengine.dosimetry.convolution;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/**
 * Voxel S values in the engine's units: the energy per decay (MeV) deposited in the voxel at offset {@code (i, j, k)}
 * from a voxel with decays uniform in it, the operand of both convolutions ({@link FftConvolution},
 * {@link DirectConvolution}). Even in each axis, {@code S(+-i, +-j, +-k) = S(i, j, k)}, so stored for the offsets
 * {@code 0..hx, 0..hy, 0..hz} only (one octant), at index {@code i + (hx+1) * (j + (hy+1) * k)}; offsets beyond a
 * half-width are 0. Non-cubic voxels give different half-widths per axis.
 *
 * <p>Named for what it holds: the {@code vsv} method's values are voxel S values by definition, and the {@code dpk}
 * method's dose point kernel integrated over source and target voxels ({@link VoxelIntegration}) gives the voxel S
 * values of water; both are radial, and a voxel box symmetric about its centre keeps the octant symmetry.
 * The values are wrapped, not copied: the caller does not change them afterwards.
 */
public final class VoxelSValues {
    private final int hx, hy, hz;
    private final double[] values;

    /** The value at a non-negative offset. */
    @FunctionalInterface
    public interface OffsetFunction {
        double value(int i, int j, int k);
    }

    /**
     * @param hx     half-width along x in voxels, >= 0
     * @param hy     half-width along y in voxels, >= 0
     * @param hz     half-width along z in voxels, >= 0
     * @param values {@code (hx+1)*(hy+1)*(hz+1)} finite values, index {@code i + (hx+1)*(j + (hy+1)*k)}
     * @throws BadInputException for a negative half-width, a wrong length or a value that is not finite
     */
    public VoxelSValues(int hx, int hy, int hz, double[] values) {
        if (hx < 0 || hy < 0 || hz < 0) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "voxel S value half-widths must be >= 0, got %d x %d x %d", hx, hy, hz));
        }
        long expected = (long) (hx + 1) * (hy + 1) * (hz + 1);
        if (values.length != expected) {
            throw new BadInputException(String.format(Locale.ROOT, "voxel S values of half-widths %d x %d x %d need %d values,"
                    + " got %d", hx, hy, hz, expected, values.length));
        }
        for (int v = 0; v < values.length; v++) {
            if (!Double.isFinite(values[v])) {
                int i = v % (hx + 1), j = (v / (hx + 1)) % (hy + 1), k = v / ((hx + 1) * (hy + 1));
                throw new BadInputException(String.format(Locale.ROOT, "voxel S value at offset (%d,%d,%d) is %s; it "
                        + "must be finite", i, j, k, values[v]));
            }
        }
        this.hx = hx;
        this.hy = hy;
        this.hz = hz;
        this.values = values;
    }

    /** The values {@code f(i, j, k)} for the offsets {@code 0..hx, 0..hy, 0..hz}. */
    public static VoxelSValues of(int hx, int hy, int hz, OffsetFunction f) {
        if (hx < 0 || hy < 0 || hz < 0) {
            return new VoxelSValues(hx, hy, hz, new double[0]); // the constructor names the problem
        }
        long count = (long) (hx + 1) * (hy + 1) * (hz + 1);
        if (count > Integer.MAX_VALUE - 8) {
            throw new BadInputException(String.format(Locale.ROOT, "voxel S values of half-widths %d x %d x %d have more "
                    + "values than a Java array holds", hx, hy, hz));
        }
        double[] v = new double[(int) count];
        int n = 0;
        for (int k = 0; k <= hz; k++) {
            for (int j = 0; j <= hy; j++) {
                for (int i = 0; i <= hx; i++) {
                    v[n++] = f.value(i, j, k);
                }
            }
        }
        return new VoxelSValues(hx, hy, hz, v);
    }

    public int hx() { return hx; }
    public int hy() { return hy; }
    public int hz() { return hz; }

    /** The value at any offset, of either sign; 0 beyond the half-widths. */
    public double at(int i, int j, int k) {
        i = Math.abs(i);
        j = Math.abs(j);
        k = Math.abs(k);
        if (i > hx || j > hy || k > hz) {
            return 0;
        }
        return values[i + (hx + 1) * (j + (hy + 1) * k)];
    }

    /** The stored values (not a copy), index {@code i + (hx+1)*(j + (hy+1)*k)} for non-negative offsets. */
    double[] values() { return values; }

    /** The sum over every offset, the mirrored ones included: what a unit source spreads over an infinite grid. */
    public double sum() {
        double s = 0;
        for (int k = 0; k <= hz; k++) {
            for (int j = 0; j <= hy; j++) {
                for (int i = 0; i <= hx; i++) {
                    // An offset with m non-zero components stands for 2^m mirrored offsets.
                    int copies = (i == 0 ? 1 : 2) * (j == 0 ? 1 : 2) * (k == 0 ? 1 : 2);
                    s += copies * values[i + (hx + 1) * (j + (hy + 1) * k)];
                }
            }
        }
        return s;
    }

    /**
     * These values with others added where both have offsets: {@code this + other}, on these values' half-widths
     * (the other's offsets beyond them are dropped). The voxel S values of {@code compare} are a photon part reaching
     * the grid's extent plus a small electron block.
     */
    public VoxelSValues plus(VoxelSValues other) {
        double[] v = values.clone();
        for (int k = 0; k <= Math.min(hz, other.hz); k++) {
            for (int j = 0; j <= Math.min(hy, other.hy); j++) {
                for (int i = 0; i <= Math.min(hx, other.hx); i++) {
                    v[i + (hx + 1) * (j + (hy + 1) * k)] += other.values[i + (other.hx + 1) * (j + (other.hy + 1) * k)];
                }
            }
        }
        return new VoxelSValues(hx, hy, hz, v);
    }

    /**
     * These values cut to half-widths of at most {@code n-1} per axis: on a grid of {@code nx x ny x nz} voxels no two
     * voxels are further apart, so the offsets beyond can never contribute. Returns these values when nothing is cut.
     */
    public VoxelSValues truncatedTo(int nx, int ny, int nz) {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new BadInputException(String.format(Locale.ROOT, "grid must have at least 1 voxel per axis, got "
                    + "%d x %d x %d", nx, ny, nz));
        }
        int tx = Math.min(hx, nx - 1), ty = Math.min(hy, ny - 1), tz = Math.min(hz, nz - 1);
        if (tx == hx && ty == hy && tz == hz) {
            return this;
        }
        return of(tx, ty, tz, (i, j, k) -> values[i + (hx + 1) * (j + (hy + 1) * k)]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VoxelSValues[half-widths %d x %d x %d]", hx, hy, hz);
    }
}
