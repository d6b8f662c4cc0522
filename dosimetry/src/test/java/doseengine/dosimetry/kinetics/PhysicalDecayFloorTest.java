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

    /**
     * At the floor the TIA's sigma keeps lambda's uncertainty: the delta method with the 2x2 covariance
     * {@code (J^T W J)^-1} at (A0, lambda_phys), computed here by hand, not A0's alone ({@code sigma_A0 / lambda}).
     */
    @Test
    void monoExponentialAtTheFloorKeepsTheClearanceUncertainty() {
        TimeActivityCurve c = TimeActivityCurve.of(HOURS, slowerThanPhysical(), ActivityUncertainty.standard());
        KineticFit f = MonoExponential.fit(c, PhysicalDecay.LU177);
        double a0 = f.parameters()[0];
        double[] s = c.sigmasMBq();
        double iaa = 0;
        double ial = 0;
        double ill = 0;
        for (int i = 0; i < HOURS.length; i++) {
            double e = Math.exp(-LP * HOURS[i]);
            double ga = e / s[i];
            double gl = -a0 * HOURS[i] * e / s[i];
            iaa += ga * ga;
            ial += ga * gl;
            ill += gl * gl;
        }
        double det = iaa * ill - ial * ial;
        double caa = ill / det;
        double cal = -ial / det;
        double cll = iaa / det;
        double g0 = 1 / LP;
        double g1 = -a0 / (LP * LP);
        double expected = Math.sqrt(g0 * g0 * caa + 2 * g0 * g1 * cal + g1 * g1 * cll);
        assertEquals(expected, f.tiaSigmaMBqH(), 1e-9 * expected);
        assertTrue(f.tiaSigmaMBqH() > Math.sqrt(1 / iaa) / LP * 1.5, "wider than A0's alone");
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
        // the washout's own uncertainty is kept: wider than the 10 % of one point
        assertTrue(f.tiaSigmaMBqH() > 0.1 * f.tiaMBqH(), f.tiaSigmaMBqH() + " of " + f.tiaMBqH());
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
