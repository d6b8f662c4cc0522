package doseengine.validation;

import doseengine.geometry.VoxelGrid;
import doseengine.phantoms.SpherePhantom;
import doseengine.tally.EnergyBalance;
import doseengine.validation.benchmark.SValueUnits;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.DpkReferenceSet;
import doseengine.validation.reference.OlindaSphereTable;
import doseengine.validation.reference.ScaledDosePointKernel;
import doseengine.validation.reference.VoxelSValueReference;
import doseengine.validation.reference.VoxelSValueTable;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.reference.WaterCsdaRange;
import doseengine.validation.run.BackendChoice;
import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.PointSourceProblem;
import doseengine.validation.run.PointSourceResult;
import doseengine.validation.run.RegionEnergy;
import doseengine.validation.run.RunRecord;
import doseengine.validation.run.TransportSettings;
import doseengine.validation.run.VoxelSourceProblem;
import doseengine.validation.run.VoxelSourceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A runner for tests that transports nothing: it returns the references themselves, multiplied by a chosen factor
 * (a function of r/r0 for kernels, of the distance in voxels for S values), with a chosen relative error. So the
 * whole chain after the transport (shells to kernels, voxels to S values, comparison, report) can be checked
 * against known answers, for passing and failing inputs.
 *
 * <ul>
 *   <li>point sources: the shell energies are E0 times the exact integral of the reference kernel over each shell
 *   (EGSnrc where there is one, else ETRAN; for sources without a reference the ETRAN 500 keV shape on the r0 of
 *   the mean emitted energy), times the factor at the shell's middle;</li>
 *   <li>VSV problems (11^3 block, one source voxel): S from the Lanconelli table of that voxel size and tissue,
 *   turned into energy with the voxel mass;</li>
 *   <li>problems with regions (spheres): Lu-177 spheres at a mass of the OLINDA/EXM table receive the energy that
 *   gives the table's S over the voxelized mass, shared between the electron and photon runs by their emitted
 *   energy; other spheres (and all of them after {@link #withSphereAbsorbedFraction}) receive that fraction of the
 *   emitted energy, 0.9 unless set; both times the factor at 0; no voxel values.</li>
 * </ul>
 * The energy balance is exact unless {@link #withImbalance} says otherwise.
 */
public final class FakeBenchmarkRunner implements BenchmarkRunner {
    private final DoubleUnaryOperator factor;
    private final double relUnc;
    private double imbalance;
    private static final double DEFAULT_SPHERE_ABSORBED_FRACTION = 0.9;
    private Double sphereAbsorbedFraction;
    private final List<BackendChoice> backends;
    private final List<String> calls = new ArrayList<>();

    public FakeBenchmarkRunner(DoubleUnaryOperator factor, double relUnc) {
        this(factor, relUnc, List.of(BackendChoice.JAVA));
    }

    public FakeBenchmarkRunner(DoubleUnaryOperator factor, double relUnc, List<BackendChoice> backends) {
        this.factor = factor;
        this.relUnc = relUnc;
        this.backends = List.copyOf(backends);
    }

    /** The reference unchanged. */
    public static FakeBenchmarkRunner exact() {
        return new FakeBenchmarkRunner(x -> 1.0, 0.002);
    }

    /** Every value multiplied by {@code f}. */
    public static FakeBenchmarkRunner scaled(double f) {
        return new FakeBenchmarkRunner(x -> f, 0.002);
    }

    /** Deposited energy off by this fraction of the emitted. */
    public FakeBenchmarkRunner withImbalance(double fraction) {
        this.imbalance = fraction;
        return this;
    }

    public FakeBenchmarkRunner withSphereAbsorbedFraction(double af) {
        this.sphereAbsorbedFraction = af;
        return this;
    }

    /** The problems run so far, by name, with the backend asked for. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public List<BackendChoice> availableBackends() {
        return backends;
    }

    @Override
    public PointSourceResult runPointSource(PointSourceProblem problem, TransportSettings settings) {
        calls.add(problem.name() + " @" + settings.backend().key());
        EmissionSource src = problem.source();
        double e0 = src.emittedEnergyPerDecayMeV();
        ScaledDosePointKernel kernel;
        double r0;
        if (src instanceof EmissionSource.MonoenergeticElectron m
                && DosePointKernelReference.standard().primary(m.energyMeV()).isPresent()) {
            kernel = DosePointKernelReference.standard().primary(m.energyMeV()).orElseThrow();
            r0 = WaterCsdaRange.mm(m.energyMeV());
        } else {
            kernel = DosePointKernelReference.standard().find(DpkReferenceSet.ETRAN, 0.5).orElseThrow();
            r0 = WaterCsdaRange.engineCm(Math.max(0.001, e0)) * 10;
        }
        double[] edges = problem.shellEdgesMm();
        int n = edges.length - 1;
        double[] e = new double[n];
        double[] u = new double[n];
        double deposited = 0;
        for (int b = 0; b < n; b++) {
            double lo = edges[b] / r0;
            double hi = edges[b + 1] / r0;
            e[b] = e0 * (kernel.cumulative(hi) - kernel.cumulative(lo)) * factor.applyAsDouble(0.5 * (lo + hi));
            u[b] = e[b] > 0 ? relUnc : 0;
            deposited += e[b];
        }
        double emitted = e0;
        EnergyBalance balance = new EnergyBalance(deposited, emitted - deposited + imbalance * emitted, emitted);
        return new PointSourceResult(e, u, balance, record(settings));
    }

    @Override
    public VoxelSourceResult runVoxelSource(VoxelSourceProblem problem, TransportSettings settings) {
        calls.add(problem.name() + " @" + settings.backend().key());
        VoxelGrid g = problem.grid();
        EmissionSource src = problem.source();
        double emitted = src.emittedEnergyPerDecayMeV();
        double[] e = new double[g.voxelCount()];
        double[] u = new double[g.voxelCount()];
        if (problem.regions() != null) {
            double inSphere = sphereEnergy(problem) * factor.applyAsDouble(0);
            EnergyBalance balance = new EnergyBalance(emitted, imbalance * emitted, emitted);
            return new VoxelSourceResult(e, u, Map.of("sphere", new RegionEnergy(inSphere, relUnc)), balance,
                    record(settings));
        }
        EmissionSource.NuclideEmissions n = (EmissionSource.NuclideEmissions) src;
        VsvTissue tissue = problem.materials().get(0).equals(VsvTissue.SOFT.material()) ? VsvTissue.SOFT
                : VsvTissue.BONE;
        VoxelSValueTable table = VoxelSValueReference.standard()
                .find(n.nuclide().name(), tissue, g.spacingX()).orElseThrow();
        double massKg = tissue.densityGPerCm3() * g.voxelVolumeCm3() / 1000;
        int c = g.nx() / 2;
        double deposited = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int v = g.flatIndex(i, j, k);
                    double dist = Math.sqrt((i - c) * (i - c) + (j - c) * (j - c) + (k - c) * (k - c));
                    e[v] = table.s(i - c, j - c, k - c) * massKg / SValueUnits.MGY_PER_MBQ_S_PER_MEV_PER_KG
                            * factor.applyAsDouble(dist);
                    u[v] = relUnc;
                    deposited += e[v];
                }
            }
        }
        EnergyBalance balance = new EnergyBalance(deposited, emitted - deposited + imbalance * emitted, emitted);
        return new VoxelSourceResult(e, u, Map.of(), balance, record(settings));
    }

    /** Energy per decay in the sphere (see the class comment). */
    private double sphereEnergy(VoxelSourceProblem problem) {
        EmissionSource.NuclideEmissions n = (EmissionSource.NuclideEmissions) problem.source();
        double emitted = n.emittedEnergyPerDecayMeV();
        if (sphereAbsorbedFraction != null) {
            return sphereAbsorbedFraction * emitted;
        }
        float[] activity = problem.activity().data();
        int voxels = 0;
        for (float a : activity) {
            voxels += a > 0 ? 1 : 0;
        }
        double massG = voxels * problem.grid().voxelVolumeCm3() * SpherePhantom.DENSITY_G_PER_CM3;
        // The voxelized mass is within 0.1 % of the nominal one (SpherePhantom).
        return OlindaSphereTable.standard().rows().stream()
                .filter(r -> n.nuclide().name().equals(OlindaSphereTable.NUCLIDE)
                        && Math.abs(massG / r.massG() - 1) < 0.002)
                .findFirst()
                .map(r -> r.sMilliGrayPerMBqS() * massG / 1000 / SValueUnits.MGY_PER_MBQ_S_PER_MEV_PER_KG
                        * emitted / EmissionSource.NuclideEmissions.all(n.nuclide()).emittedEnergyPerDecayMeV())
                .orElse(DEFAULT_SPHERE_ABSORBED_FRACTION * emitted);
    }

    private static RunRecord record(TransportSettings s) {
        return new RunRecord(s.backend() == BackendChoice.OPENCL ? "opencl" : "java", "fake (no transport)",
                s.decays(), 10, 0.0);
    }
}
