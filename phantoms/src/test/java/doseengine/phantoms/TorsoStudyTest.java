package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TorsoStudyTest {
    /** 177Lu, ICRP Publication 107: 6.647 d. */
    static final double LU177_HALF_LIFE_H = 6.647 * 24;
    static TorsoStudy study;

    @BeforeAll
    static void render() {
        study = TorsoStudy.create(8, LU177_HALF_LIFE_H);
    }

    @Test
    void everyStructureHasKineticsWithClearanceNoSlowerThanDecayAndAmplitudesAddUpToTheInjection() {
        assertEquals(study.torso().structures().size(), study.kinetics().size());
        double sum = 0;
        for (TorsoStudy.Kinetics k : study.kinetics()) {
            assertTrue(k.washoutRatePerH() >= Math.log(2) / LU177_HALF_LIFE_H, k.structure());
            assertTrue(k.uptakeRatePerH() > k.washoutRatePerH(), k.structure());
            assertTrue(k.a0MBq() > 0, k.structure());
            sum += k.a0MBq();
        }
        assertEquals(TorsoStudy.ADMINISTERED_MBQ, sum, 1e-9 * sum);
        // Kidneys wash out faster than the tumours, the body fastest: the kinetics the study is meant to tell apart.
        assertTrue(study.kinetics("body").washoutHalfLifeH() < study.kinetics("kidney_left_cortex").washoutHalfLifeH());
        assertTrue(study.kinetics("kidney_left_cortex").washoutHalfLifeH() < study.kinetics("tumour_1").washoutHalfLifeH());
    }

    @Test
    void theSumOfTheCurvesStaysBelowPhysicalDecayOfTheInjection() {
        for (double h : new double[] {0.1, 1, 4, 24, 96, 168, 500}) {
            double sum = 0;
            for (TorsoStudy.Kinetics k : study.kinetics()) {
                sum += k.activityMBq(h);
            }
            double decayed = TorsoStudy.ADMINISTERED_MBQ * Math.exp(-Math.log(2) / LU177_HALF_LIFE_H * h);
            assertTrue(sum < decayed, h + " h: " + sum + " MBq against " + decayed);
        }
    }

    @Test
    void eachStructureSumsToItsCurveAtEveryTimePointAndNothingLiesOutsideTheLabels() {
        for (double h : TorsoStudy.TIME_POINTS_H) {
            FloatVolume a = study.activityMBq(h);
            double[] perLabel = perLabel(a);
            assertEquals(0, perLabel[0], 0, "outside every label");
            for (TorsoStudy.Kinetics k : study.kinetics()) {
                assertEquals(k.activityMBq(h), perLabel[k.label()], 1e-4 * k.activityMBq(h), k.structure() + " " + h);
            }
        }
    }

    @Test
    void theTiaMapSumsToTheAnalyticIntegralAndIsTheTorsoMapTimesOneFactor() {
        FloatVolume tia = study.tiaMBqH();
        double[] perLabel = perLabel(tia);
        for (TorsoStudy.Kinetics k : study.kinetics()) {
            double analytic = k.a0MBq() * (1 / k.washoutRatePerH() - 1 / k.uptakeRatePerH());
            assertEquals(analytic, k.tiaMBqH(), 1e-12 * analytic);
            assertEquals(analytic, perLabel[k.label()], 1e-4 * analytic, k.structure());
            // Trapezoids on a fine grid out to 40 washout half-lives agree with the closed form.
            double dt = 0.01, sum = 0;
            for (double t = 0; t < 40 * k.washoutHalfLifeH(); t += dt) {
                sum += 0.5 * dt * (k.activityMBq(t) + k.activityMBq(t + dt));
            }
            assertEquals(analytic, sum, 1e-4 * analytic, k.structure());
        }
        float[] t = tia.data();
        float[] torso = study.torso().activityMBq().data();
        short[] lab = study.torso().labels().volume().data();
        for (int v = 0; v < t.length; v++) {
            if (lab[v] > 0) {
                assertEquals(study.tiaHoursPerTorsoMBq() * torso[v], t[v], 1e-5 * (t[v] + 1e-6));
            }
        }
    }

    @Test
    void badVoxelSizeAndClearanceSlowerThanDecayAreRefused() {
        assertThrows(BadInputException.class, () -> TorsoStudy.create(0, LU177_HALF_LIFE_H));
        assertThrows(BadInputException.class, () -> TorsoStudy.create(Double.NaN, LU177_HALF_LIFE_H));
        // A nuclide of 64 h half-life (90Y) decays faster than the tumours' 100-120 h washout.
        BadInputException e = assertThrows(BadInputException.class, () -> TorsoStudy.create(8, 64.1));
        assertTrue(e.getMessage().contains("longer than the physical half-life"), e.getMessage());
    }

    private static double[] perLabel(FloatVolume v) {
        double[] sum = new double[Short.MAX_VALUE + 1];
        short[] lab = study.torso().labels().volume().data();
        float[] d = v.data();
        for (int i = 0; i < d.length; i++) {
            sum[lab[i]] += d[i];
        }
        return sum;
    }
}
