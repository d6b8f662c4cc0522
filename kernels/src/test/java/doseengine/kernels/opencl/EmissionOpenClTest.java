package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.EmissionArrays;
import doseengine.kernels.EmissionSampler;
import doseengine.kernels.rng.PhiloxStream;
import doseengine.kernels.fixtures.TwinFixtures;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * include/emission.clh on the OpenCL device against the Java {@link EmissionSampler}, on the engine's ICRP-107
 * tables of the three nuclides (read from the twin fixture, {@link TwinFixtures}), decay by decay from the same
 * Philox streams. Needs an OpenCL device.
 */
class EmissionOpenClTest {

    private static final long SEED = 0x0E_1551_0AL;
    private static final int PURPOSE = 11;
    /** Particles stored per decay for comparison; every decay is walked to its end regardless. */
    private static final int STORED = 32;

    private static OpenClContext cl;
    private static OpenClProgram program;

    /** Per test rather than @BeforeAll, so that without a device each test is reported as skipped. */
    @BeforeEach
    void build() {
        if (cl == null) {
            cl = OpenClTestSupport.open();
        }
        if (program == null) {
            program = OpenClProgram.build(cl, KernelSource.load("test_emission.cl"));
        }
    }

    @AfterAll
    static void release() {
        if (program != null) {
            program.close();
        }
        if (cl != null) {
            cl.close();
        }
    }

    /**
     * The beta inverse CDF at 1 048 576 uniforms: both ends (0 and 1 - 2^-24), every guide-table boundary
     * g / G, every CDF node value and its float neighbours (the interval search's edge cases), and random
     * multiples of 2^-24. Division and sqrt are the only rounded operations besides + and *, so with correctly
     * rounded division and sqrt the energies are Java's float bits; without them (OpenCL 1.2: division 2.5 ulp,
     * sqrt 3 ulp) within 16 ulp, the sum of those bounds through w, the root and the quotient, doubled at a
     * binade boundary.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Lu-177", "Y-90", "I-131"})
    void betaEnergiesEqualJava(String nuclide) {
        EmissionArrays arrays = TwinFixtures.emission(nuclide);
        EmissionSampler java = new EmissionSampler(arrays);
        int n = 1 << 20;
        float[] u = new float[n];
        int k = 0;
        u[k++] = 0f;
        u[k++] = 1f - 0x1p-24f;
        int guide = arrays.betaGuide().length;
        for (int g = 1; g < guide; g++) {
            u[k++] = g / (float) guide;
        }
        for (float c : arrays.betaCdf()) {
            // u must lie in [0, 1): the sampler's precondition
            for (float x : new float[] {Math.nextDown(c), c, Math.nextUp(c)}) {
                if (x >= 0f && x < 1f) {
                    u[k++] = x;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(0xBE7AL);
        while (k < n) {
            u[k++] = random.nextInt(1 << 24) * 0x1p-24f;
        }
        float[] energy = new float[n];
        try (DeviceEmissionTable table = DeviceEmissionTable.upload(cl, arrays);
                DeviceBuffer in = DeviceBuffer.copyOf(cl, u);
                DeviceBuffer out = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("sample_beta_energies")) {
            int next = table.bind(kernel, 0);
            kernel.arg(next, in).arg(next + 1, out).run(n);
            out.read(energy);
        }
        double tolerance = program.correctlyRoundedDivideSqrt() ? 0 : 16;
        UlpDifference ulps = new UlpDifference();
        for (int i = 0; i < n; i++) {
            float expected = java.sampleBeta(u[i]);
            double d = ulps.add(expected, energy[i]);
            if (d > tolerance) {
                assertEquals(Float.toHexString(expected), Float.toHexString(energy[i]),
                        nuclide + " beta at u = " + Float.toHexString(u[i]));
            }
        }
        System.out.printf("%s beta inverse CDF on %s: largest difference from Java %.1f ulp over %d uniforms%n",
                nuclide, cl.info().deviceName(), ulps.largest(), n);
    }

    /**
     * 100 000 decays per nuclide, history by history from the same Philox streams: the number of particles,
     * each particle's type and energy, the sum of the energies and the number of uniforms drawn. Only the
     * chance-line skip ln(1 - u) / ln(1 - p) goes through a transcendental function, whose float may differ
     * from Java's by a few ulp (OpenCL 1.2: log 3 ulp) and so, when the skip lies within those ulps of an
     * integer or of the number of lines left, pick another line: such a decay has diverged. Requirement: at
     * most 1 in 10 000 decays diverge (a skip near an integer has relative width about skip * 2^-22 per
     * candidate line; with the few candidates of a decay and skips below 200 that is of order 1e-5); every
     * decay that has not diverged is equal in every integer, and its energies (table copies, and the beta,
     * bit for bit where division and sqrt are correctly rounded, see above) too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Lu-177", "Y-90", "I-131"})
    void decaysEqualJavaDecayByDecay(String nuclide) {
        EmissionArrays arrays = TwinFixtures.emission(nuclide);
        EmissionSampler java = new EmissionSampler(arrays);
        int decays = 100_000;
        long firstHistory = 5_000_000_000L;
        int[] count = new int[decays];
        int[] type = new int[decays * STORED];
        float[] energy = new float[decays * STORED];
        float[] energySum = new float[decays];
        int[] draws = new int[decays];
        try (DeviceEmissionTable table = DeviceEmissionTable.upload(cl, arrays);
                DeviceBuffer c = DeviceBuffer.allocate(cl, (long) decays * Integer.BYTES);
                DeviceBuffer t = DeviceBuffer.allocate(cl, (long) type.length * Integer.BYTES);
                DeviceBuffer e = DeviceBuffer.allocate(cl, (long) energy.length * Float.BYTES);
                DeviceBuffer s = DeviceBuffer.allocate(cl, (long) decays * Float.BYTES);
                DeviceBuffer d = DeviceBuffer.allocate(cl, (long) decays * Integer.BYTES);
                OpenClKernel kernel = program.kernel("sample_decays")) {
            assertEquals(arrays.maxEmissionsPerDecay(), table.maxEmissionsPerDecay());
            int next = table.bind(kernel, 0);
            kernel.arg(next, SEED).arg(next + 1, firstHistory).arg(next + 2, PURPOSE).arg(next + 3, STORED)
                    .arg(next + 4, c).arg(next + 5, t).arg(next + 6, e).arg(next + 7, s).arg(next + 8, d).run(decays);
            c.read(count);
            t.read(type);
            e.read(energy);
            s.read(energySum);
            d.read(draws);
        }
        double energyTolerance = program.correctlyRoundedDivideSqrt() ? 0 : 16;
        int[] javaType = new int[java.maxEmissionsPerDecay()];
        float[] javaEnergy = new float[java.maxEmissionsPerDecay()];
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, PURPOSE);
        int diverged = 0;
        long particles = 0;
        UlpDifference ulps = new UlpDifference();
        for (int i = 0; i < decays; i++) {
            stream.restart(firstHistory + i, PURPOSE);
            int[] drawn = {0};
            int n = java.sampleDecay(() -> {
                drawn[0]++;
                return stream.nextFloat();
            }, javaType, javaEnergy);
            particles += n;
            boolean same = n == count[i] && drawn[0] == draws[i];
            for (int p = 0; same && p < Math.min(n, STORED); p++) {
                same = javaType[p] == type[i * STORED + p];
            }
            if (!same) {
                diverged++;
                continue;
            }
            float sum = 0f;
            for (int p = 0; p < n; p++) {
                sum += javaEnergy[p];
                if (p < STORED) {
                    double d = ulps.add(javaEnergy[p], energy[i * STORED + p]);
                    if (!(d <= energyTolerance)) {
                        fail(nuclide + " decay " + i + " particle " + p + ": Java "
                            + javaEnergy[p] + ", device " + energy[i * STORED + p] + " MeV");
                    }
                }
            }
            if (energyTolerance == 0) {
                assertEquals(sum, energySum[i], nuclide + " decay " + i + ": energy sum");
            }
        }
        System.out.printf("%s decays on %s: %d of %d diverged from Java; energies of the others within %.1f ulp "
                + "(%d particles)%n", nuclide, cl.info().deviceName(), diverged, decays, ulps.largest(), particles);
        assertTrue(diverged <= decays / 10_000, diverged + " of " + decays + " decays diverged");
        assertTrue(particles > decays, "every decay emits its beta, most emit more");
    }
}
