package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sphere model's interpolation between the engine's sphere S values. */
class SphereSValuesTest {
    @Test
    void gridPointsAreReturnedExactly() {
        SphereSValues s = new SphereSValues("Lu-177", new double[] {1, 10, 100, 1000}, new double[] {0.02, 0.0022, 2.3e-4,
                2.4e-5}, new double[4]);
        assertEquals(0.0022, s.sAt(10), 1e-15);
        assertEquals(2.4e-5, s.sAt(1000), 1e-18);
    }

    @Test
    void aPowerLawAbsorbedEnergyIsInterpolatedExactly() {
        // S m = a m^0.02 is a straight line in log-log, which a natural spline through its points reproduces.
        double[] m = {0.1, 1, 10, 100, 1000};
        double[] s = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            s[i] = 0.023 * Math.pow(m[i], 0.02) / m[i];
        }
        SphereSValues t = new SphereSValues("Lu-177", m, s, new double[m.length]);
        assertEquals(0.023 * Math.pow(37.0, 0.02) / 37.0, t.sAt(37.0), 1e-12 * t.sAt(37.0));
    }

    @Test
    void massesOutsideTheGridHaveNoValue() {
        SphereSValues s = new SphereSValues("Lu-177", new double[] {1, 10, 100}, new double[] {0.02, 0.0022, 2.3e-4},
                new double[3]);
        assertFalse(s.covers(0.5));
        assertFalse(s.covers(101));
        assertThrows(IllegalArgumentException.class, () -> s.sAt(101));
    }
}
