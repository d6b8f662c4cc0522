package doseengine.kernels.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.rng.PhiloxStream;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The angular models the transport samples itself (the others come from tested samplers): Sauter's photoelectron
 * distribution and the 1/gamma cone of bremsstrahlung and pair production. Reference: the mean cos theta of each
 * density by numerical integration (Simpson, 20000 panels, converged far below the tolerance). Tolerance: 4
 * standard errors of the sampled mean, N = 400000 (a correct sampler fails with probability 6e-5).
 */
class InteractionAnglesTest {
    private static final int SAMPLES = 400_000;
    private static final double MC2 = doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV;

    /** Sauter (1931) K-shell: sin^2 / (1 - b c)^4 [1 + g (g - 1)(g - 2)(1 - b c) / 2]. */
    private static DoubleUnaryOperator sauter(double t) {
        double g = 1 + t / MC2;
        double b = Math.sqrt(1 - 1 / (g * g));
        return c -> (1 - c * c) / Math.pow(1 - b * c, 4) * (1 + 0.5 * g * (g - 1) * (g - 2) * (1 - b * c));
    }

    /** Rest-frame isotropic emission seen in the lab: (1 - b^2) / (1 - b c)^2. */
    private static DoubleUnaryOperator cone(double t) {
        double g = 1 + t / MC2;
        double b = Math.sqrt(1 - 1 / (g * g));
        return c -> (1 - b * b) / ((1 - b * c) * (1 - b * c));
    }

    @Test
    void sauterPhotoelectronsHaveTheRightMeanCosine() {
        PhiloxStream rng = new PhiloxStream(1L, 0L, 77);
        for (double t : new double[] {0.001, 0.01, 0.1, 1.0}) {
            double[] m = sampledMoments(() -> PhotonTransport.sauterCosTheta((float) t, rng));
            double expected = meanCos(sauter(t));
            assertEquals(expected, m[0], 4 * m[1], "T = " + t);
        }
        // Near threshold the photoelectron goes sideways; at 1 MeV forwards.
        assertTrue(meanCos(sauter(0.001)) < 0.1 && meanCos(sauter(1.0)) > 0.7);
    }

    @Test
    void coneEmissionHasTheRightMeanCosine() {
        PhiloxStream rng = new PhiloxStream(2L, 0L, 77);
        for (double t : new double[] {0.01, 0.1, 1.0, 3.0}) {
            double[] m = sampledMoments(() -> PhotonTransport.coneCosTheta((float) t, rng.nextFloat()));
            double expected = meanCos(cone(t));
            assertEquals(expected, m[0], 4 * m[1], "T = " + t);
        }
    }

    private interface Sample {
        float next();
    }

    /** Mean and standard error of the mean of cos theta. */
    private static double[] sampledMoments(Sample s) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double c = s.next();
            assertTrue(c >= -1 && c <= 1);
            sum += c;
            sumSq += c * c;
        }
        double mean = sum / SAMPLES;
        return new double[] {mean, Math.sqrt((sumSq / SAMPLES - mean * mean) / SAMPLES)};
    }

    private static double meanCos(DoubleUnaryOperator density) {
        return simpson(c -> c * density.applyAsDouble(c)) / simpson(density);
    }

    private static double simpson(DoubleUnaryOperator f) {
        int n = 20_000;
        double h = 2.0 / n;
        double s = f.applyAsDouble(-1) + f.applyAsDouble(1);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(-1 + i * h);
        }
        return s * h / 3;
    }
}
