package doseengine.validation.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.EmissionArrays;
import doseengine.kernels.ParticleType;
import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.benchmark.DpkBenchmark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The real runner on small problems: that it honours every setting (decays, batches, seed, threads, cutoffs,
 * backend), places the point source and the shells right, and returns voxel, region and balance figures that add
 * up. The physics itself is judged by the validation benchmarks ({@code QuickPhysicsValidationTest} and the suite).
 */
class TransportBenchmarkRunnerTest {
    /** Set to 1 where an OpenCL device must be there (CI installs PoCL): OpenCL tests then fail, not skip. */
    static final String REQUIRE_OPENCL = "DOSEENGINE_REQUIRE_OPENCL";
    private final StringWriter log = new StringWriter();
    private final TransportBenchmarkRunner runner = new TransportBenchmarkRunner(() -> new PrintWriter(log, true));

    private static TransportSettings settings(long decays, long seed, int threads, double electronCutoffKeV) {
        return new TransportSettings(decays, seed, BackendChoice.JAVA, OptionalInt.empty(), OptionalInt.of(threads),
                electronCutoffKeV, 1.0);
    }

    /**
     * With the electron cutoff at 100 keV a 50 keV electron deposits its whole energy where it starts: the first
     * shell around the point source holds exactly 0.05 MeV per decay (to the fixed-point rounding, 1e-9), with no
     * batch-to-batch spread, and no other shell scores. With 10 keV it travels and spreads over the shells. So the
     * cutoff reaches the transport, and the source sits at the shells' centre.
     */
    @Test
    void electronCutoffReachesTheTransportAndTheSourceSitsAtTheShellCentre() {
        PointSourceProblem p = DpkBenchmark.of(new EmissionSource.MonoenergeticElectron(0.05)).problem();
        PointSourceResult local = runner.runPointSource(p, settings(2000, 3, 2, 100));
        double[] e = local.shellMeVPerDecay();
        assertEquals(0.05, e[0], 1e-9);
        assertEquals(0.0, local.shellRelativeUncertainty()[0], 0);
        for (int b = 1; b < e.length; b++) {
            assertEquals(0.0, e[b], 0, "shell " + b);
            assertEquals(1.0, local.shellRelativeUncertainty()[b], 0, "an empty shell reads as 100 % uncertain");
        }
        assertEquals(new RunRecord("java", "Java, 2 threads", 2000, 10, local.run().seconds()), local.run());

        PointSourceResult transported = runner.runPointSource(p, settings(2000, 3, 2, 10));
        double[] t = transported.shellMeVPerDecay();
        assertTrue(t[0] < 0.1 * 0.05, "first shell " + t[0]);
        int scored = (int) Arrays.stream(t).filter(x -> x > 0).count();
        assertTrue(scored > 40, scored + " shells scored");
        double sum = Arrays.stream(t).sum();
        assertEquals(0.05, sum + transported.balance().escapedMeVPerDecay(), 1e-8);
        assertEquals(0.05, transported.balance().emittedMeVPerDecay(), 1e-9);
    }

    /** One seed gives one result on one or two threads; another seed another one; decays round up to 10 batches. */
    @Test
    void oneSeedOneResultWhateverTheThreads() {
        PointSourceProblem p = DpkBenchmark.of(new EmissionSource.MonoenergeticElectron(0.1)).problem();
        PointSourceResult one = runner.runPointSource(p, settings(1995, 5, 1, 10));
        PointSourceResult two = runner.runPointSource(p, settings(1995, 5, 2, 10));
        assertArrayEquals(one.shellMeVPerDecay(), two.shellMeVPerDecay());
        assertArrayEquals(one.shellRelativeUncertainty(), two.shellRelativeUncertainty());
        assertEquals(2000, one.run().decays());
        assertEquals(10, one.run().batches());
        assertEquals("Java, 1 thread", one.run().device());
        PointSourceResult other = runner.runPointSource(p, settings(1995, 6, 2, 10));
        assertFalse(Arrays.equals(one.shellMeVPerDecay(), other.shellMeVPerDecay()));
    }

    /**
     * A voxel source over the central 3^3 voxels of a 9^3 block of 2 mm soft tissue, Lu-177: every region's energy is
     * the sum of its voxels' (same batches, so equal to rounding), the voxels hold the deposited energy, deposited +
     * escaped = emitted, and the emitted energy per decay is the ICRP-107 mean (0.1830 MeV) within its noise.
     */
    @Test
    void voxelSourceScoresVoxelsRegionsAndTheBalance() {
        VoxelGrid g = VoxelGrid.centredCube(9, 9, 9, 2.0);
        int n = g.voxelCount();
        float[] rho = new float[n];
        Arrays.fill(rho, 1.04f);
        FloatVolume activity = new FloatVolume(g);
        ShortVolume labels = new ShortVolume(g);
        for (int k = 0; k < 9; k++) {
            for (int j = 0; j < 9; j++) {
                for (int i = 0; i < 9; i++) {
                    boolean core = Math.abs(i - 4) <= 1 && Math.abs(j - 4) <= 1 && Math.abs(k - 4) <= 1;
                    activity.set(i, j, k, core ? 1f : 0f);
                    labels.set(i, j, k, (short) (core ? 1 : (i < 4 ? 2 : 0)));
                }
            }
        }
        LabelMap regions = new LabelMap(labels, Map.of(1, "core", 2, "left"));
        EmissionSource lu = EmissionSource.NuclideEmissions.all(NuclideCatalog.get("Lu-177"));
        VoxelSourceProblem p = new VoxelSourceProblem("test block", lu, List.of("tissue_soft_icrp"),
                new ByteVolume(g), new FloatVolume(g, rho), activity, regions);
        VoxelSourceResult r = runner.runVoxelSource(p, settings(4000, 7, 2, 10));

        double[] e = r.voxelMeVPerDecay();
        assertEquals(n, e.length);
        short[] lab = labels.data();
        for (Map.Entry<Integer, String> label : regions.names().entrySet()) {
            double sum = 0;
            for (int v = 0; v < n; v++) {
                sum += lab[v] == label.getKey() ? e[v] : 0;
            }
            RegionEnergy region = r.regions().get(label.getValue());
            assertEquals(sum, region.meanMeVPerDecay(), 1e-12 * sum, label.getValue());
            assertTrue(region.relativeUncertainty() > 0 && region.relativeUncertainty() < 1, region.toString());
        }
        assertEquals(2, r.regions().size());
        assertTrue(r.regions().get("core").meanMeVPerDecay() > 0.1, "Lu-177 electrons stay in the 6 mm core");
        // The energy one decay leaves in the core spreads widely (betas of 0-0.5 MeV, photons that go or stay):
        // 4000 decays leave 1-2 % on its mean (batch statistics of the region's totals), well below 5 %.
        assertTrue(r.regions().get("core").relativeUncertainty() < 0.05, r.regions().get("core").toString());
        double deposited = Arrays.stream(e).sum();
        assertEquals(r.balance().depositedMeVPerDecay(), deposited, 1e-9);
        assertEquals(0, r.balance().relativeImbalance(), 1e-6);
        // ICRP 107: 0.1479 + 0.0351 MeV per decay. The spread of one decay's emitted energy is about 0.1 MeV, so
        // the mean of 4000 decays is within 0.002 MeV (1 %) at 1 SE; 4 % is more than 3 SE.
        assertEquals(lu.emittedEnergyPerDecayMeV(), r.balance().emittedMeVPerDecay(), 0.04 * 0.183);
        assertEquals("Java, 2 threads", r.run().device());
    }

    /**
     * The photon cutoff reaches the transport: Lu-177's photons started in the centre of a 5^3 block of 1 cm water
     * voxels. With a 100 keV cutoff every photon line below 100 keV (its x-rays) deposits on the spot, so the source
     * voxel receives at least their mean energy per decay (exact, from the emission table; 4 SE below it allowed).
     * With 1 keV they travel (mean free path about 5 cm): the source voxel gets under half of it.
     */
    @Test
    void photonCutoffReachesTheTransport() {
        VoxelGrid g = VoxelGrid.centredCube(5, 5, 5, 10.0);
        float[] rho = new float[g.voxelCount()];
        Arrays.fill(rho, 1.0f);
        FloatVolume activity = new FloatVolume(g);
        activity.set(2, 2, 2, 1f);
        EmissionSource.NuclideEmissions photons = EmissionSource.NuclideEmissions.all(NuclideCatalog.get("Lu-177"))
                .only(ParticleType.PHOTON);
        VoxelSourceProblem p = new VoxelSourceProblem("photons", photons, List.of("water_liquid"),
                new ByteVolume(g), new FloatVolume(g, rho), activity, null);
        EmissionArrays a = photons.emissionArrays();
        double below = 0;
        for (int i = 0; i < a.chanceType().length; i++) {
            below += a.chanceEnergyMeV()[i] < 0.1f ? (double) a.chanceEnergyMeV()[i] * a.chanceProbability()[i] : 0;
        }
        for (int i = 0; i < a.fixedType().length; i++) {
            below += a.fixedEnergyMeV()[i] < 0.1f ? a.fixedEnergyMeV()[i] : 0;
        }
        assertTrue(below > 0.001, "Lu-177 x-rays below 100 keV: " + below);
        int centre = g.flatIndex(2, 2, 2);
        TransportSettings highCut = new TransportSettings(20000, 9, BackendChoice.JAVA, OptionalInt.empty(),
                OptionalInt.of(2), 10, 100);
        VoxelSourceResult high = runner.runVoxelSource(p, highCut);
        double se = high.voxelMeVPerDecay()[centre] * high.voxelRelativeUncertainty()[centre];
        assertTrue(high.voxelMeVPerDecay()[centre] >= below - 4 * se,
                high.voxelMeVPerDecay()[centre] + " < " + below);
        VoxelSourceResult low = runner.runVoxelSource(p, new TransportSettings(20000, 9, BackendChoice.JAVA,
                OptionalInt.empty(), OptionalInt.of(2), 10, 1));
        assertTrue(low.voxelMeVPerDecay()[centre] < 0.5 * below, low.voxelMeVPerDecay()[centre] + " vs " + below);
        assertEquals(0, low.balance().relativeImbalance(), 1e-6);
    }

    /** OpenCL on a device that does not exist: refused with the engine's one line, before and at a run. */
    @Test
    void openClOnAMissingDeviceIsRefused() {
        assertTrue(runner.availableBackends().contains(BackendChoice.JAVA));
        TransportSettings opencl = new TransportSettings(100, 1, BackendChoice.OPENCL, OptionalInt.of(99),
                OptionalInt.of(1), 10, 1);
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> runner.checkSettings(opencl));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        PointSourceProblem p = DpkBenchmark.of(new EmissionSource.MonoenergeticElectron(0.1)).problem();
        assertThrows(BackendUnavailableException.class, () -> runner.runPointSource(p, opencl));
        runner.checkSettings(TransportSettings.defaults(100));
    }

    /** A device index given to the Java backend is ignored and said so once per runner; progress every run. */
    @Test
    void notesArePrintedOnceAndProgressEveryRun() {
        TransportSettings java = new TransportSettings(500, 1, BackendChoice.JAVA, OptionalInt.of(0),
                OptionalInt.of(1), 10, 1);
        PointSourceProblem p = DpkBenchmark.of(new EmissionSource.MonoenergeticElectron(0.1)).problem();
        runner.runPointSource(p, java);
        runner.runPointSource(p, java);
        String text = log.toString();
        assertEquals(1, count(text, "--device 0 ignored"), text);
        assertEquals(2, count(text, "dpk e-:0.1: 500 decays on Java, 1 thread, seed 1"), text);
        assertEquals(2, count(text, "done: 500 decays"), text);
    }

    /**
     * On this machine's OpenCL devices: {@code opencl} runs on any of them (a CPU device too), {@code auto} runs on
     * a GPU or else Java, and the runner offers OpenCL to {@code validate all}'s Java-versus-OpenCL section whenever a
     * device has the tally's atomics. Skipped without a device unless {@value #REQUIRE_OPENCL}=1 (CI), where it fails.
     */
    @Test
    void openClRunsOnRequestAndAutoOnlyOnAGpu() {
        OpenClDiscovery.Result found = OpenClDiscovery.discover();
        boolean usable = found.devices().stream().anyMatch(OpenClDeviceInfo::int64Atomics);
        if (!usable) {
            String why = "no OpenCL device with 64-bit atomics: " + found.problem();
            if ("1".equals(System.getenv(REQUIRE_OPENCL))) {
                org.junit.jupiter.api.Assertions.fail(why + " (" + REQUIRE_OPENCL + "=1)");
            }
            org.junit.jupiter.api.Assumptions.abort(why + " (set " + REQUIRE_OPENCL + "=1 to make this a failure)");
        }
        assertEquals(List.of(BackendChoice.JAVA, BackendChoice.OPENCL), runner.availableBackends());
        PointSourceProblem p = DpkBenchmark.of(new EmissionSource.MonoenergeticElectron(0.1)).problem();
        PointSourceResult opencl = runner.runPointSource(p, new TransportSettings(500, 1, BackendChoice.OPENCL,
                OptionalInt.empty(), OptionalInt.of(2), 10, 1));
        assertEquals("opencl", opencl.run().backend());
        assertEquals(0, opencl.balance().relativeImbalance(), 1e-6);
        boolean gpu = found.devices().stream().anyMatch(d -> d.isGpu() && d.int64Atomics());
        PointSourceResult auto = runner.runPointSource(p, new TransportSettings(500, 1, BackendChoice.AUTO,
                OptionalInt.empty(), OptionalInt.of(2), 10, 1));
        assertEquals(gpu ? "opencl" : "java", auto.run().backend(), log.toString());
        assertEquals(1, count(log.toString(), "backend auto: using " + (gpu ? "OpenCL" : "Java")), log.toString());
    }

    @Test
    void theSuiteFindsThisRunner() {
        assertInstanceOf(TransportBenchmarkRunner.class, BenchmarkRunners.standard());
    }

    private static int count(String text, String part) {
        int c = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            c++;
        }
        return c;
    }
}
