package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Proof bullet 6: every refused input is one line naming the field; fits refuse what they cannot represent. */
class BadInputTest {
    private static void refused(String message, Executable e) {
        BadInputException x = assertThrows(BadInputException.class, e);
        assertEquals(message, x.getMessage());
        assertFalse(x.getMessage().contains("\n"));
    }

    private static TimeActivityCurve curve(TimePoint... p) {
        return TimeActivityCurve.of(List.of(p), ActivityUncertainty.standard());
    }

    @Test
    void curveChecksOneLineEach() {
        refused("time_points: a time-activity curve needs at least 1 point, got 0",
            () -> TimeActivityCurve.of(List.of(), ActivityUncertainty.standard()));
        refused("hours: a time point must be finite and > 0 h after injection, got 0.0",
            () -> curve(TimePoint.of(0, 1)));
        refused("hours: a time point must be finite and > 0 h after injection, got -4.0",
            () -> curve(TimePoint.of(24, 1), TimePoint.of(-4, 1)));
        refused("hours: a time point must be finite and > 0 h after injection, got NaN",
            () -> curve(TimePoint.of(Double.NaN, 1)));
        refused("hours: two time points at the same time 24.0 h",
            () -> curve(TimePoint.of(24, 1), TimePoint.of(4, 2), TimePoint.of(24, 3)));
        refused("activity at 4.0 h must be finite and >= 0 MBq, got -1.0", () -> curve(TimePoint.of(4, -1)));
        refused("activity at 4.0 h must be finite and >= 0 MBq, got Infinity",
            () -> curve(TimePoint.of(4, Double.POSITIVE_INFINITY)));
        refused("sigma at 4.0 h must be finite and >= 0 MBq, got -0.5", () -> curve(new TimePoint(4, 1, -0.5)));
        refused("time_points: 2 times but 1 activities",
            () -> TimeActivityCurve.of(new double[] {1, 2}, new double[] {1}, ActivityUncertainty.standard()));
    }

    @Test
    void modelAndMethodChecks() {
        refused("physical half-life must be finite and > 0 h, got 0.0", () -> new PhysicalDecay(0));
        refused("relative activity uncertainty must be finite and > 0, got -0.1", () -> ActivityUncertainty.relative(-0.1));
        refused("effective half-life must be finite and > 0 h, got 0.0",
            () -> SingleTimePoint.populationHalfLifeMBqH(96, 10, 0));
        refused("hours: a time point must be finite and > 0 h after injection, got -1.0",
            () -> SingleTimePoint.hanscheidMBqH(-1, 10));
        refused("activity at 96.0 h must be finite and >= 0 MBq, got NaN",
            () -> SingleTimePoint.hanscheidMBqH(96, Double.NaN));
        refused("effective half-life of kidneys (Lu-177) must be finite and > 0 h, got -3.0",
            () -> EffectiveHalfLives.empty().with("Lu-177", "kidneys", -3));
    }

    @Test
    void tooFewPointsAreNotFittedButStillIntegrated() {
        TimeActivityCurve one = curve(TimePoint.of(24, 10));
        assertFalse(MonoExponential.fit(one, PhysicalDecay.LU177).usable());
        TimeActivityCurve two = curve(TimePoint.of(24, 10), TimePoint.of(96, 5));
        KineticFit bi = BiExponential.fit(two, PhysicalDecay.LU177);
        assertFalse(bi.usable());
        assertEquals("needs >= 3 time points, got 2", bi.note());
        ModelSelection.Selection s = ModelSelection.select(one, PhysicalDecay.LU177);
        assertEquals(TrapezoidWithTail.NAME, s.chosen().model(), s.reason());
        assertTrue(Double.isNaN(s.candidates().get(0).aicc()));
    }

    @Test
    void aRisingCurveIsNotAMonoExponentialAndAnIncreasingOneHasNoWashout() {
        // Strictly increasing activity over a week: no washout at all; the bi-exponential's washout goes to the
        // physical floor, and the mono-exponential cannot rise.
        TimeActivityCurve rising = curve(TimePoint.of(4, 1), TimePoint.of(24, 5), TimePoint.of(96, 20),
            TimePoint.of(168, 40));
        ModelSelection.Selection s = ModelSelection.select(rising, PhysicalDecay.LU177);
        assertFalse(s.chosen().model().equals(MonoExponential.NAME), s.reason());
        assertTrue(s.chosen().tiaMBqH() > 0);
    }

    @Test
    void allZeroActivityIsZeroTia() {
        ModelSelection.Selection s = ModelSelection.select(curve(TimePoint.of(4, 0), TimePoint.of(24, 0),
            TimePoint.of(96, 0)), PhysicalDecay.LU177);
        assertEquals(0, s.chosen().tiaMBqH());
        assertEquals(0, s.chosen().tiaSigmaMBqH());
    }
}
