package doseengine.kernels.photon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.PhysicalConstants;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComptonSamplerTest {
    private static final int SAMPLES = 400_000;

    /** An S(x)/Z table of one material: 1 everywhere (no binding), 400 nodes from x = 1e-3. */
    private static ComptonSampler unboundTable() {
        float[] s = new float[400];
        Arrays.fill(s, 1f);
        return new ComptonSampler(1, 400, (float) Math.log(1e-3), 32f, s);
    }

    @Test
    void referenceIntegratorReproducesTheKleinNishinaTotalCrossSection() {
        for (double e : new double[] {0.03, 0.1, 0.3}) {
            double k = e / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
            double closedForm = KleinNishina.totalOverPiRe2(k);
            assertEquals(closedForm, KleinNishina.integrate(k, c -> 1), 1e-10 * closedForm, "E = " + e);
        }
        // Thomson limit: sigma -> 8/3 pi r_e^2 as k -> 0.
        assertEquals(8.0 / 3, KleinNishina.integrate(1e-6, c -> 1), 1e-5);
    }

    /**
     * Free-electron sampling against the analytic Klein-Nishina moments (KleinNishina) at 30, 100 and 300 keV.
     * Tolerance: 4 standard errors of the sampled mean (sample standard deviation / sqrt(N), N = 400000), so
     * a correct sampler fails with probability 6e-5 per comparison; the float arithmetic of the sampler biases
     * these means by less than 1e-6, far below one standard error (about 1e-3 for cos, 2e-4 for the transfer).
     */
    @Test
    void freeElectronSamplingMatchesKleinNishinaMoments() {
        ComptonSampler sampler = unboundTable();
        PhotonScatter out = new PhotonScatter();
        SplittableUniformSource rng = new SplittableUniformSource(20240531L);
        for (double e : new double[] {0.03, 0.1, 0.3}) {
            double k = e / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
            double sumCos = 0;
            double sumCos2 = 0;
            double sumT = 0;
            double sumT2 = 0;
            for (int i = 0; i < SAMPLES; i++) {
                sampler.sampleFreeElectron((float) e, rng, out);
                assertTrue(out.cosTheta >= -1f && out.cosTheta <= 1f);
                assertEquals(e, out.photonEnergy + out.electronEnergy, 1e-6 * e);
                double t = out.electronEnergy / e;
                sumCos += out.cosTheta;
                sumCos2 += out.cosTheta * out.cosTheta;
                sumT += t;
                sumT2 += t * t;
            }
            double meanCos = sumCos / SAMPLES;
            double seCos = Math.sqrt((sumCos2 / SAMPLES - meanCos * meanCos) / SAMPLES);
            double meanT = sumT / SAMPLES;
            double seT = Math.sqrt((sumT2 / SAMPLES - meanT * meanT) / SAMPLES);
            assertEquals(KleinNishina.meanCos(k), meanCos, 4 * seCos, "mean cos at " + e + " MeV");
            assertEquals(KleinNishina.meanEnergyTransferFraction(k), meanT, 4 * seT, "mean T/E at " + e + " MeV");
        }
    }

    /**
     * The scattered photon's energy follows Compton's formula E' = E / (1 + k (1 - cos theta)) for every event
     * (float rounding: 1e-5 relative).
     */
    @Test
    void kinematicsFollowComptonsFormula() {
        ComptonSampler sampler = unboundTable();
        PhotonScatter out = new PhotonScatter();
        SplittableUniformSource rng = new SplittableUniformSource(3);
        for (float e : new float[] {0.001f, 0.03f, 1f, 3f}) {
            double k = e / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
            for (int i = 0; i < 10_000; i++) {
                sampler.sample(0, e, rng, out);
                double expected = e / (1 + k * (1 - out.cosTheta));
                assertEquals(expected, out.photonEnergy, 1e-5 * e, "E = " + e + " cos " + out.cosTheta);
            }
        }
    }

    /** With S(x)/Z = 1 the bound sampler must be the free one, draw for draw (S consumes no random numbers). */
    @Test
    void unitScatteringFunctionGivesFreeElectronSampling() {
        ComptonSampler sampler = unboundTable();
        PhotonScatter free = new PhotonScatter();
        PhotonScatter bound = new PhotonScatter();
        SplittableUniformSource a = new SplittableUniformSource(11);
        SplittableUniformSource b = new SplittableUniformSource(11);
        for (int i = 0; i < 10_000; i++) {
            sampler.sampleFreeElectron(0.05f, a, free);
            sampler.sample(0, 0.05f, b, bound);
            assertEquals(free.cosTheta, bound.cosTheta, 0f);
            assertEquals(free.photonEnergy, bound.photonEnergy, 0f);
        }
    }

    /** Table lookup: linear in ln x between nodes, S ~ x^2 below the first node, the last value above. */
    @Test
    void scatteringFunctionLookup() {
        int n = 5;
        float lnXMin = (float) Math.log(0.01);
        float[] s = {0.1f, 0.3f, 0.6f, 0.9f, 1f};
        ComptonSampler sampler = new ComptonSampler(1, n, lnXMin, 1f, s);
        assertEquals(0.3f, sampler.scatteringFunction(0, (float) (0.01 * Math.E)), 1e-6f);
        assertEquals(0.45f, sampler.scatteringFunction(0, (float) (0.01 * Math.exp(1.5))), 1e-6f);
        assertEquals(0.1f * 0.25f, sampler.scatteringFunction(0, 0.005f), 1e-7f);
        assertEquals(0f, sampler.scatteringFunction(0, 0f), 0f);
        assertEquals(1f, sampler.scatteringFunction(0, 1e6f), 0f);
    }
}
