package doseengine.transport;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.io.DoseProblems;
import doseengine.kernels.TransportParameters;
import doseengine.phantoms.PhantomCatalog;
import doseengine.physics.PhysicsVersion;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.material.MaterialCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fixed problems of the exact-tally regression tests: small, fast, and together through every branch of the
 * transport's hot loop (electrons crossing density interfaces, photons travelling far and escaping, the local
 * deposition method). Changing a problem changes its stored tallies: regenerate them (docs/regression.md).
 */
enum RegressionProblem {
    /** Lu-177 in the central 1 mm voxel of a 21 mm water cube: short electron tracks, photons that mostly escape. */
    LU177_POINT_WATER("lu177-point-water", TransportMethod.MONTE_CARLO, 4000, 177,
            RegressionProblem::pointInWater),
    /**
     * Y-90 uniform in 20^3 voxels of 4 mm, three slabs along k: water (1.0 g/cm3), lung (0.26), cortical bone
     * (1.85): energetic electrons crossing both interfaces, bremsstrahlung.
     */
    Y90_SLABS("y90-slabs", TransportMethod.MONTE_CARLO, 3000, 90, RegressionProblem::slabs),
    /** I-131 in the torso phantom at 16 mm: the photons of 364 keV cross the whole body. */
    I131_TORSO_16MM("i131-torso-16mm", TransportMethod.MONTE_CARLO, 3000, 131,
            () -> torso("I-131", 16)),
    /**
     * The local energy deposition method, Lu-177 in the torso phantom at 32 mm (air voxels included): exact, so
     * coarse voxels suffice and keep the file small.
     */
    LOCAL_DEPOSITION_TORSO("local-deposition-lu177-torso-32mm", TransportMethod.LOCAL_DEPOSITION, 0, 0,
            () -> torso("Lu-177", 32));

    final String key;
    final TransportMethod method;
    final long decays;
    final long seed;
    private final Supplier<DoseProblem> problem;

    RegressionProblem(String key, TransportMethod method, long decays, long seed, Supplier<DoseProblem> problem) {
        this.key = key;
        this.method = method;
        this.decays = decays;
        this.seed = seed;
        this.problem = problem;
    }

    /** The stored tallies' resource: {@code regression/<key>.txt} under the test resources. */
    String resource() {
        return "regression/" + key + ".txt";
    }

    DoseProblem problem() {
        return problem.get();
    }

    /**
     * Runs the problem through {@link DoseCalculation} and returns its exact tallies: per voxel the fixed-point
     * units summed over the batches (Monte Carlo), or the float dose's bits (local deposition, which samples
     * nothing).
     */
    ExactTallies run(DoseProblem p, BackendChoice.Resolved backend, int threads) {
        RunSettings s = new RunSettings(method, backend, new StopRule.DecayCount(Math.max(1, decays)), seed, threads,
                TransportParameters.defaults());
        RecordingTally[] recorder = new RecordingTally[1];
        DoseResult r = DoseCalculation.run(p, s, ProgressListener.NONE, t -> recorder[0] = new RecordingTally(t));
        VoxelGrid g = p.grid();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("problem", key);
        header.put("physics", PhysicsVersion.ID);
        header.put("method", method.key());
        header.put("nuclide", p.nuclide().name());
        header.put("grid", g.nx() + " " + g.ny() + " " + g.nz());
        if (method == TransportMethod.LOCAL_DEPOSITION) {
            header.put(ExactTallies.VALUE, ExactTallies.FLOAT_BITS);
            header.put("energy-balance-mev-per-decay", r.balance().depositedMeVPerDecay() + " "
                    + r.balance().escapedMeVPerDecay() + " " + r.balance().emittedMeVPerDecay());
            float[] dose = r.dose().gray().data();
            long[] bits = new long[dose.length];
            for (int v = 0; v < dose.length; v++) {
                bits[v] = Float.floatToRawIntBits(dose[v]);
            }
            return new ExactTallies(header, List.of(), ExactTallies.nonZero(bits), g.nx(), g.ny());
        }
        header.put("seed", Long.toString(seed));
        header.put("decays", Long.toString(r.outcome().decays()));
        header.put(ExactTallies.VALUE, "fixed-point units of 2^-30 MeV deposited, summed over the batches");
        // The fold into batch statistics and dose (doubles) is deterministic too: one line guards it.
        header.put("dose-and-uncertainty-sha256", Digests.ofFloatBits(r.dose().gray().data(),
                r.dose().relativeUncertainty().data()));
        return new ExactTallies(header, recorder[0].batchRows(), ExactTallies.nonZero(recorder[0].binUnits()),
                g.nx(), g.ny());
    }

    private static DoseProblem pointInWater() {
        int n = 21;
        VoxelGrid g = VoxelGrid.centredCube(n, n, n, 1);
        float[] rho = new float[n * n * n];
        java.util.Arrays.fill(rho, 1f);
        float[] tia = new float[n * n * n];
        tia[g.flatIndex(n / 2, n / 2, n / 2)] = 1f;
        return new DoseProblem("Lu-177 point in water", new ShortVolume(g), new FloatVolume(g, rho),
                new ByteVolume(g), List.of(MaterialCatalog.standard().get("water_liquid")), new FloatVolume(g, tia),
                null, NuclideCatalog.get("Lu-177"), List.of());
    }

    private static DoseProblem slabs() {
        int n = 20;
        VoxelGrid g = VoxelGrid.centredCube(n, n, n, 4);
        float[] rho = new float[n * n * n];
        byte[] material = new byte[n * n * n];
        float[] tia = new float[n * n * n];
        for (int v = 0; v < rho.length; v++) {
            int k = v / (n * n);
            material[v] = (byte) (k < 7 ? 0 : k < 14 ? 1 : 2);
            rho[v] = k < 7 ? 1.0f : k < 14 ? 0.26f : 1.85f;
            tia[v] = 1f;
        }
        MaterialCatalog c = MaterialCatalog.standard();
        return new DoseProblem("Y-90 in water, lung and bone slabs", new ShortVolume(g), new FloatVolume(g, rho),
                new ByteVolume(g, material), List.of(c.get("water_liquid"), c.get("lungtissue_icrp"),
                c.get("bone_cortical_icrp")), new FloatVolume(g, tia), null, NuclideCatalog.get("Y-90"), List.of());
    }

    private static DoseProblem torso(String nuclide, double voxelMm) {
        return DoseProblems.fromPhantom(PhantomCatalog.create("torso", voxelMm), NuclideCatalog.get(nuclide), 100,
                List.of());
    }
}
