package doseengine.validation.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.tally.EnergyBalance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BalanceAndAgreementTest {
    @Test
    void energyBalanceToleranceIsOnePartPerMillion() {
        Map<String, EnergyBalance> runs = new LinkedHashMap<>();
        runs.put("good", new EnergyBalance(0.6, 0.4 + 0.9e-6, 1.0));
        assertEquals(Verdict.PASS, EnergyBalanceCheck.check(runs).verdict());
        runs.put("lost energy", new EnergyBalance(0.6, 0.39, 1.0));
        ComparisonResult c = EnergyBalanceCheck.check(runs);
        assertEquals(Verdict.FAIL, c.verdict());
        assertEquals(-0.01, c.points().get(1).deviation(), 1e-12);
    }

    @Test
    void agreeingBackendsPassShiftedOnesFail() {
        // Two independent estimates of the same 500 bins, 2 % errors, drawn with a fixed seed: agreement expected.
        // A 3-sigma shift of a fifth of the bins must fail (about half of those land beyond |z| = 3).
        int n = 500;
        SplittableRandom rng = new SplittableRandom(42);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] shifted = new double[n];
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            double truth = 1 + i;
            u[i] = 0.02;
            a[i] = truth * (1 + 0.02 * gauss(rng));
            b[i] = truth * (1 + 0.02 * gauss(rng));
            shifted[i] = i % 5 == 0 ? b[i] + 3 * Math.sqrt(2) * 0.02 * truth : b[i];
        }
        BackendAgreement ok = BackendAgreement.of("t", a, u, 10, b, u, 10, i -> "bin " + i);
        assertEquals(Verdict.PASS, ok.verdict(), ok.summary());
        assertEquals(n, ok.bins());
        assertEquals(1.0, ok.chi2PerBin(), 0.2, "mean z^2 of agreeing bins");
        BackendAgreement bad = BackendAgreement.of("t", a, u, 10, shifted, u, 10, i -> "bin " + i);
        assertEquals(Verdict.FAIL, bad.verdict(), bad.summary());
        // The allowed count of |z| > 3 is the binomial 99.9 % point for P = 0.0077 (Student t, 18 degrees of freedom):
        // P(X > k) <= 0.001 < P(X > k - 1).
        assertEquals(18, ok.degreesOfFreedom());
        assertEquals(0.0077, BackendAgreement.pBeyond3(18), 0.0002);
        for (int bins : new int[] {20, 56, 64, 340, 1218}) {
            int k = BackendAgreement.allowedBeyond3(bins, 18);
            org.apache.commons.math3.distribution.BinomialDistribution d =
                    new org.apache.commons.math3.distribution.BinomialDistribution(null, bins, BackendAgreement.pBeyond3(18));
            assertTrue(1 - d.cumulativeProbability(k) <= 0.001, "tail above " + k + " of " + bins);
            assertTrue(1 - d.cumulativeProbability(k - 1) > 0.001, "tail above " + (k - 1) + " of " + bins);
        }
        // Errors from more batches have thinner tails: two 40-batch runs (78 degrees of freedom) allow fewer.
        assertEquals(0.0036, BackendAgreement.pBeyond3(78), 0.0002);
        assertTrue(BackendAgreement.allowedBeyond3(1218, 78) < BackendAgreement.allowedBeyond3(1218, 18));
        assertEquals(78, BackendAgreement.of("t", a, u, 40, b, u, 40, i -> "").degreesOfFreedom());
        // Bins with large errors are left out; too few bins are shown, not judged.
        double[] noisy = new double[n];
        java.util.Arrays.fill(noisy, 0.5);
        assertEquals(Verdict.INFORMATIONAL, BackendAgreement.of("t", a, noisy, 10, b, u, 10, i -> "").verdict());
    }

    private static double gauss(SplittableRandom rng) {
        // Box-Muller.
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
