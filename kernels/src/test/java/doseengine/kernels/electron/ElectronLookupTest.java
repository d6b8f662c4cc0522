package doseengine.kernels.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import doseengine.kernels.UniformSource;
import doseengine.kernels.electron.ElectronTables.Quantity;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lookups and samplers on small synthetic tables whose exact values are known. */
class ElectronLookupTest {
    private static final int N = 11;
    private static final double LN_MIN = Math.log(1e-3);
    private static final double STEP = Math.log(10) / 2; // 1 keV, 3.16 keV, 10 keV, ... 100 MeV

    /** Two materials; quantity q at node i of material m holds 1000 m + 10 q + i; ranges are R = T^1.5 (m + 1). */
    private static ElectronTables synthetic() {
        int nq = Quantity.values().length;
        float[][] a = new float[nq][2 * N];
        for (int q = 0; q < nq; q++) {
            for (int m = 0; m < 2; m++) {
                for (int i = 0; i < N; i++) {
                    double t = Math.exp(LN_MIN + i * STEP);
                    double v = 1000 * m + 10 * q + i;
                    if (q == Quantity.LN_CSDA_RANGE.ordinal() || q == Quantity.LN_RESTRICTED_RANGE.ordinal()) {
                        v = Math.log((m + 1) * Math.pow(t, 1.5));
                    }
                    a[q][m * N + i] = (float) v;
                }
            }
        }
        float[] kappa = {0f, 0.5f, 1f};
        float[] shape = new float[2 * N * 3];
        java.util.Arrays.fill(shape, 1f);
        return new ElectronTables(new String[] {"a", "b"}, N, LN_MIN, STEP, 0.01, 0.01, 0.01, 0.05, 0.05, a, kappa,
                shape);
    }

    @Test
    void interpolatesLinearlyInLnEnergyAndClampsAtTheEnds() {
        ElectronTables t = synthetic();
        int q = Quantity.RESTRICTED_STOPPING_POWER.ordinal();
        // Halfway in ln T between node 2 (10 keV) and node 3 (31.6 keV) of material 1: value 1000 + 10 q + 2.5.
        float mid = (float) Math.exp(LN_MIN + 2.5 * STEP);
        float x = ElectronLookup.gridPosition(t, mid);
        assertEquals(2.5f, x, 1e-5f);
        assertEquals(1000 + 10 * q + 2.5f, ElectronLookup.restrictedStoppingPower(t, 1, x), 1e-3f);
        assertEquals(0f, ElectronLookup.gridPosition(t, 1e-4f), 0f);
        assertEquals(N - 1, ElectronLookup.gridPosition(t, 1e9f), 0f);
        assertEquals(10 * q + N - 1, ElectronLookup.interpolate(t, Quantity.RESTRICTED_STOPPING_POWER, 0, N - 1),
                1e-4f);
    }

    @Test
    void rangeInversionIsExactOnThePowerLaw() {
        // ln R linear in ln T reproduces R = c T^1.5 exactly; inversion must return T to float rounding.
        ElectronTables t = synthetic();
        for (float e : new float[] {0.0015f, 0.02f, 0.7f, 33f}) {
            float r = ElectronLookup.csdaRange(t, 1, ElectronLookup.gridPosition(t, e));
            assertEquals(2 * Math.pow(e, 1.5), r, 1e-5 * r);
            assertEquals(e, ElectronLookup.energyFromCsdaRange(t, 1, r), 1e-5f * e);
            assertEquals(e, ElectronLookup.energyFromRestrictedRange(t, 1, r), 1e-5f * e);
        }
    }

    @Test
    void thresholdsGateTheHardCrossSections() {
        ElectronTables t = synthetic();
        float e = 0.015f;
        float x = ElectronLookup.gridPosition(t, e);
        assertEquals(0f, ElectronLookup.mollerCrossSection(t, 0, e, x), 0f);
        assertEquals(true, ElectronLookup.bremsCrossSection(t, 0, e, x) > 0f);
    }

    @Test
    void softDeflectionReproducesBothMoments() {
        // The two-uniform distribution must give <mu> = (1 - e^{-a})/2 and <mu^2> = <mu> - (1 - e^{-b})/6 exactly
        // in expectation; 400000 samples, 4 standard errors. (a, b) pairs follow screened-Rutherford-like ratios
        // b/a from 2 to 3, from nearly straight to nearly isotropic.
        UniformSource rng = uniform(99);
        float[][] cases = {{0.001f, 0.003f}, {0.05f, 0.14f}, {0.5f, 1.2f}, {4f, 8f}};
        int n = 400_000;
        for (float[] c : cases) {
            double s1 = 0;
            double s2 = 0;
            double s4 = 0;
            for (int i = 0; i < n; i++) {
                double mu = 0.5 * ElasticSampler.softDeflection(c[0], c[1], rng);
                s1 += mu;
                s2 += mu * mu;
                s4 += mu * mu * mu * mu;
            }
            double mean = -0.5 * Math.expm1(-c[0]);
            double second = mean + Math.expm1(-c[1]) / 6;
            double m1 = s1 / n;
            double m2 = s2 / n;
            assertEquals(mean, m1, 4 * Math.sqrt((m2 - m1 * m1) / n) + 1e-7, "mean for " + c[0]);
            assertEquals(second, m2, 4 * Math.sqrt((s4 / n - m2 * m2) / n) + 1e-7, "second moment for " + c[0]);
        }
    }

    @Test
    void malformedTablesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ElectronTables(new String[] {"a"}, N, LN_MIN, STEP,
                0.01, 0.01, 0.01, 0.05, 0.05, new float[3][N], new float[] {0, 1}, new float[2 * N]));
    }

    static UniformSource uniform(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return () -> (r.nextInt() >>> 8) * 0x1p-24f;
    }
}
