package doseengine.kernels.photon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Rayleigh sampler on a form factor that is constant up to x^2 = 100 1/Angstrom^2: then x^2 is uniform on
 * [0, k^2], cos theta is uniform before the (1 + cos^2)/2 rejection, and the result is the Thomson
 * distribution, with mean cos 0 and mean cos^2 = (2/3 + 2/5) / (2 + 2/3) = 0.4.
 */
class RayleighSamplerTest {
    @Test
    void constantFormFactorGivesTheThomsonDistribution() {
        // As many bins as the engine's tables: x^2(y) is curved in y, and the linear interpolation between
        // 2049 nodes moves a sampled cos by at most 5e-6, far under the 4 standard errors (4e-3) allowed.
        int bins = 2048;
        double x2Top = 100;
        // One energy node at E = 50 keV: k = E / hc = 4.033 1/Angstrom, so k^2 = 16.26 < 100.
        float energy = 0.05f;
        float ln = (float) Math.log(energy);
        float[] nodes = {ln, ln + 1f};
        PhotonCrossSections grid = new PhotonCrossSections(1, ln, 1f, nodes, new int[] {0},
                new float[PhotonCrossSections.PROCESS_COUNT * 2], new float[PhotonCrossSections.PROCESS_COUNT * 2]);
        float[] inverse = new float[bins + 1];
        for (int j = 0; j <= bins; j++) {
            // Constant F^2: P(x^2) = x^2 / x2Top, tabulated where P = 1 - (1 - y^2)^4, y = j / bins.
            double y = (double) j / bins;
            inverse[j] = (float) (x2Top * (1 - Math.pow(1 - y * y, 4)));
        }
        float k = energy / ComptonSampler.HC;
        float[] cdf = {(float) (k * k / x2Top), 1f};
        RayleighSampler sampler = new RayleighSampler(grid, bins, inverse, cdf);
        SplittableUniformSource rng = new SplittableUniformSource(17);
        int n = 400_000;
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (int i = 0; i < n; i++) {
            double c = sampler.sampleCosTheta(0, energy, ln, 0, rng);
            assertTrue(c >= -1 && c <= 1);
            sum += c;
            sum2 += c * c;
            sum4 += c * c * c * c;
        }
        double mean = sum / n;
        double mean2 = sum2 / n;
        // 4 standard errors of each sampled mean (fails by chance with probability 6e-5).
        assertEquals(0, mean, 4 * Math.sqrt((mean2 - mean * mean) / n));
        assertEquals(0.4, mean2, 4 * Math.sqrt((sum4 / n - mean2 * mean2) / n));
    }
}
