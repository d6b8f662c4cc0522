package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Proof bullet 3: no fitted clearance is slower than physical decay, even when the data suggest it. */
class PhysicalDecayFloorTest {
    static final double[] HOURS = {4, 24, 96, 168};
    static final double LP = PhysicalDecay.LU177.lambdaPerHour();

    /** Activity that decays with a 300 h half-life, slower than 177Lu's 159.5 h: impossible without new uptake. */
    private static double[] slowerThanPhysical() {
        double l = Math.log(2) / 300;
        double[] a = new double[HOURS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 * Math.exp(-l * HOURS[i]);
        }
        return a;
    }

    @Test
    void monoExponentialIsHeldAtPhysicalDecayAndSaysSo() {
        TimeActivityCurve c = TimeActivityCurve.of(HOURS, slowerThanPhysical(), ActivityUncertainty.standard());
        KineticFit f = MonoExponential.fit(c, PhysicalDecay.LU177);
        assertTrue(f.usable());
        assertTrue(f.atPhysicalFloor(), f.note());
        assertEquals(LP, f.parameters()[1], 0.0, "lambda fixed exactly at lambda_phys");
        assertEquals(f.parameters()[0] / LP, f.tiaMBqH(), 1e-9 * f.tiaMBqH());
        // A0 is the least-squares amplitude at lambda_phys: the chi^2 gradient sum (y - A0 e) e / s^2 vanishes.
        double[] y = c.activitiesMBq();
        double[] s = c.sigmasMBq();
        double gradient = 0;
        double scale = 0;
        for (int i = 0; i < HOURS.length; i++) {
            double e = Math.exp(-LP * HOURS[i]);
            gradient += (y[i] - f.parameters()[0] * e) * e / (s[i] * s[i]);
            scale += y[i] * e / (s[i] * s[i]);
        }
        assertEquals(0, gradient / scale, 1e-12);
    }

    @Test
    void biExponentialWashoutIsHeldAtPhysicalDecay() {
        double lu = Math.log(2) / 5;
        double lw = Math.log(2) / 300; // slower than physical
        double[] a = new double[HOURS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 * (Math.exp(-lw * HOURS[i]) - Math.exp(-lu * HOURS[i]));
        }
        KineticFit f = BiExponential.fit(TimeActivityCurve.of(HOURS, a, ActivityUncertainty.standard()),
            PhysicalDecay.LU177);
        assertTrue(f.usable(), f.note());
        assertTrue(f.atPhysicalFloor(), f.note());
        assertEquals(LP, f.parameters()[1], 0.0);
        assertTrue(f.parameters()[2] > LP);
    }

    @Test
    void everyChosenModelClearsAtLeastAsFastAsPhysicalDecay() {
        ModelSelection.Selection s = ModelSelection.select(
            TimeActivityCurve.of(HOURS, slowerThanPhysical(), ActivityUncertainty.standard()), PhysicalDecay.LU177);
        // The mono-exponential at the floor integrates to at most what physical decay alone from the first point's
        // back-extrapolated activity allows; the free 300 h fit would give 100 * 300/ln2 = 43281 MBq h.
        assertTrue(s.chosen().tiaMBqH() < 100 * 300 / Math.log(2) * 0.8, s.reason());
        for (KineticFit f : s.candidates()) {
            if (f.usable() && f.parameters().length > 1) {
                assertTrue(f.parameters()[1] >= LP, f.model() + " clearance " + f.parameters()[1]);
            }
        }
    }

    @Test
    void aFastClearanceIsNotTouched() {
        double l = Math.log(2) / 40;
        double[] a = new double[HOURS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 * Math.exp(-l * HOURS[i]);
        }
        KineticFit f = MonoExponential.fit(TimeActivityCurve.of(HOURS, a, ActivityUncertainty.standard()),
            PhysicalDecay.LU177);
        assertFalse(f.atPhysicalFloor());
        assertEquals(l, f.parameters()[1], 1e-6 * l);
        assertEquals(100 / l, f.tiaMBqH(), 1e-6 * 100 / l);
    }
}
