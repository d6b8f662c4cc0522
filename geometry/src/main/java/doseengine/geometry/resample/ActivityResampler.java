package doseengine.geometry.resample;

import doseengine.geometry.BadInputException;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Moves an activity image (activity, or time-integrated activity, per voxel) from its own grid onto a target grid,
 * usually the CT's, conserving the total: every source voxel's activity ends up in the target voxels its volume
 * overlaps, or is counted as outside the target.
 *
 * <p>Two methods, chosen from the grids' orientations:
 * <ul>
 * <li><b>Exact overlap</b> when each target axis is parallel or antiparallel to a source axis (same orientation,
 * flips, 90-degree rotations: nearly every SPECT/CT pair). The overlap of two boxes with parallel edges is the
 * product of three 1D interval overlaps, so each target voxel receives exactly
 * {@code sum(A_source * overlap volume / source voxel volume)}: a uniform image stays exactly uniform wherever
 * the target is covered, whatever the spacing ratio.
 * <li><b>Sub-sampling</b> for other orientations: each source voxel is split into {@code nx x ny x nz} sub-voxels
 * whose centres are mapped through world coordinates. Each sub-voxel's {@code A / (nx ny nz)} is spread over the
 * target voxels overlapped by a target-aligned box centred on it, the box that bounds the (rotated) sub-voxel,
 * in proportion to the overlap. {@code n} per source axis is chosen so that a sub-voxel spans at most
 * {@code 1 / samplesPerTargetVoxel} target voxels along every target axis. Total activity is conserved exactly.
 * Depositing a box rather than a point removes most of the aliasing of point sampling (a target voxel getting
 * k or k+1 sub-voxel centres): for a uniform image under a 30-degree rotation and 4.8 mm to 1.5 mm voxels, the
 * largest per-voxel deviation is 7 %, 1.3 %, 0.3 % for 1, 2, 4 samples per target voxel (point deposits: 95 %,
 * 40 %, 12 % for 2, 4, 8). The box blurs by at most one sub-voxel. Single-threaded; the cost grows as
 * (covered target voxels) x {@code samplesPerTargetVoxel^3} x 8: a few seconds per 4 million target voxels at
 * the default.
 * </ul>
 *
 * <p>Activity falling outside the target grid is reported ({@link ResampledActivity#outsideTotal()}); above
 * {@link #maxFractionOutside()} of the total it is a bad input. Negative or non-finite voxels are refused. The
 * image holds amounts per voxel (e.g. MBq h), not concentrations: convert a concentration to amounts first.
 */
public final class ActivityResampler {
    /** Default largest fraction of the total activity allowed outside the target grid. */
    public static final double DEFAULT_MAX_FRACTION_OUTSIDE = 1e-3;
    /** Default number of sub-voxel centres per target voxel spacing, per axis, for the sub-sampling method. */
    public static final int DEFAULT_SAMPLES_PER_TARGET_VOXEL = 2;

    private final double maxFractionOutside;
    private final int samplesPerTargetVoxel;

    public ActivityResampler() {
        this(DEFAULT_MAX_FRACTION_OUTSIDE, DEFAULT_SAMPLES_PER_TARGET_VOXEL);
    }

    private ActivityResampler(double maxFractionOutside, int samplesPerTargetVoxel) {
        this.maxFractionOutside = maxFractionOutside;
        this.samplesPerTargetVoxel = samplesPerTargetVoxel;
    }

    /** The same resampler refusing more than {@code fraction} (0 to 1; 1 accepts anything) outside the target. */
    public ActivityResampler withMaxFractionOutside(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction of activity allowed outside must be in 0..1, got " + fraction);
        }
        return new ActivityResampler(fraction, samplesPerTargetVoxel);
    }

    /** The same resampler with {@code samples} sub-voxel centres per target spacing (sub-sampling method only). */
    public ActivityResampler withSamplesPerTargetVoxel(int samples) {
        if (samples < 1 || samples > 64) {
            throw new IllegalArgumentException("samples per target voxel must be in 1..64, got " + samples);
        }
        return new ActivityResampler(maxFractionOutside, samples);
    }

    public double maxFractionOutside() { return maxFractionOutside; }

    public int samplesPerTargetVoxel() { return samplesPerTargetVoxel; }

    public ResampledActivity resample(Volume activity, VoxelGrid target) {
        return resample(activity, target, "activity image");
    }

    /** Resamples {@code activity} onto {@code target}; {@code name} (e.g. its file) names it in error messages. */
    public ResampledActivity resample(Volume activity, VoxelGrid target, String name) {
        VoxelGrid source = activity.grid();
        float[] a = activity.toFloat().data();
        double sourceTotal = checkedTotal(a, source, name);
        int[] sourceAxisOf = targetToSourceAxes(source, target);
        ResampledActivity result = sourceAxisOf != null
                ? OverlapResampling.resample(a, source, target, sourceAxisOf, sourceTotal)
                : SubVoxelResampling.resample(a, source, target, samplesPerTargetVoxel, sourceTotal);
        if (result.fractionOutside() > maxFractionOutside) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s: %s %% of the total activity (%s of %s) lies outside the target grid %s; at most %s %% is "
                            + "allowed", name, significant(100 * result.fractionOutside(), 3),
                    significant(result.outsideTotal(), 6), significant(sourceTotal, 6), target,
                    significant(100 * maxFractionOutside, 3)));
        }
        return result;
    }

    /** {@code x} to {@code digits} significant digits without trailing zeros: 0.15, 52.5, 2000. */
    private static String significant(double x, int digits) {
        return new BigDecimal(x).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private static double checkedTotal(float[] a, VoxelGrid grid, String name) {
        double total = 0;
        for (int v = 0; v < a.length; v++) {
            float x = a[v];
            if (!(x >= 0) || x == Float.POSITIVE_INFINITY) {
                int i = v % grid.nx(), j = (v / grid.nx()) % grid.ny(), k = v / (grid.nx() * grid.ny());
                throw new BadInputException(String.format(Locale.ROOT,
                        "%s: voxel (%d, %d, %d) holds %s; activity must be finite and not negative", name, i, j, k,
                        x));
            }
            total += x;
        }
        return total;
    }

    /** For each target axis its parallel source axis, or null when the grids are not axis-permuted. */
    private static int[] targetToSourceAxes(VoxelGrid source, VoxelGrid target) {
        int[] targetAxisOf = new IndexMap(target, source).axisPermutation();
        if (targetAxisOf == null) {
            return null;
        }
        int[] sourceAxisOf = new int[3];
        for (int a = 0; a < 3; a++) {
            sourceAxisOf[targetAxisOf[a]] = a;
        }
        return sourceAxisOf;
    }
}
