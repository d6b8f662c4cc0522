package doseengine.validation.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.decay.RadiationType;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.DpkReferenceSet;
import doseengine.validation.reference.ScaledDosePointKernel;
import doseengine.validation.reference.WaterCsdaRange;
import doseengine.validation.run.EmissionSource;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class X90EstimatorTest {
    private static final EnumSet<RadiationType> ELECTRONS =
            EnumSet.of(RadiationType.BETA, RadiationType.IC, RadiationType.AUGER);

    @Test
    void monoenergeticEstimateIsTheUniversalShapesX90TimesR0() {
        // One energy: the superposition reduces to the shape's own X90 (normalised to 1) times the engine's r0.
        ScaledDosePointKernel shape = DosePointKernelReference.standard().find(DpkReferenceSet.ETRAN, 0.5).orElseThrow();
        double total = shape.integral();
        double lo = 0;
        double hi = 1.2;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (shape.cumulative(mid) / total >= 0.9) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        for (double e : new double[] {0.01, 0.1, 1.0}) {
            double expected = hi * WaterCsdaRange.engineCm(e) * 10;
            assertEquals(expected, X90Estimator.estimateMm(new EmissionSource.MonoenergeticElectron(e)),
                    1e-6 * expected, "at " + e + " MeV");
        }
    }

    @Test
    void betaEmittersLieBetweenTheRangesOfTheirMeanAndMaximumEnergies() {
        // A spectrum's X90 must exceed the X90 of an electron at the mean energy (0.78 r0(E_mean)) - the energy is
        // weighted towards the fast betas - and stay below the CSDA range of the endpoint. Order: Y-90 > I-131 > Lu-177.
        double[][] meanMax = {{0.1333, 0.4978}, {0.9329, 2.2801}, {0.1819, 0.8069}};
        String[] names = {"Lu-177", "Y-90", "I-131"};
        double[] x90 = new double[3];
        for (int i = 0; i < 3; i++) {
            x90[i] = X90Estimator.estimateMm(new EmissionSource.NuclideEmissions(NuclideCatalog.get(names[i]),
                    ELECTRONS));
            double low = 0.78 * WaterCsdaRange.engineCm(meanMax[i][0]) * 10;
            double high = WaterCsdaRange.engineCm(meanMax[i][1]) * 10;
            assertTrue(x90[i] > low && x90[i] < high, names[i] + ": " + x90[i] + " mm not in (" + low + ", " + high + ")");
        }
        assertTrue(x90[1] > x90[2] && x90[2] > x90[0]);
    }

    @Test
    void photonsWidenTheEstimate() {
        double electrons = X90Estimator.estimateMm(new EmissionSource.NuclideEmissions(NuclideCatalog.get("I-131"),
                ELECTRONS));
        double all = X90Estimator.estimateMm(EmissionSource.NuclideEmissions.all(NuclideCatalog.get("I-131")));
        // I-131 emits twice as much energy as photons (0.38 MeV) as electrons (0.19 MeV): 90 % of the energy is
        // reached only where the 364 keV photons (mean free path about 9 cm in water) have interacted.
        assertTrue(all > 50 * electrons, electrons + " vs " + all);
    }
}
