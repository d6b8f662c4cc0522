package doseengine.dosimetry.convolution;

import java.util.ArrayList;
import java.util.List;

/**
 * The shells a radial kernel is scored in: {@value #FINE_MM} mm wide out to the electrons' reach, where the energy
 * density changes on the scale of a tenth of a millimetre, then each {@value #GROWTH} times further out than the
 * last (3 % of the radius), where only photons and bremsstrahlung deposit and the density is smooth. Some 100 to 250
 * fine shells and 150 coarse ones cover a patient grid's full extent.
 */
public final class ShellLayout {
    /** Shell width (mm) within the electrons' reach: a tenth of a 0.5 mm voxel. */
    public static final double FINE_MM = 0.05;
    /** Growth of the outer radius from shell to shell beyond the electrons' reach. */
    public static final double GROWTH = 1.03;
    /**
     * Kernels reach a multiple of this (mm), at least the farthest voxel-centre distance of the grid they serve: one
     * cached kernel serves every grid up to the same multiple.
     */
    public static final double REACH_STEP_MM = 250;

    private ShellLayout() {
    }

    /** The farthest distance (mm) between two voxel centres of a grid of n voxels of side s per axis. */
    public static double spanMm(int nx, int ny, int nz, double sx, double sy, double sz) {
        double x = (nx - 1) * sx;
        double y = (ny - 1) * sy;
        double z = (nz - 1) * sz;
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** How far (mm) a kernel must reach for a grid whose farthest voxel centres are {@code spanMm} apart. */
    public static double reachMm(double spanMm) {
        return REACH_STEP_MM * Math.max(1, Math.ceil(spanMm / REACH_STEP_MM));
    }

    /** Edges from 0: {@link #FINE_MM} steps to {@code fineReachMm}, then growing to {@code reachMm}. */
    public static double[] edges(double fineReachMm, double reachMm) {
        if (!(fineReachMm > 0 && reachMm >= fineReachMm)) {
            throw new IllegalArgumentException("need 0 < fine reach <= reach");
        }
        List<Double> e = new ArrayList<>();
        int n = (int) Math.round(fineReachMm / FINE_MM);
        for (int i = 0; i <= n; i++) {
            e.add(i * FINE_MM);
        }
        double r = n * FINE_MM;
        double w = FINE_MM;
        while (r < reachMm - 1e-9) {
            w = Math.max(w, r * (GROWTH - 1));
            r = Math.min(reachMm, r + w);
            e.add(r);
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
