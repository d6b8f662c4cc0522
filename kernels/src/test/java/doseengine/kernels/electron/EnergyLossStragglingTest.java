package doseengine.kernels.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.rng.PhiloxStream;
import org.junit.jupiter.api.Test;

/**
 * The straggled soft loss reproduces the step's mean w and variance Omega^2 in each of PENELOPE's three cases
 * (PENELOPE-2008 manual, section 4.2: the distribution is built to have exactly these two moments).
 *
 * <p>Tolerance: N = 400 000 samples per case; the sample mean must be within 4 standard errors sqrt(Omega^2 / N)
 * of w and the sample variance within 4 standard errors sqrt((m4 - s^4) / N) of Omega^2 (m4 the sample's fourth
 * central moment): each check fails by chance with probability 6e-5. Float rounding (1e-7 relative) is far below.
 */
class EnergyLossStragglingTest {
    private static final int N = 400_000;

    @Test
    void gaussianCaseKeepsMeanAndVariance() {
        // w = 6 Omega: truncation to (0, 2w) cuts 6 standard deviations, which changes the variance by 7e-8.
        checkMoments(0.006f, 1e-6f, 1, true);
    }

    @Test
    void narrowlyTruncatedGaussianKeepsTheMean() {
        // w = 3.1 Omega: still Gaussian (w^2 > 9 Omega^2); the truncation at 3.1 standard deviations keeps the
        // mean (symmetric) and lowers the variance by the factor 1 - 2 a phi(a) / (2 Phi(a) - 1) = 0.9797 (a = 3.1).
        float w = 0.0031f;
        float variance = 1e-6f;
        Moments m = sample(w, variance, 2);
        assertEquals(w, m.mean, 4 * Math.sqrt(variance / N), "mean");
        assertEquals(0.9797 * variance, m.variance, 4 * m.varianceError + 1e-4 * variance, "variance");
    }

    @Test
    void uniformCaseKeepsMeanAndVariance() {
        // 3 Omega^2 < w^2 <= 9 Omega^2: w = 2 Omega.
        checkMoments(0.002f, 1e-6f, 3, false);
    }

    @Test
    void zeroOrUniformCaseKeepsMeanAndVariance() {
        // w^2 <= 3 Omega^2: w = 0.5 Omega (a = 0.4: 60 % of the steps lose nothing) and w = 0.05 Omega.
        checkMoments(0.0005f, 1e-6f, 4, false);
        checkMoments(0.00005f, 1e-6f, 5, false);
    }

    @Test
    void noVarianceOrNoMeanDrawsNothing() {
        int[] draws = {0};
        assertEquals(0.003f, EnergyLossStraggling.sampleLoss(0.003f, 0f, () -> {
            draws[0]++;
            return 0.5f;
        }));
        assertEquals(0f, EnergyLossStraggling.sampleLoss(0f, 1e-6f, () -> {
            draws[0]++;
            return 0.5f;
        }));
        assertEquals(0, draws[0]);
    }

    @Test
    void boxMullerIsAStandardNormal() {
        // Known values: u1 = 1 - e^-1/2 gives sqrt(-2 ln e^-1/2) = 1; u2 = 0 gives cos 0 = 1, u2 = 1/2 gives -1.
        float u1 = (float) (1 - Math.exp(-0.5));
        assertEquals(1f, EnergyLossStraggling.standardNormal(u1, 0f), 1e-6f);
        assertEquals(-1f, EnergyLossStraggling.standardNormal(u1, 0.5f), 1e-6f);
        assertEquals(0f, EnergyLossStraggling.standardNormal(0f, 0.25f), 0f);
    }

    private static void checkMoments(float w, float variance, int stream, boolean gaussian) {
        Moments m = sample(w, variance, stream);
        assertEquals(w, m.mean, 4 * Math.sqrt(variance / N), "mean, w = " + w);
        assertEquals(variance, m.variance, 4 * m.varianceError, "variance, w = " + w);
        if (gaussian) {
            assertTrue(m.largest < 2 * w && m.smallest > 0, "Gaussian losses inside (0, 2w)");
        }
    }

    private static Moments sample(float w, float variance, int stream) {
        PhiloxStream rng = new PhiloxStream(0x57A6L, stream, 0);
        double[] x = new double[N];
        double sum = 0;
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        float bound = EnergyLossStraggling.maxLoss(w, variance);
        for (int i = 0; i < N; i++) {
            float loss = EnergyLossStraggling.sampleLoss(w, variance, rng);
            assertTrue(loss >= 0f && loss <= bound, "loss " + loss + " outside [0, maxLoss = " + bound + "]");
            x[i] = loss;
            sum += loss;
            largest = Math.max(largest, loss);
            smallest = Math.min(smallest, loss);
        }
        double mean = sum / N;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= N;
        m4 /= N;
        return new Moments(mean, m2, Math.sqrt((m4 - m2 * m2) / N), largest, smallest);
    }

    private record Moments(double mean, double variance, double varianceError, double largest, double smallest) {}
}
