package doseengine.validation.benchmark;

import doseengine.geometry.BadInputException;
import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.kernels.ParticleType;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.SpherePhantom;
import doseengine.physics.decay.Nuclide;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.VoxelSourceProblem;
import doseengine.validation.run.VoxelSourceResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sphere benchmark: a unit-density soft-tissue sphere of a given mass inside soft tissue ({@link SpherePhantom}:
 * radius from the mass at 1.00 g/cm3, 30 voxels across the diameter, tissue reaching two radii and at least 12 mm
 * beyond the surface), the nuclide's decays uniform over the voxels labelled 'sphere'.
 *
 * <p>Every voxel is ICRP soft tissue ({@value #MATERIAL}) at {@link SpherePhantom#DENSITY_G_PER_CM3} g/cm3, set
 * directly (the phantom's CT number would map to about 1.06 g/cm3 through the Schneider curve), as in the OLINDA
 * unit-density sphere model. The electron and the photon emissions run separately so that each has its absorbed
 * fraction; S self is their sum over the voxelized sphere's mass, which is the mass a voxel calculation sees.
 */
public final class SphereBenchmark {
    public static final String MATERIAL = "tissue_soft_icrp";
    /** Photon emissions below this fraction of the emitted energy are not transported (Y-90: 3e-8). */
    static final double MIN_PHOTON_SHARE = 1e-4;
    private static final String SPHERE_LABEL = "sphere";

    private final Nuclide nuclide;
    private final double massG;
    private final double voxelMm;
    private Phantom phantom;

    public SphereBenchmark(Nuclide nuclide, double massG) {
        if (!(massG > 0) || !Double.isFinite(massG)) {
            throw new BadInputException("sphere mass must be a positive number of grams, got " + massG);
        }
        this.nuclide = nuclide;
        this.massG = massG;
        this.voxelMm = SpherePhantom.recommendedVoxelMm(massG);
    }

    public Nuclide nuclide() {
        return nuclide;
    }

    /** The nominal mass (g): the sphere's analytic mass at 1.00 g/cm3. */
    public double massG() {
        return massG;
    }

    public double voxelMm() {
        return voxelMm;
    }

    /** The rendered phantom (built on first use: it can be large). */
    public synchronized Phantom phantom() {
        if (phantom == null) {
            phantom = SpherePhantom.create(massG, voxelMm);
        }
        return phantom;
    }

    /** Mass (g) of the voxels labelled 'sphere' at 1.00 g/cm3. */
    public double voxelizedMassG() {
        return SpherePhantom.voxelizedMassG(phantom());
    }

    public String title() {
        return String.format(Locale.ROOT, "%s, %s g sphere", nuclide.name(),
                BigDecimal.valueOf(massG).stripTrailingZeros().toPlainString());
    }

    public String setup() {
        return String.format(Locale.ROOT, "%s g sphere (radius %.4g mm) of %s at %.2f g/cm3 in the same tissue, "
                + "voxels of %.4g mm; %s decays uniform in the sphere's voxels; electrons and photons run separately.",
                BigDecimal.valueOf(massG).stripTrailingZeros().toPlainString(), SpherePhantom.radiusMm(massG),
                MATERIAL, SpherePhantom.DENSITY_G_PER_CM3, voxelMm, nuclide.name());
    }

    /** The electron emissions of the nuclide as one problem. */
    public VoxelSourceProblem electronProblem() {
        return problem(ParticleType.ELECTRON);
    }

    /** The photon emissions as one problem, when they carry at least {@value #MIN_PHOTON_SHARE} of the energy. */
    public Optional<VoxelSourceProblem> photonProblem() {
        EmissionSource.NuclideEmissions all = EmissionSource.NuclideEmissions.all(nuclide);
        double share = all.emittedEnergyPerDecayMeV(ParticleType.PHOTON) / all.emittedEnergyPerDecayMeV();
        return share >= MIN_PHOTON_SHARE ? Optional.of(problem(ParticleType.PHOTON)) : Optional.empty();
    }

    /** S self and the absorbed fractions from the electron run and, if there was one, the photon run. */
    public SphereResult evaluate(VoxelSourceResult electrons, VoxelSourceResult photons) {
        return new SphereResult(this, electrons, photons);
    }

    private VoxelSourceProblem problem(int particleType) {
        Phantom p = phantom();
        int n = p.grid().voxelCount();
        float[] rho = new float[n];
        Arrays.fill(rho, (float) SpherePhantom.DENSITY_G_PER_CM3);
        int sphere = p.labels().valueOf(SPHERE_LABEL);
        float[] activity = new float[n];
        p.labels().forEachVoxel(sphere, v -> activity[v] = 1f);
        EmissionSource source = EmissionSource.NuclideEmissions.all(nuclide).only(particleType);
        return new VoxelSourceProblem("sphere " + title() + " " + ParticleType.name(particleType) + "s", source,
                List.of(MATERIAL), new ByteVolume(p.grid()), new FloatVolume(p.grid(), rho),
                new FloatVolume(p.grid(), activity), p.labels());
    }

    static String sphereLabel() {
        return SPHERE_LABEL;
    }
}
