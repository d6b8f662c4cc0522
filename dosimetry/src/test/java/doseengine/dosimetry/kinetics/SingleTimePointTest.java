package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

/** Proof bullet 5: both single-time-point methods are exact on a mono-exponential whose T_eff they assume. */
class SingleTimePointTest {
    static final double A0 = 250;

    private static double activity(double teff, double t) {
        return A0 * Math.exp(-Math.log(2) / teff * t);
    }

    @Test
    void hanscheidIsExactWhenTheEffectiveHalfLifeEqualsTheImagingTime() {
        double t = 96;
        double truth = A0 * t / Math.log(2); // A0 / lambda with T_eff = t
        assertEquals(truth, SingleTimePoint.hanscheidMBqH(t, activity(t, t)), 1e-12 * truth);
        // and not exact when T_eff differs: with T_eff = 50 h at 96 h the approximation overestimates
        double off = SingleTimePoint.hanscheidMBqH(t, activity(50, t));
        assertNotEquals(A0 * 50 / Math.log(2), off, 0.01 * off);
    }

    @Test
    void populationHalfLifeIsExactForItsHalfLifeAtAnyTime() {
        for (double teff : new double[] {40, 70, 150}) {
            double truth = A0 * teff / Math.log(2);
            for (double t : new double[] {4, 24, 96, 168}) {
                assertEquals(truth, SingleTimePoint.populationHalfLifeMBqH(t, activity(teff, t), teff), 1e-9 * truth);
            }
        }
    }

    @Test
    void tableLookupIsCaseInsensitiveAndMissingEntriesAreOneLine() {
        EffectiveHalfLives table = EffectiveHalfLives.empty().with("Lu-177", "Kidneys", 55);
        assertEquals(55, table.halfLifeHours("lu-177", "kidneys"));
        BadInputException e = assertThrows(BadInputException.class, () -> table.halfLifeHours("Lu-177", "liver"));
        assertEquals("effective half-life: no entry for structure liver and nuclide Lu-177; give one in the table",
            e.getMessage());
        assertThrows(BadInputException.class, () -> EffectiveHalfLives.empty().halfLifeHours("Lu-177", "kidneys"));
    }
}
