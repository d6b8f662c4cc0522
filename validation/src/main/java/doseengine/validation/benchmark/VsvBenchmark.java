package doseengine.validation.benchmark;

import doseengine.geometry.BadInputException;
import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.Nuclide;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.VoxelSourceProblem;
import doseengine.validation.run.VoxelSourceResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The voxel S-value benchmark (Lanconelli et al. 2012, Phys Med Biol 57:517): an 11 x 11 x 11 block of cubic
 * voxels of side L, all of one tissue ({@link VsvTissue}: composition and density), every emission of the nuclide
 * (ICRP 107) started uniformly in the central voxel. S(i,j,k) for offsets 0..5 is the energy deposited in the voxels
 * at that offset, averaged over the 48 mirror and axis-swap images of the offset, per decay, over the voxel mass.
 *
 * <p>The block is the whole world: what leaves it is lost. For beta emitters that changes nothing (their
 * electrons stop inside), but photons scattered back from tissue beyond the block are missing, which lowers the
 * photon part of the outermost values slightly; Lanconelli et al.'s phantom size should be checked before
 * reading percent-level differences at offsets 4-5 of I-131 or Lu-177.
 */
public final class VsvBenchmark {
    /** Voxels along each side of the block. */
    public static final int BLOCK = 11;
    /** The source voxel's index along each axis. */
    static final int CENTRE = BLOCK / 2;

    private final Nuclide nuclide;
    private final VsvTissue tissue;
    private final double voxelMm;
    private final VoxelGrid grid;

    public VsvBenchmark(Nuclide nuclide, VsvTissue tissue, double voxelMm) {
        if (!(voxelMm > 0) || !Double.isFinite(voxelMm)) {
            throw new BadInputException("voxel size must be a positive number of mm, got " + voxelMm);
        }
        this.nuclide = nuclide;
        this.tissue = tissue;
        this.voxelMm = voxelMm;
        this.grid = VoxelGrid.centredCube(BLOCK, BLOCK, BLOCK, voxelMm);
    }

    public Nuclide nuclide() {
        return nuclide;
    }

    public VsvTissue tissue() {
        return tissue;
    }

    public double voxelMm() {
        return voxelMm;
    }

    public VoxelGrid grid() {
        return grid;
    }

    /** Mass of one voxel (kg): density x L^3. */
    public double voxelMassKg() {
        return tissue.densityGPerCm3() * grid.voxelVolumeCm3() / 1000.0;
    }

    /** "Lu-177, soft, 3 mm". */
    public String title() {
        return String.format(Locale.ROOT, "%s, %s, %s mm", nuclide.name(), tissue.key(),
                java.math.BigDecimal.valueOf(voxelMm).stripTrailingZeros().toPlainString());
    }

    public String setup() {
        return String.format(Locale.ROOT, "%d x %d x %d voxels of %.4g mm, %s (%s at %.2f g/cm3); all ICRP-107 "
                + "emissions of %s uniform in the central voxel; S from the voxel mass %.5g g.", BLOCK, BLOCK, BLOCK,
                voxelMm, tissue.key(), tissue.material(), tissue.densityGPerCm3(), nuclide.name(),
                voxelMassKg() * 1000);
    }

    /** What the runner transports. */
    public VoxelSourceProblem problem() {
        int n = grid.voxelCount();
        float[] rho = new float[n];
        Arrays.fill(rho, (float) tissue.densityGPerCm3());
        FloatVolume activity = new FloatVolume(grid);
        activity.set(CENTRE, CENTRE, CENTRE, 1f);
        return new VoxelSourceProblem("vsv " + title(), EmissionSource.NuclideEmissions.all(nuclide),
                List.of(tissue.material()), new ByteVolume(grid), new FloatVolume(grid, rho), activity, null);
    }

    /** The run's voxel energies turned into S values. */
    public VsvResult evaluate(VoxelSourceResult result) {
        return new VsvResult(this, result);
    }
}
