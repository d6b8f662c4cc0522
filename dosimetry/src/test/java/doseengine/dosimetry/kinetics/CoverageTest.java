package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proof bullet 2: for a fixed true bi-exponential curve at 4, 24, 96, 168 h, {@value #REPLICAS} replicas with
 * independent Gaussian noise of standard deviation 5 % of the true activity at each point, analysed with
 * {@code ActivityUncertainty.relative(0.05)} (the stated model; it takes 5 % of the measured activity, as a user's
 * would). The fraction of replicas whose |TIA - truth| <= reported sigma should be 68.27 %.
 *
 * <p>Tolerance: the binomial standard error at p = 0.6827 and n = 2000 is sqrt(p(1-p)/n) = 1.04 %; we accept
 * +-4 standard errors (+-4.2 %) so that an honest uncertainty fails with probability below 1e-4 per curve. The
 * delta method and the model choice are approximate, so a real miscalibration larger than that fails the test.
 * Fixed seeds: the run is reproducible.
 */
class CoverageTest {
    static final int REPLICAS = 2000;
    static final double NOISE = 0.05;
    static final double[] HOURS = {4, 24, 96, 168};

    @ParameterizedTest(name = "{0}")
    @CsvSource({"kidney, 300, 4.0, 60, 11", "tumour, 150, 10.0, 110, 12", "liver, 900, 2.0, 70, 13",
        "kidney fast uptake, 300, 1.0, 50, 14"})
    void reportedSigmaCoversTheTruthAtItsNominalRate(String name, double a0, double uptakeHalfTime,
                                                     double washoutHalfLife, long seed) {
        double lu = Math.log(2) / uptakeHalfTime;
        double lw = Math.log(2) / washoutHalfLife;
        double truth = a0 * (1 / lw - 1 / lu);
        double[] exact = new double[HOURS.length];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = a0 * (Math.exp(-lw * HOURS[i]) - Math.exp(-lu * HOURS[i]));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        ActivityUncertainty stated = ActivityUncertainty.relative(NOISE);
        int covered = 0;
        int bi = 0;
        int trapezoid = 0;
        double sumRelSigma = 0;
        double sumErr = 0;
        for (int r = 0; r < REPLICAS; r++) {
            double[] a = new double[exact.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.max(0, exact[i] * (1 + NOISE * gaussian(rng)));
            }
            ModelSelection.Selection s = ModelSelection.select(TimeActivityCurve.of(HOURS, a, stated),
                PhysicalDecay.LU177);
            KineticFit f = s.chosen();
            if (Math.abs(f.tiaMBqH() - truth) <= f.tiaSigmaMBqH()) {
                covered++;
            }
            bi += f.model().equals(BiExponential.NAME) ? 1 : 0;
            trapezoid += f.model().equals(TrapezoidWithTail.NAME) ? 1 : 0;
            sumRelSigma += f.tiaSigmaMBqH() / truth;
            sumErr += (f.tiaMBqH() - truth) / truth;
        }
        double coverage = (double) covered / REPLICAS;
        double se = Math.sqrt(0.6827 * (1 - 0.6827) / REPLICAS);
        System.out.printf("%s: coverage %.4f (band +-%.4f); bi chosen %d, trapezoid %d of %d; mean rel sigma %.4f,"
            + " mean rel error %+.4f%n", name, coverage, 4 * se, bi, trapezoid, REPLICAS, sumRelSigma / REPLICAS,
            sumErr / REPLICAS);
        assertEquals(0.6827, coverage, 4 * se, name + " coverage");
    }

    /** A standard normal deviate (Box-Muller). */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
