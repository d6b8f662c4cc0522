package doseengine.methods;

import doseengine.dosimetry.convolution.SymmetricKernel;
import doseengine.dosimetry.convolution.DosePointKernel;
import doseengine.dosimetry.convolution.VoxelIntegration;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.Nuclide;
import doseengine.validation.benchmark.DpkBenchmark;
import doseengine.validation.reference.VsvTissue;
import java.util.Locale;

/**
 * The convolution kernels of one patient grid (energy per decay, MeV, deposited at each voxel offset by decays
 * uniform in a voxel), reaching the grid's full extent so that every voxel sees every other:
 * <ul>
 *   <li>{@code dpk}: the nuclide's dose point kernel in water, every emission, integrated over the grid's voxels
 *   ({@link VoxelIntegration});</li>
 *   <li>{@code vsv}: the electrons' voxel S values in soft tissue from a voxel-source Monte Carlo on the grid's
 *   voxel size and shape, plus the photons' soft-tissue point kernel integrated over the voxels (in a homogeneous
 *   medium the two are the same physics: a voxel S value is the point kernel integrated over source and target
 *   voxels; the photons take the integration because a voxel tally of a photon tail would need far more
 *   decays).</li>
 * </ul>
 */
public final class GridKernels {
    private GridKernels() {
    }

    /** The farthest distance (mm) between two voxel centres of the grid. */
    static double spanMm(VoxelGrid g) {
        double x = (g.nx() - 1) * g.spacingX();
        double y = (g.ny() - 1) * g.spacingY();
        double z = (g.nz() - 1) * g.spacingZ();
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** The dose point kernel in water over the grid's voxels. */
    public static SymmetricKernel dpk(KernelRuns runs, Nuclide nuclide, VoxelGrid g) {
        DosePointKernel k = runs.radial(nuclide, "all", DpkBenchmark.MATERIAL, DpkBenchmark.DENSITY,
                KernelRuns.reachFor(spanMm(g)));
        double[] octant = VoxelIntegration.integrate(k, KernelRuns.fineReachMm(nuclide), g.spacingX(),
                g.spacingY(), g.spacingZ(), g.nx() - 1, g.ny() - 1, g.nz() - 1);
        return new SymmetricKernel(g.nx() - 1, g.ny() - 1, g.nz() - 1, octant);
    }

    /** The soft-tissue voxel S values of the grid's voxels (energy per decay). */
    public static SymmetricKernel vsv(KernelRuns runs, Nuclide nuclide, VoxelGrid g) {
        int hx = g.nx() - 1;
        int hy = g.ny() - 1;
        int hz = g.nz() - 1;
        double[] octant;
        if (KernelRuns.hasPhotons(nuclide)) {
            VsvTissue t = VsvTissue.SOFT;
            DosePointKernel photons = runs.radial(nuclide, "photons", t.material(), t.densityGPerCm3(),
                    KernelRuns.reachFor(spanMm(g)));
            octant = VoxelIntegration.integrate(photons, KernelRuns.fineReachMm(nuclide), g.spacingX(),
                    g.spacingY(), g.spacingZ(), hx, hy, hz);
        } else {
            octant = new double[(hx + 1) * (hy + 1) * (hz + 1)];
        }
        VoxelBlock e = runs.electronBlock(nuclide, g.spacingX(), g.spacingY(), g.spacingZ());
        double[] ev = e.meVPerDecay();
        for (int k = 0; k <= Math.min(hz, e.hz()); k++) {
            for (int j = 0; j <= Math.min(hy, e.hy()); j++) {
                for (int i = 0; i <= Math.min(hx, e.hx()); i++) {
                    octant[i + (hx + 1) * (j + (hy + 1) * k)] += ev[e.index(i, j, k)];
                }
            }
        }
        return new SymmetricKernel(hx, hy, hz, octant);
    }

    /** "4.8 x 4.8 x 5 mm". */
    static String voxelText(VoxelGrid g) {
        return String.format(Locale.ROOT, "%s x %s x %s mm", KernelRuns.fmt(g.spacingX()), KernelRuns.fmt(g.spacingY()),
                KernelRuns.fmt(g.spacingZ()));
    }
}
