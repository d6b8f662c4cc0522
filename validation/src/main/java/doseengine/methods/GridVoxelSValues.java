package doseengine.methods;

import doseengine.dosimetry.convolution.VoxelSValues;
import doseengine.dosimetry.convolution.DosePointKernel;
import doseengine.dosimetry.convolution.ShellLayout;
import doseengine.dosimetry.convolution.VoxelIntegration;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.Nuclide;
import doseengine.validation.benchmark.DpkBenchmark;
import doseengine.validation.reference.VsvTissue;
import doseengine.geometry.BadInputException;
import doseengine.validation.benchmark.SValueUnits;
import doseengine.validation.reference.VoxelSValueReference;
import doseengine.validation.reference.VoxelSValueTable;
import java.util.Locale;
import java.util.Optional;

/**
 * The voxel S values of one patient grid (energy per decay, MeV, deposited at each voxel offset by decays
 * uniform in a voxel), the operand of the fast methods' convolutions, reaching the grid's full extent so that every
 * voxel sees every other; the {@code dpk} method's values are a dose point kernel integrated over the voxels:
 * <ul>
 *   <li>{@code dpk}: the nuclide's dose point kernel in water, every emission, integrated over the grid's voxels
 *   ({@link VoxelIntegration});</li>
 *   <li>{@code vsv}: the electrons' voxel S values in soft tissue from a voxel-source Monte Carlo on the grid's
 *   voxel size and shape, plus the photons' soft-tissue dose point kernel integrated over the voxels (in a homogeneous
 *   medium the two are the same physics: a voxel S value is the dose point kernel integrated over source and target
 *   voxels; the photons take the integration because a voxel tally of a photon tail would need far more
 *   decays).</li>
 * </ul>
 */
public final class GridVoxelSValues {
    private GridVoxelSValues() {
    }

    /** How far the dose point kernels must reach on this grid ({@link ShellLayout#reachMm}). */
    static double reachMm(VoxelGrid g) {
        return ShellLayout.reachMm(ShellLayout.spanMm(g.nx(), g.ny(), g.nz(), g.spacingX(), g.spacingY(), g.spacingZ()));
    }

    /** The dose point kernel in water over the grid's voxels. */
    public static VoxelSValues dpk(MethodTableRuns runs, Nuclide nuclide, VoxelGrid g) {
        DosePointKernel dpk = runs.radial(nuclide, "all", DpkBenchmark.MATERIAL, DpkBenchmark.DENSITY,
                reachMm(g));
        double[] octant = VoxelIntegration.integrate(dpk, MethodTableRuns.fineReachMm(nuclide), g.spacingX(),
                g.spacingY(), g.spacingZ(), g.nx() - 1, g.ny() - 1, g.nz() - 1);
        return new VoxelSValues(g.nx() - 1, g.ny() - 1, g.nz() - 1, octant);
    }

    /** The soft-tissue voxel S values of the grid's voxels (energy per decay). */
    public static VoxelSValues vsv(MethodTableRuns runs, Nuclide nuclide, VoxelGrid g) {
        int hx = g.nx() - 1;
        int hy = g.ny() - 1;
        int hz = g.nz() - 1;
        double[] octant;
        if (MethodTableRuns.hasPhotons(nuclide)) {
            VsvTissue t = VsvTissue.SOFT;
            DosePointKernel photons = runs.radial(nuclide, "photons", t.material(), t.densityGPerCm3(),
                    reachMm(g));
            octant = VoxelIntegration.integrate(photons, MethodTableRuns.fineReachMm(nuclide), g.spacingX(),
                    g.spacingY(), g.spacingZ(), hx, hy, hz);
        } else {
            octant = new double[(hx + 1) * (hy + 1) * (hz + 1)];
        }
        VoxelBlock e = runs.electronBlock(nuclide, g.spacingX(), g.spacingY(), g.spacingZ());
        return new VoxelSValues(hx, hy, hz, octant).plus(new VoxelSValues(e.hx(), e.hy(), e.hz(), e.meVPerDecay()));
    }

    /**
     * Lanconelli et al.'s published soft-tissue voxel S values (Phys Med Biol 57:517, 2012) as the {@code vsv} values,
     * when the user asks for them: energy per decay S x m_voxel, offsets 0..5 (all the tables hold; what lies beyond is
     * missing, chiefly the photons' far dose). Only for cubic voxels of a tabulated size.
     *
     * @throws BadInputException when the grid's voxels or the nuclide have no table
     */
    public static VoxelSValues vsvLanconelli(Nuclide nuclide, VoxelGrid g) {
        double s = g.spacingX();
        boolean cubic = Math.abs(g.spacingY() - s) < 1e-3 * s && Math.abs(g.spacingZ() - s) < 1e-3 * s;
        Optional<VoxelSValueTable> t = cubic
                ? VoxelSValueReference.standard().find(nuclide.name(), VsvTissue.SOFT, s) : Optional.empty();
        if (t.isEmpty()) {
            String sizes = String.join(", ", VoxelSValueReference.standard().tables().stream()
                    .filter(x -> x.nuclide().equals(nuclide.name()) && x.tissue() == VsvTissue.SOFT)
                    .map(x -> MethodTableRuns.fmt(x.voxelMm())).toList());
            throw new BadInputException("--vsv-table lanconelli: Lanconelli et al. 2012 tabulate " + nuclide.name()
                    + " in soft tissue for cubic voxels of " + (sizes.isEmpty() ? "no size" : sizes + " mm")
                    + "; this image has " + voxelText(g) + " voxels (--vsv-table engine computes them for any size)");
        }
        int hx = Math.min(VoxelSValueTable.MAX_OFFSET, g.nx() - 1);
        int hy = Math.min(VoxelSValueTable.MAX_OFFSET, g.ny() - 1);
        int hz = Math.min(VoxelSValueTable.MAX_OFFSET, g.nz() - 1);
        double massKg = VsvTissue.SOFT.densityGPerCm3() * g.voxelVolumeCm3() / 1000.0;
        VoxelSValueTable table = t.get();
        return VoxelSValues.of(hx, hy, hz, (i, j, k) -> table.s(i, j, k) * massKg
                / SValueUnits.MGY_PER_MBQ_S_PER_MEV_PER_KG);
    }

    /** "4.8 x 4.8 x 5 mm". */
    static String voxelText(VoxelGrid g) {
        return String.format(Locale.ROOT, "%s x %s x %s mm", MethodTableRuns.fmt(g.spacingX()), MethodTableRuns.fmt(g.spacingY()),
                MethodTableRuns.fmt(g.spacingZ()));
    }
}
