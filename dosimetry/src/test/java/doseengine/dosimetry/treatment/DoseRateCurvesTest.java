package doseengine.dosimetry.treatment;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.BiExponential;
import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.MonoExponential;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.TimeActivityCurve;
import doseengine.dosimetry.kinetics.TrapezoidWithTail;
import doseengine.dosimetry.radiobiology.Bed;
import doseengine.dosimetry.radiobiology.DoseRate;
import doseengine.dosimetry.radiobiology.DoseRateCurve;
import doseengine.dosimetry.radiobiology.PiecewiseDoseRate;
import doseengine.dosimetry.radiobiology.TissueParameters;
import doseengine.geometry.BadInputException;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class DoseRateCurvesTest {
    private static final TissueParameters KIDNEY = new TissueParameters(2.6, 2.8);
    private static final PhysicalDecay LU = PhysicalDecay.LU177;
    private static final double[] CLINICAL_HOURS = {4, 24, 96, 168};

    private static TimeActivityCurve sampled(double[] hours, java.util.function.DoubleUnaryOperator a) {
        double[] y = new double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            y[i] = a.applyAsDouble(hours[i]);
        }
        return TimeActivityCurve.of(hours, y, ActivityUncertainty.standard());
    }

    @Test
    void biExponentialFitIntegratesToTheDoseAndHasUptakeWashoutsBed() {
        double lw = Math.log(2) / 60;
        double lu = 0.3;
        TimeActivityCurve curve = sampled(CLINICAL_HOURS, t -> 100 * (Math.exp(-lw * t) - Math.exp(-lu * t)));
        KineticFit fit = BiExponential.fit(curve, LU);
        assertTrue(fit.usable(), fit.note());
        DoseRate rate = DoseRateCurves.fromFit(fit, 12);
        DoseRateCurve exp = assertInstanceOf(DoseRateCurve.class, rate);
        // The integral of R over [0, 3000 h] by Gauss-Legendre, independent of doseGy()'s sum c_i / lambda_i.
        double integral = new GaussIntegratorFactory().legendre(200, 0, 3000).integrate(exp::rateAt);
        assertEquals(12, integral, 1e-6 * 12);
        assertEquals(12, rate.doseGy(), 1e-12 * 12);
        double expected = Bed.of(DoseRateCurve.uptakeWashout(12, fit.parameters()[2], fit.parameters()[1]), KIDNEY);
        assertEquals(expected, Bed.of(rate, KIDNEY), 1e-12 * expected);
        // Noiseless points: the fit recovers the true rates, so the BED is that of the true curve.
        double truth = Bed.of(DoseRateCurve.uptakeWashout(12, lu, lw), KIDNEY);
        assertEquals(truth, Bed.of(rate, KIDNEY), 1e-6 * truth);
    }

    @Test
    void monoExponentialFitIsInstantUptakeAtTheFittedRate() {
        double lambda = Math.log(2) / 40;
        KineticFit fit = MonoExponential.fit(sampled(CLINICAL_HOURS, t -> 50 * Math.exp(-lambda * t)), LU);
        DoseRate rate = DoseRateCurves.fromFit(fit, 5);
        double expected = Bed.of(DoseRateCurve.monoExponential(5, lambda), KIDNEY);
        assertEquals(expected, Bed.of(rate, KIDNEY), 1e-8 * expected);
    }

    /**
     * A mono-exponential (T_eff 20 h) sampled every 0.02 h from 0.02 h to 400 h, joined linearly from 0 at
     * injection, with a physical-decay tail (its activity there is e^-20 of the start: no weight). The trapezoid's
     * BED differs from the exponential's only by the ramp over the first 0.02 h and the trapezoid rule's curvature
     * error (relative to D about h^2 lambda^2 / 12 = 2e-8); the ramp delays a fraction lambda h / 2 = 3.5e-4 of
     * the dose by about 0.01 h, which changes G by far less. Observed -4.4e-6 relative; tolerance 2e-5.
     */
    @Test
    void finelySampledMonoExponentialAsATrapezoidHasTheMonoExponentialsBed() {
        double lambda = Math.log(2) / 20;
        int n = 20000;
        double[] hours = new double[n];
        for (int i = 0; i < n; i++) {
            hours[i] = 0.02 * (i + 1);
        }
        TimeActivityCurve curve = sampled(hours, t -> 80 * Math.exp(-lambda * t));
        PiecewiseDoseRate rate = DoseRateCurves.fromTrapezoid(curve, LU, 10);
        assertEquals(10, rate.doseGy(), 1e-12 * 10);
        double expected = Bed.of(DoseRateCurve.monoExponential(10, lambda), KIDNEY);
        double bed = Bed.of(rate, KIDNEY);
        assertEquals(expected, bed, 2e-5 * expected);
        // The effect is not trivially small: BED exceeds the dose by (BED - D) / D of several per cent.
        assertTrue((bed - 10) / 10 > 0.05);
    }

    @Test
    void trapezoidCurveHasTheTrapezoidsTia() {
        TimeActivityCurve curve = sampled(CLINICAL_HOURS, t -> 100 * (Math.exp(-0.01 * t) - Math.exp(-0.3 * t)));
        KineticFit trapezoid = TrapezoidWithTail.integrate(curve, LU);
        PiecewiseDoseRate activity = new PiecewiseDoseRate(curve.hours(), curve.activitiesMBq(), LU.lambdaPerHour());
        assertEquals(trapezoid.tiaMBqH(), activity.doseGy(), 1e-12 * trapezoid.tiaMBqH());
        DoseRate rate = DoseRateCurves.fromFit(trapezoid, curve, LU, 7);
        assertEquals(7, rate.doseGy(), 1e-12 * 7);
    }

    /** One point at t = 0 is pure tail: an instant uptake, whose G is D^2 lambda / (lambda + mu) exactly. */
    @Test
    void pureTailIsTheMonoExponentialClosedForm() {
        double lambda = 0.05;
        PiecewiseDoseRate tail = new PiecewiseDoseRate(new double[] {0}, new double[] {3 * lambda}, lambda);
        double mu = KIDNEY.repairRatePerHour();
        assertEquals(3, tail.doseGy(), 1e-12);
        assertEquals(9 * lambda / (lambda + mu), tail.leaCatchesideGy2(mu), 1e-12);
    }

    /**
     * A coarse 4-point curve against a brute-force solution of y' = R - mu y, G = 2 int R y dt, by RK4 with a step
     * of 0.005 h to 700 h (the tail at 0.05 per hour has e^-26.6 of its weight left there).
     */
    @Test
    void coarseCurveAgreesWithABruteForceIntegral() {
        double[] hours = {4, 24, 96, 168};
        double[] rates = {0.2, 0.35, 0.1, 0.04};
        double lambda = 0.05;
        PiecewiseDoseRate rate = new PiecewiseDoseRate(hours, rates, lambda);
        double mu = KIDNEY.repairRatePerHour();
        java.util.function.DoubleUnaryOperator r = t -> {
            if (t >= hours[3]) {
                return rates[3] * Math.exp(-lambda * (t - hours[3]));
            }
            double t0 = 0;
            double r0 = 0;
            for (int i = 0; i < hours.length; i++) {
                if (t <= hours[i]) {
                    return r0 + (rates[i] - r0) * (t - t0) / (hours[i] - t0);
                }
                t0 = hours[i];
                r0 = rates[i];
            }
            throw new AssertionError();
        };
        double h = 0.005;
        double y = 0;
        double g = 0;
        for (double t = 0; t < 700 - h / 2; t += h) {
            // State (y, g) with y' = R - mu y and g' = 2 R y, classical Runge-Kutta.
            double r1 = r.applyAsDouble(t);
            double r2 = r.applyAsDouble(t + h / 2);
            double r3 = r.applyAsDouble(t + h);
            double ky1 = r1 - mu * y;
            double kg1 = 2 * r1 * y;
            double y2 = y + h / 2 * ky1;
            double ky2 = r2 - mu * y2;
            double kg2 = 2 * r2 * y2;
            double y3 = y + h / 2 * ky2;
            double ky3 = r2 - mu * y3;
            double kg3 = 2 * r2 * y3;
            double y4 = y + h * ky3;
            double ky4 = r3 - mu * y4;
            double kg4 = 2 * r3 * y4;
            y += h / 6 * (ky1 + 2 * ky2 + 2 * ky3 + ky4);
            g += h / 6 * (kg1 + 2 * kg2 + 2 * kg3 + kg4);
        }
        double exact = rate.leaCatchesideGy2(mu);
        assertEquals(g, exact, 1e-7 * exact);
    }

    @Test
    void singleTimePointIsMonoExponentialAtTheEffectiveHalfLife() {
        DoseRateCurve curve = DoseRateCurves.singleTimePoint(4, 96);
        assertArrayEquals(new double[] {Math.log(2) / 96}, curve.ratesPerHour(), 1e-15);
        assertEquals(4, curve.doseGy(), 1e-12);
    }

    @Test
    void refusesWhatItCannotBuild() {
        TimeActivityCurve curve = sampled(CLINICAL_HOURS, t -> 100 * Math.exp(-0.01 * t));
        KineticFit trapezoid = TrapezoidWithTail.integrate(curve, LU);
        BadInputException noPoints = assertThrows(BadInputException.class, () -> DoseRateCurves.fromFit(trapezoid, 5));
        assertTrue(noPoints.getMessage().contains("time points"));
        KineticFit tooFew = BiExponential.fit(sampled(new double[] {4, 24}, t -> 10.0), LU);
        assertThrows(BadInputException.class, () -> DoseRateCurves.fromFit(tooFew, 5));
        KineticFit mono = MonoExponential.fit(curve, LU);
        assertThrows(BadInputException.class, () -> DoseRateCurves.fromFit(mono, 0));
    }
}
