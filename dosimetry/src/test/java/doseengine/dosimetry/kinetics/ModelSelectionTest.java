package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each branch of the stated selection rule, on curves where the right answer is known. */
class ModelSelectionTest {
    static final PhysicalDecay LU = PhysicalDecay.LU177;

    private static double[] bi(double[] t, double a0, double uptakeHalfTime, double washoutHalfLife) {
        double lu = Math.log(2) / uptakeHalfTime;
        double lw = Math.log(2) / washoutHalfLife;
        double[] a = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = a0 * (Math.exp(-lw * t[i]) - Math.exp(-lu * t[i]));
        }
        return a;
    }

    @Test
    void fivePointsAreRankedByAicc() {
        double[] t = {1, 4, 24, 96, 168};
        ModelSelection.Selection s = ModelSelection.select(
            TimeActivityCurve.of(t, bi(t, 150, 10, 110), ActivityUncertainty.standard()), LU);
        assertEquals(BiExponential.NAME, s.chosen().model(), s.reason());
        assertTrue(s.reason().startsWith("smallest AICc"), s.reason());
        assertTrue(s.candidates().get(1).aicc() < s.candidates().get(0).aicc());
        // AICc = chi^2 + 2k + 2k(k+1)/(n-k-1): the noiseless bi-exponential has chi^2 ~ 0, k = 3, n = 5: 6 + 24 = 30.
        assertEquals(30, s.candidates().get(1).aicc(), 1e-6);
    }

    @Test
    void fivePointsOfAMonoExponentialKeepTheSimplerModel() {
        double[] t = {1, 4, 24, 96, 168};
        double[] a = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = 100 * Math.exp(-Math.log(2) / 60 * t[i]);
        }
        ModelSelection.Selection s = ModelSelection.select(TimeActivityCurve.of(t, a, ActivityUncertainty.standard()), LU);
        assertEquals(MonoExponential.NAME, s.chosen().model(), s.reason());
        assertEquals(100 * 60 / Math.log(2), s.chosen().tiaMBqH(), 1e-6 * s.chosen().tiaMBqH());
    }

    @Test
    void threePointsTakeTheMonoExponentialUnlessTheDataRejectIt() {
        double[] t = {24, 96, 168};
        // Washout only from 24 h on: the mono-exponential fits, and the bi-exponential (0 dof) is not preferred.
        ModelSelection.Selection mono = ModelSelection.select(
            TimeActivityCurve.of(t, bi(t, 300, 1, 50), ActivityUncertainty.standard()), LU);
        assertEquals(MonoExponential.NAME, mono.chosen().model(), mono.reason());
        // A clear uptake between 4 and 24 h: the mono-exponential is rejected by its chi-square test.
        double[] early = {4, 24, 96};
        ModelSelection.Selection up = ModelSelection.select(
            TimeActivityCurve.of(early, bi(early, 150, 10, 110), ActivityUncertainty.standard()), LU);
        assertEquals(BiExponential.NAME, up.chosen().model(), up.reason());
        assertTrue(up.reason().contains("rejected"), up.reason());
        assertTrue(Double.isNaN(up.chosen().aicc()), "0 dof: no AICc");
        assertTrue(up.chosen().tiaSigmaMBqH() > 0, "0 dof still has a covariance from the stated uncertainties");
    }

    @Test
    void whenNoFitIsUsableTheTrapezoidIsTheFallback() {
        // Up, down, up: neither model represents it; the reason names both fits' problems or the rejection.
        double[] t = {4, 24, 96, 168};
        double[] a = {10, 100, 5, 60};
        ModelSelection.Selection s = ModelSelection.select(TimeActivityCurve.of(t, a, ActivityUncertainty.standard()), LU);
        assertEquals(TrapezoidWithTail.NAME, s.chosen().model(), s.reason());
        assertFalse(s.reason().isEmpty());
        assertEquals(3, s.candidates().size());
    }

    @Test
    void aTwoPhaseWashoutHasNoUptakeForTheBiExponential() {
        // A(t) = 100 exp(-t ln2/5) + 50 exp(-t ln2/80): two decaying phases, a positive fast term where the
        // uptake-washout model needs a negative one; the bi-exponential cannot represent it and is not usable, the
        // mono-exponential misses the fast phase (chi^2 test rejects it): the trapezoid.
        double[] t = {4, 24, 96, 168};
        double[] a = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            a[i] = 100 * Math.exp(-t[i] * Math.log(2) / 5) + 50 * Math.exp(-t[i] * Math.log(2) / 80);
        }
        TimeActivityCurve c = TimeActivityCurve.of(t, a, ActivityUncertainty.standard());
        assertFalse(BiExponential.fit(c, LU).usable());
        ModelSelection.Selection s = ModelSelection.select(c, LU);
        assertEquals(TrapezoidWithTail.NAME, s.chosen().model(), s.reason());
        assertTrue(s.reason().contains("rejected"), s.reason());
    }
}
