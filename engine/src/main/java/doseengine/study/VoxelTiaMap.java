package doseengine.study;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.VoxelModelSelection;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The voxel method's time-integrated activity map (MBq h per voxel): every voxel's own time-activity curve fitted
 * by the structures' model choice ({@link VoxelModelSelection}: the same models, floor, uncertainty model and
 * rule as {@link StructureKinetics}), all time points on one grid.
 *
 * <p>Which voxels are fitted: those with activity > 0 at one time point at least. The activity image is where the
 * tracer is, whatever was drawn; a voxel with no activity at any time integrates to 0 by any method, and the CT's
 * body outline or the structures would leave out activity outside them (a lesion nobody drew) or fit air.
 *
 * <p>A voxel's fit is used unless (the rule for noisy voxels):
 * <ul>
 *   <li>fewer than {@value #MIN_POSITIVE_POINTS} of its time points have activity > 0 (all of them in a cycle with
 *       fewer points): no curve to fit;</li>
 *   <li>the model choice ends at the trapezoid: neither exponential usable, or the chosen one rejected by its
 *       chi-square test at 0.1 % ({@code ModelSelection.INADEQUATE_LEVEL}); with the structures' uncertainty
 *       model (10 % per point by default) a voxel noisier than that is rejected here;</li>
 *   <li>its TIA's relative standard uncertainty exceeds {@value #MAX_RELATIVE_UNCERTAINTY} (an uptake or washout
 *       the points do not determine).</li>
 * </ul>
 * Such a voxel takes the organ method's value ({@link OrganTiaMap}): its activity at the reference time point
 * times its structure's {@code TIA_s / A_s(t_ref)} (the smallest structure that holds it), or the rest of the
 * body's for a voxel in no structure. A voxel with no activity at the reference time point then gets 0.
 *
 * <p>Speed: the voxels are fitted in parallel chunks ({@link IntStream#parallel()}), one
 * {@link VoxelModelSelection} and one activity array per chunk, nothing allocated per voxel by this class.
 */
public final class VoxelTiaMap {
    /** Time points with activity > 0 that a voxel's fit needs. */
    public static final int MIN_POSITIVE_POINTS = 3;
    /** The largest relative standard uncertainty of a voxel's TIA that is used. */
    public static final double MAX_RELATIVE_UNCERTAINTY = 0.5;

    /** Per voxel, which path its TIA took. */
    public enum Path {
        /** No activity at any time point: 0. */
        NO_ACTIVITY,
        /** Its own fit, a mono-exponential. */
        MONO,
        /** Its own fit, a bi-exponential. */
        BI,
        /** From its structure: too few time points with activity. */
        TOO_FEW_POINTS,
        /** From its structure: no exponential fit usable or adequate (the trapezoid). */
        NO_EXPONENTIAL_FIT,
        /** From its structure: TIA uncertainty above {@link #MAX_RELATIVE_UNCERTAINTY}. */
        TOO_UNCERTAIN;

        /** True for the voxels that took their structure's value. */
        public boolean fromStructure() {
            return this == TOO_FEW_POINTS || this == NO_EXPONENTIAL_FIT || this == TOO_UNCERTAIN;
        }
    }

    /**
     * @param tiaMBqH the map, on the time points' grid
     * @param paths   per voxel the {@link Path} ordinal
     * @param seconds the wall time of the fits
     */
    public record Result(FloatVolume tiaMBqH, byte[] paths, double seconds) {
        /** The number of voxels with activity (fitted or not). */
        public long voxelsWithActivity() {
            long c = 0;
            for (byte b : paths) {
                c += b == Path.NO_ACTIVITY.ordinal() ? 0 : 1;
            }
            return c;
        }
    }

    private static final int CHUNK = 4096;
    private static final Path[] PATHS = Path.values();

    private VoxelTiaMap() {}

    /**
     * @param activitiesMBq   each time point's activity (MBq per voxel), in time order, all on one grid
     * @param hours           the time points (h after injection), increasing
     * @param reference       the index of the reference time point in {@code activitiesMBq}
     * @param labels          the reference time point's structures, on that grid
     * @param scaleByValue    per label value the structure's {@code TIA_s / A_s(t_ref)} (h), 0 where none
     * @param restScale       the rest of the body's {@code TIA_rest / A_rest(t_ref)} (h)
     * @param decay           the floor on clearance
     * @param uncertainty     the per-point uncertainty model of the structures
     */
    public static Result build(List<FloatVolume> activitiesMBq, double[] hours, int reference, LabelMap labels,
            double[] scaleByValue, double restScale, PhysicalDecay decay, ActivityUncertainty uncertainty) {
        VoxelGrid grid = labels.grid();
        int n = activitiesMBq.size();
        float[][] a = new float[n][];
        for (int i = 0; i < n; i++) {
            grid.requireSameGrid(activitiesMBq.get(i).grid(), "labels", "activity " + i);
            a[i] = activitiesMBq.get(i).data();
        }
        short[] owner = labels.innermost().data();
        int voxels = grid.voxelCount();
        float[] out = new float[voxels];
        byte[] paths = new byte[voxels];
        int minPositive = Math.min(MIN_POSITIVE_POINTS, n);
        long start = System.nanoTime();
        IntStream.range(0, (voxels + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            VoxelModelSelection selection = new VoxelModelSelection(hours, decay, uncertainty);
            double[] y = new double[n];
            int end = Math.min(voxels, (chunk + 1) * CHUNK);
            for (int v = chunk * CHUNK; v < end; v++) {
                int positive = 0;
                for (int i = 0; i < n; i++) {
                    y[i] = a[i][v];
                    positive += y[i] > 0 ? 1 : 0;
                }
                Path path;
                double tia = 0;
                if (positive == 0) {
                    path = Path.NO_ACTIVITY;
                } else if (positive < minPositive) {
                    path = Path.TOO_FEW_POINTS;
                } else {
                    int model = selection.select(y);
                    tia = selection.tiaMBqH();
                    if (model == VoxelModelSelection.MONO || model == VoxelModelSelection.BI) {
                        path = !(selection.sigmaMBqH() <= MAX_RELATIVE_UNCERTAINTY * tia) ? Path.TOO_UNCERTAIN
                                : model == VoxelModelSelection.MONO ? Path.MONO : Path.BI;
                    } else {
                        path = Path.NO_EXPONENTIAL_FIT;
                    }
                }
                if (path.fromStructure()) {
                    tia = a[reference][v] * (owner[v] == 0 ? restScale : scaleByValue[owner[v]]);
                }
                out[v] = (float) tia;
                paths[v] = (byte) path.ordinal();
            }
        });
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Result(new FloatVolume(grid, out), paths, seconds);
    }

    /** The path of ordinal {@code b}. */
    public static Path path(byte b) {
        return PATHS[b];
    }
}
