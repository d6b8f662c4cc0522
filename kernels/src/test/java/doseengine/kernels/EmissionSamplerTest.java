package doseengine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sampler on small hand-made tables whose answers are known in closed form. Random tests use a fixed seed
 * of {@link SplittableRandom}, so they are deterministic.
 */
class EmissionSamplerTest {
    private static final float[] NONE_F = {};
    private static final int[] NONE_I = {};

    static UniformSource uniform(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> (random.nextInt() >>> 8) * 0x1p-24f;
    }

    /** A triangular beta spectrum on [0, 2] MeV peaking at 1 MeV: CDF E^2/2 below 1, 1 - (2-E)^2/2 above. */
    private static EmissionArrays triangle() {
        return new EmissionArrays(new float[] {0f, 1f, 2f}, new float[] {0f, 0.5f, 1f}, new float[] {0f, 1f, 0f},
                new int[] {0, 1}, NONE_I, NONE_F, NONE_I, NONE_F, NONE_F, NONE_F);
    }

    private static EmissionArrays lines(float[] p) {
        int[] type = new int[p.length];
        float[] energy = new float[p.length];
        float[] log = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            type[i] = i % 2;
            energy[i] = i + 1;
            log[i] = (float) Math.log1p(-(double) p[i]);
        }
        return new EmissionArrays(NONE_F, NONE_F, NONE_F, NONE_I, new int[] {ParticleType.PHOTON},
                new float[] {0.5f}, type, energy, p, log);
    }

    /** Inverse CDF of the triangle at chosen u, exact in float arithmetic: E = sqrt(2u) below u = 1/2. */
    @Test
    void betaInvertsTheLinearDensityExactly() {
        EmissionSampler s = new EmissionSampler(triangle());
        assertEquals(0f, s.sampleBeta(0f), 0f);
        assertEquals(0.5f, s.sampleBeta(0.125f), 0f);
        assertEquals(1f, s.sampleBeta(0.5f), 0f);
        assertEquals(1.5f, s.sampleBeta(0.875f), 0f);
        assertEquals(2f - (float) Math.sqrt(2 * 0x1p-24), s.sampleBeta(1f - 0x1p-24f), 1e-6f);
        for (int i = 1; i < 100; i++) {
            float u = i / 100f;
            double expected = u < 0.5 ? Math.sqrt(2 * u) : 2 - Math.sqrt(2 * (1 - u));
            assertEquals(expected, s.sampleBeta(u), 2e-6, "u = " + u);
        }
    }

    /**
     * Each chance line is emitted with its own probability, independently of the others, and the fixed copy
     * always. 2e6 decays; every count is checked within 5 binomial standard deviations of N p (single and
     * pairwise), a bound a correct sampler misses with probability below 1e-5 per check. Probabilities span
     * 0.9 to 1e-5 and include ties, so long geometric skips and the thinning step are both exercised.
     */
    @Test
    void linesAreIndependentWithTheirProbabilities() {
        float[] p = {0.9f, 0.5f, 0.5f, 0.3f, 0.05f, 0.01f, 0.001f, 1e-4f, 1e-4f, 1e-5f};
        EmissionSampler s = new EmissionSampler(lines(p));
        assertEquals(1 + p.length, s.maxEmissionsPerDecay());
        int decays = 2_000_000;
        long[] single = new long[p.length];
        long[][] pair = new long[p.length][p.length];
        int[] type = new int[s.maxEmissionsPerDecay()];
        float[] energy = new float[s.maxEmissionsPerDecay()];
        boolean[] seen = new boolean[p.length];
        UniformSource rng = uniform(7);
        for (int d = 0; d < decays; d++) {
            int n = s.sampleDecay(rng, type, energy);
            assertEquals(0.5f, energy[0], 0f, "the fixed copy comes first, in every decay");
            Arrays.fill(seen, false);
            for (int i = 1; i < n; i++) {
                int line = (int) energy[i] - 1;
                assertEquals(line % 2, type[i]);
                assertFalse(seen[line], "a chance line fires at most once per decay");
                seen[line] = true;
            }
            for (int a = 0; a < p.length; a++) {
                if (seen[a]) {
                    single[a]++;
                    for (int b = a + 1; b < 6; b++) {
                        if (seen[b]) {
                            pair[a][b]++;
                        }
                    }
                }
            }
        }
        for (int a = 0; a < p.length; a++) {
            assertBinomial(single[a], decays, p[a], "line " + a);
            for (int b = a + 1; b < 6 && a < 6; b++) {
                assertBinomial(pair[a][b], decays, (double) p[a] * p[b], "lines " + a + " and " + b);
            }
        }
    }

    private static void assertBinomial(long count, int trials, double p, String what) {
        double mean = trials * p;
        double sd = Math.sqrt(trials * p * (1 - p));
        assertEquals(mean, count, 5 * sd, what + ": " + count + " of " + trials + " for p = " + p);
    }

    @Test
    void betaComesFirstAndEmptyTablesEmitNothing() {
        EmissionSampler beta = new EmissionSampler(triangle());
        int[] type = new int[1];
        float[] energy = new float[1];
        assertEquals(1, beta.sampleDecay(() -> 0.125f, type, energy));
        assertEquals(ParticleType.ELECTRON, type[0]);
        assertEquals(0.5f, energy[0], 0f);

        EmissionSampler empty = new EmissionSampler(new EmissionArrays(NONE_F, NONE_F, NONE_F, NONE_I, NONE_I,
                NONE_F, NONE_I, NONE_F, NONE_F, NONE_F));
        assertEquals(0, empty.sampleDecay(() -> 0.5f, new int[0], new float[0]));
    }

    @Test
    void refusesShortBuffers() {
        EmissionSampler s = new EmissionSampler(lines(new float[] {0.5f, 0.25f}));
        assertThrows(IllegalArgumentException.class, () -> s.sampleDecay(uniform(1), new int[2], new float[3]));
    }

    @Test
    void samplerIsNotAffectedByLaterChangesToTheArrays() {
        EmissionArrays a = triangle();
        EmissionSampler s = new EmissionSampler(a);
        a.betaEnergyMeV()[2] = 4f;
        assertEquals(1.5f, s.sampleBeta(0.875f), 0f);
    }
}
