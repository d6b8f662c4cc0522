package doseengine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.EffectiveHalfLives;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.treatment.StructureKinds;
import org.junit.jupiter.api.Test;

/** Which single-time-point method a structure gets, its TIA and uncertainty, on plain numbers. */
class SingleTimePointMethodTest {
    static final PhysicalDecay LU177 = new PhysicalDecay(6.647 * 24);
    static final EffectiveHalfLives TABLE = EffectiveHalfLives.empty()
            .with(new EffectiveHalfLives.Entry("Lu-177", "kidney", 60, 0.25, "log_sigma 0.25", "S", "t.json"))
            .with(new EffectiveHalfLives.Entry("Lu-177", "liver", 100, null, "", "", "t.json"))
            .with(new EffectiveHalfLives.Entry("Lu-177", "tumour", 120, null, "", "", "t.json"));

    static StructureKinetics kinetics(SingleTimePointRule rule) {
        return new StructureKinetics(LU177, ActivityUncertainty.standard(), rule, TABLE, "Lu-177",
                StructureKinds.standard());
    }

    /** A mono-exponential with T_eff equal to the table's: the population TIA is A0 T / ln 2 exactly (1e-12). */
    @Test
    void populationIsExactForTheTablesMonoExponential() {
        double a0 = 80;
        for (double t : new double[] {24, 96, 168}) {
            double a = a0 * Math.exp(-Math.log(2) / 60 * t);
            StructureTia k = kinetics(SingleTimePointRule.POPULATION).integrate("kidney_left", new double[] {t},
                    new double[] {a});
            assertEquals(StructureTia.POPULATION, k.model());
            assertEquals("population", k.tiaMethod());
            assertEquals(a0 * 60 / Math.log(2), k.tiaMBqH(), 1e-12 * k.tiaMBqH());
            assertEquals(60, k.singleTimePointHalfLifeHours());
            // 10 % of the activity and |1 - lambda t| 0.25 in quadrature
            double relT = Math.abs(1 - Math.log(2) / 60 * t) * 0.25;
            assertEquals(Math.hypot(0.10, relT), k.tiaSigmaMBqH() / k.tiaMBqH(), 1e-12);
            assertTrue(k.reason().contains("log_sigma 0.25"), k.reason());
        }
    }

    /** Name before kind (a lesion also as "tumour"); no entry or the rule haenscheid: Hänscheid, activity only. */
    @Test
    void theRuleChoosesPerStructure() {
        double t = 96;
        double a = 50;
        StructureKinetics k = kinetics(SingleTimePointRule.POPULATION);
        StructureTia liver = k.integrate("liver", new double[] {t}, new double[] {a});
        double lambda = Math.log(2) / 100;
        assertEquals(a * Math.exp(lambda * t) / lambda, liver.tiaMBqH(), 1e-12 * liver.tiaMBqH());
        assertEquals(0.10, liver.tiaSigmaMBqH() / liver.tiaMBqH(), 1e-12); // no spread in the table
        assertTrue(liver.reason().contains("no spread"), liver.reason());
        assertEquals(120, k.integrate("tumour_2", new double[] {t}, new double[] {a}).halfLife().halfLifeHours());
        StructureTia spleen = k.integrate("spleen", new double[] {t}, new double[] {a});
        assertEquals(StructureTia.HANSCHEID, spleen.model());
        assertEquals("haenscheid", spleen.tiaMethod());
        assertNull(spleen.halfLife());
        assertEquals(a * 2 * t / Math.log(2), spleen.tiaMBqH(), 1e-12 * spleen.tiaMBqH());
        assertEquals(0.10, spleen.tiaSigmaMBqH() / spleen.tiaMBqH(), 1e-12);
        assertEquals(t, spleen.singleTimePointHalfLifeHours());
        assertEquals(StructureTia.HANSCHEID, k.integrate(StructureTia.REST, new double[] {t}, new double[] {a}).model());
        StructureTia forced = kinetics(SingleTimePointRule.HAENSCHEID).integrate("liver", new double[] {t},
                new double[] {a});
        assertEquals(StructureTia.HANSCHEID, forced.model());
        assertTrue(forced.reason().contains("single_time_point haenscheid"), forced.reason());
        // two time points or more: the fits, whatever the table
        assertEquals("fit", k.integrate("liver", new double[] {24, 96}, new double[] {80, 50}).tiaMethod());
    }
}
