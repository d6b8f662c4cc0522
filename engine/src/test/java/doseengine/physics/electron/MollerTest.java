package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.electron.MollerSampler;
import org.junit.jupiter.api.Test;

class MollerTest {
    private static final double WCC = 0.010;

    @Test
    void hardCrossSectionIsTheIntegralOfTheDifferential() {
        // Closed form vs independent Simpson integration in ln eps (2000 panels, error < 1e-10 relative).
        for (double t : new double[] {0.025, 0.1, 1.0, 3.0}) {
            double numeric = Quadrature.simpsonLog(e -> MollerCrossSection.differential(t, e), WCC / t, 0.5, 2000);
            assertEquals(numeric, MollerCrossSection.hard(t, WCC), 1e-9 * numeric, "T=" + t);
        }
        assertEquals(0.0, MollerCrossSection.hard(0.02, WCC), 0.0, "no hard collision at T = 2 W_cc");
    }

    @Test
    void smallTransfersTendToFreeElectronRutherford() {
        // Known limit: dsigma/deps -> 2 pi r_e^2 mc^2 / (beta^2 T eps^2) as eps -> 0; the relative correction is
        // -(1 - c^2) eps + O(eps^2), so at eps = 1e-5 the ratio is 1 within 2e-5.
        for (double t : new double[] {0.01, 0.5, 3.0}) {
            double eps = 1e-5;
            double rutherford = MollerCrossSection.PREFACTOR
                    / (ElectronConstants.betaSquared(t) * t * eps * eps);
            assertEquals(1.0, MollerCrossSection.differential(t, eps) / rutherford, 2e-5, "T=" + t);
        }
    }

    @Test
    void sampledDeltaRayEnergiesFollowTheMollerCrossSection() {
        // N = 200000 delta rays per energy. First moment: |mean - exact| < 4 standard errors of the mean (exact =
        // Simpson integral of W dsigma/dW over sigma). Normalisation of the sampled distribution: the fraction in
        // each of 8 logarithmic bins of W equals the bin's share of the integrated cross section within 4 binomial
        // standard deviations. Float rounding of the sampler (1e-7) is far below these statistical bounds.
        SplitMixUniform rng = new SplitMixUniform(20260101L);
        for (double t : new double[] {0.03, 0.3, 1.0, 3.0}) {
            int n = 200_000;
            int bins = 8;
            double lnLo = Math.log(WCC);
            double lnHi = Math.log(t / 2);
            long[] counts = new long[bins];
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double w = MollerSampler.sampleEnergyTransfer((float) t, (float) WCC, rng);
                assertTrue(w >= WCC * (1 - 1e-6) && w <= t / 2 * (1 + 1e-6), "W=" + w + " at T=" + t);
                sum += w;
                sumSq += w * w;
                int b = (int) ((Math.log(w) - lnLo) / (lnHi - lnLo) * bins);
                counts[Math.min(bins - 1, Math.max(0, b))]++;
            }
            double sigma = MollerCrossSection.hard(t, WCC);
            double exactMean = Quadrature.simpsonLog(w -> w * MollerCrossSection.differential(t, w / t) / t,
                    WCC, t / 2, 4000) / sigma;
            double mean = sum / n;
            double se = Math.sqrt((sumSq / n - mean * mean) / n);
            assertEquals(exactMean, mean, 4 * se, "mean delta energy at T=" + t);
            for (int b = 0; b < bins; b++) {
                double lo = Math.exp(lnLo + b * (lnHi - lnLo) / bins);
                double hi = Math.exp(lnLo + (b + 1) * (lnHi - lnLo) / bins);
                double p = Quadrature.simpsonLog(e -> MollerCrossSection.differential(t, e), lo / t, hi / t, 400)
                        / sigma;
                double sd = Math.sqrt(n * p * (1 - p));
                assertEquals(n * p, counts[b], 4 * sd, "bin " + b + " at T=" + t);
            }
        }
    }
}
