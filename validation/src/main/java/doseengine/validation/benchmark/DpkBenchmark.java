package doseengine.validation.benchmark;

import doseengine.geometry.VoxelGrid;
import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.physics.material.MaterialCatalog;
import doseengine.physics.photon.MaterialAttenuation;
import doseengine.physics.photon.PhotonProcess;
import doseengine.physics.photon.XcomLibrary;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.DpkReferenceSet;
import doseengine.validation.reference.WaterCsdaRange;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.PointSourceProblem;
import doseengine.validation.run.PointSourceResult;
import doseengine.validation.run.TransportSettings;
import java.util.Locale;
import java.util.Optional;

/**
 * The dose point kernel benchmark: a point source in water, energy scored in spherical shells.
 *
 * <p>Shells must be at most 0.025 X90 wide and reach 1.5 X90 (the validation issue). X90 is known only after
 * the run, so the shells are sized from a scale L known before it, with margins:
 * <ul>
 *   <li>monoenergetic electron: L = r0, ESTAR's CSDA range. Berger's kernels put X90 at 0.78-0.81 r0 over
 *   10-500 keV (reference file), so {@value #MONO_SHELLS} shells out to 1.5 r0 (step 0.01875 r0) satisfy both
 *   conditions for any X90 between 0.75 and 1.0 r0;</li>
 *   <li>nuclide: L = the X90 estimate of {@link X90Estimator}; {@value #NUCLIDE_SHELLS} shells out to 1.875 L
 *   (step 0.0195 L) satisfy both for any X90 between 0.78 and 1.25 L.</li>
 * </ul>
 * {@link DpkResult#shellNotes()} says after the run whether the measured X90 fell inside those bounds.
 *
 * <p>Electron cutoff: a monoenergetic kernel always runs with {@value #MONO_CUTOFF_KEV} keV, the comparison
 * condition the validation issue sets for the reference kernels (EGSnrc's EDKnrc kernels were computed with a 1 keV
 * cutoff, Mainegra-Hing et al. 2005), whatever the requested cutoff: an electron that falls below the cutoff
 * deposits its residual energy on the spot, and at 1 keV its residual CSDA range (about 5e-6 g/cm2) is 2 % of r0
 * at 10 keV and far less at higher energies. The report and {@code summary.json} say when the requested cutoff was
 * replaced. Nuclide kernels keep the requested cutoff (10 keV leaves 2.5 um, under 1 % of a shell for Lu-177).
 *
 * <p>The water grid, for a transport that needs one: cubic voxels centred on the source, reaching past both the
 * last shell and the CSDA range of the most energetic electron emitted, plus two voxels, so every electron ends in
 * water. A dose point kernel is defined in an infinite medium, and photons scattered in water beyond the last shell
 * come back into the shells: where the source emits photons the water reaches a further
 * {@value #PHOTON_MARGIN_MFP} photon mean free paths beyond the last shell ({@link #photonMeanFreePathMm}), so the
 * shells see the backscatter of an infinite medium (docs/validation.md, "Dose point kernels"). Electron sources keep
 * the grid without that margin. The voxels are two shells wide, or wider where that would need more than 50 voxels
 * from the centre to the reach: in a homogeneous medium the voxel boundaries only cut steps, the shells score the
 * energy.
 */
public final class DpkBenchmark {
    /** The medium: ESTAR liquid water at 1 g/cm3, the medium of the reference kernels. */
    public static final String MATERIAL = "water_liquid";
    public static final double DENSITY = 1.0;
    static final int MONO_SHELLS = 80;
    static final double MONO_EXTENT = 1.5;
    static final int NUCLIDE_SHELLS = 96;
    static final double NUCLIDE_EXTENT = 1.875;
    /** Electron cutoff (keV) of every monoenergetic kernel: the reference comparison condition. */
    static final double MONO_CUTOFF_KEV = 1.0;
    /**
     * Water beyond the last shell, in mean free paths of the most penetrating photon line
     * ({@link #photonMeanFreePathMm}). Measured on the I-131 and Lu-177 photon kernels (1e6 decays, one seed, so the
     * runs are strongly correlated): against 6 paths, the outer tenth of the shells changes by at most 0.2 % with
     * 2, 3 or 4 paths, far below a shell's 1 % statistical error, and by 4 % (I-131) and 6.5 % (Lu-177) with a
     * cube whose faces lay 5 % of the last radius beyond it (docs/validation.md). Three paths cost about 5 % more
     * time: the photons that would leave a smaller cube are absorbed.
     */
    static final double PHOTON_MARGIN_MFP = 3.0;
    /**
     * Photon lines carrying less than this fraction of the emitted energy do not set the margin: their backscatter
     * is a correspondingly small part of the kernel (Y-90's 2.19 MeV gamma, 1.4e-8 per decay, would otherwise make
     * the water around a Y-90 kernel 60 cm deep for nothing).
     */
    static final double MARGIN_LINE_MIN_SHARE = 0.01;
    private static final int VOXELS_PER_SHELL_STEP = 2;
    private static final int GRID_MARGIN_VOXELS = 2;
    /** At most this many voxels from the centre to the reach: grids stay below 105^3 voxels. */
    private static final int MAX_HALF_VOXELS = 50;

    private final EmissionSource source;
    private final boolean monoenergetic;
    private final double scaleMm;
    private final double[] edgesMm;
    private final double photonMfpMm;
    private final VoxelGrid grid;

    private DpkBenchmark(EmissionSource source) {
        this.source = source;
        this.monoenergetic = source instanceof EmissionSource.MonoenergeticElectron;
        int shells;
        double extent;
        if (source instanceof EmissionSource.MonoenergeticElectron e) {
            scaleMm = WaterCsdaRange.mm(e.energyMeV());
            shells = MONO_SHELLS;
            extent = MONO_EXTENT;
        } else {
            scaleMm = X90Estimator.estimateMm(source);
            shells = NUCLIDE_SHELLS;
            extent = NUCLIDE_EXTENT;
        }
        double step = extent * scaleMm / shells;
        edgesMm = new double[shells + 1];
        for (int b = 0; b <= shells; b++) {
            edgesMm[b] = b * step;
        }
        photonMfpMm = photonMeanFreePathMm(source);
        double reach = Math.max(edgesMm[shells] + PHOTON_MARGIN_MFP * photonMfpMm, maxElectronRangeMm(source));
        double voxel = Math.max(VOXELS_PER_SHELL_STEP * step, reach / MAX_HALF_VOXELS);
        int n = 2 * (int) Math.ceil(reach / voxel + GRID_MARGIN_VOXELS) + 1;
        grid = VoxelGrid.centredCube(n, n, n, voxel);
    }

    public static DpkBenchmark of(EmissionSource source) {
        return new DpkBenchmark(source);
    }

    public EmissionSource source() {
        return source;
    }

    public boolean isMonoenergetic() {
        return monoenergetic;
    }

    /** r0 (mm) for a monoenergetic electron, the X90 estimate (mm) for a nuclide. */
    public double scaleMm() {
        return scaleMm;
    }

    public double[] shellEdgesMm() {
        return edgesMm.clone();
    }

    public VoxelGrid grid() {
        return grid;
    }

    /**
     * The mean free path (mm) in the medium of the most penetrating photon line that carries at least
     * {@value #MARGIN_LINE_MIN_SHARE} of the emitted energy: 1 / mu at the line's energy, mu from the engine's
     * XCOM attenuation table of the medium (total, coherent scattering included, as the transport samples it); 0
     * when no such line exists (electron sources).
     */
    public double photonMeanFreePathMm() {
        return photonMfpMm;
    }

    /** Half the side of the water cube (mm): how far the medium reaches from the source along an axis. */
    public double mediumHalfWidthMm() {
        return 0.5 * grid.nx() * grid.spacingX();
    }

    /**
     * The settings this kernel runs with: the requested ones, with the electron cutoff set to
     * {@value #MONO_CUTOFF_KEV} keV for a monoenergetic electron.
     */
    public TransportSettings settings(TransportSettings requested) {
        return requested.withElectronCutoffKeV(electronCutoffKeV(requested));
    }

    /**
     * The settings of the like-for-like run, when the judged reference kernel was made by a code without straggling
     * below its thresholds (EGSnrc, {@link DpkReferenceSet#subThresholdStraggling()}): {@link #settings} with the
     * engine's soft straggling off, i.e. under EGSnrc's energy-loss model. Empty for ETRAN kernels, energies
     * without a reference and nuclides.
     */
    public Optional<TransportSettings> referenceModelSettings(TransportSettings requested) {
        Optional<DpkReferenceSet> set = judgedReferenceSet();
        if (set.isEmpty() || set.get().subThresholdStraggling()) {
            return Optional.empty();
        }
        return Optional.of(settings(requested).withoutSoftStraggling());
    }

    /** The set of the reference kernel a pass/fail is judged against, for a monoenergetic electron that has one. */
    public Optional<DpkReferenceSet> judgedReferenceSet() {
        if (source instanceof EmissionSource.MonoenergeticElectron e) {
            return DosePointKernelReference.standard().primarySet(e.energyMeV());
        }
        return Optional.empty();
    }

    /** Why the cutoff differs from the requested one, for the report; empty when it does not. */
    public Optional<String> cutoffNote(TransportSettings requested) {
        double kev = electronCutoffKeV(requested);
        if (kev == requested.electronCutoffKeV()) {
            return Optional.empty();
        }
        return Optional.of("electron cutoff set from " + plain(requested.electronCutoffKeV()) + " to " + plain(kev)
                + " keV for this kernel: the reference kernels' comparison condition");
    }

    private double electronCutoffKeV(TransportSettings requested) {
        return monoenergetic ? MONO_CUTOFF_KEV : requested.electronCutoffKeV();
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** What the runner transports. */
    public PointSourceProblem problem() {
        return new PointSourceProblem("dpk " + source.key(), source, MATERIAL, DENSITY, grid, new double[3], edgesMm);
    }

    /** The run's shells turned into the benchmark's result. */
    public DpkResult evaluate(PointSourceResult result) {
        return new DpkResult(this, result);
    }

    /** One line for reports: medium, shells, grid. */
    public String setup() {
        String scale = monoenergetic
                ? String.format(Locale.ROOT, "r0 = %.5g mm (ESTAR CSDA range)", scaleMm)
                : String.format(Locale.ROOT, "X90 estimate %.4g mm (%s)", scaleMm, "spectrum-weighted universal kernel");
        String medium = photonMfpMm > 0
                ? String.format(Locale.ROOT, "; the water reaches %.4g mm beyond the last shell (%.3g photon mean free "
                        + "paths of %.4g mm), so the shells see the backscatter of an infinite medium",
                        mediumHalfWidthMm() - edgesMm[edgesMm.length - 1],
                        (mediumHalfWidthMm() - edgesMm[edgesMm.length - 1]) / photonMfpMm, photonMfpMm)
                : "";
        return String.format(Locale.ROOT, "%s point source in liquid water (1 g/cm3); %s; %d shells of %.4g mm to "
                + "%.4g mm; water grid %d^3 voxels of %.4g mm%s.", source.title(), scale, edgesMm.length - 1,
                edgesMm[1], edgesMm[edgesMm.length - 1], grid.nx(), grid.spacingX(), medium);
    }

    /** See {@link #photonMeanFreePathMm()}. */
    private static double photonMeanFreePathMm(EmissionSource source) {
        return photonMeanFreePathMm(source, MATERIAL, DENSITY);
    }

    /**
     * The mean free path (mm) in a medium of the most penetrating photon line that carries at least
     * {@value #MARGIN_LINE_MIN_SHARE} of the emitted energy: 1 / mu at the line's energy, mu from the engine's XCOM
     * attenuation table of the medium (total, coherent scattering included, as the transport samples it); 0 when no
     * such line exists.
     */
    public static double photonMeanFreePathMm(EmissionSource source, String material, double density) {
        double total = source.emittedEnergyPerDecayMeV();
        MaterialAttenuation medium = null;
        double mfp = 0;
        for (EmissionSource.Component c : source.components()) {
            if (c.particleType() != ParticleType.PHOTON || c.energyMeV() < TransportParameters.DEFAULT_PHOTON_CUTOFF_MEV
                    || c.perDecay() * c.energyMeV() < MARGIN_LINE_MIN_SHARE * total) {
                continue;
            }
            if (medium == null) {
                medium = new MaterialAttenuation(MaterialCatalog.standard().get(material), XcomLibrary.standard());
            }
            // mu/rho in cm2/g; at the density in g/cm3, 10 / (mu/rho rho) is the mean free path in mm.
            mfp = Math.max(mfp, 10.0 / (medium.muOverRho(PhotonProcess.TOTAL, c.energyMeV()) * density));
        }
        return mfp;
    }

    /** CSDA range (mm) of the most energetic electron the source emits; 0 when it emits none. */
    public static double maxElectronRangeMm(EmissionSource source) {
        double eMax = 0;
        for (EmissionSource.Component c : source.components()) {
            if (c.particleType() == ParticleType.ELECTRON) {
                eMax = Math.max(eMax, c.energyMeV());
            }
        }
        if (eMax <= 0) {
            return 0;
        }
        return WaterCsdaRange.engineCm(Math.max(eMax, WaterCsdaRange.GRID_MIN_MEV)) * 10.0;
    }
}
