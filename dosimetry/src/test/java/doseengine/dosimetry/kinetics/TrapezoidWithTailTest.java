package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Proof bullet 4: the trapezoid against a hand computation. */
class TrapezoidWithTailTest {
    /** A made-up nuclide with a 100 h half-life: lambda_phys = ln2/100, the tail 1/lambda = 100/ln2 h. */
    static final PhysicalDecay T100 = new PhysicalDecay(100);

    @Test
    void equalsTheHandComputedArea() {
        TimeActivityCurve c = TimeActivityCurve.of(List.of(
            new TimePoint(24, 8, 1), new TimePoint(4, 10, 0.5), new TimePoint(96, 2, 0.25)), ActivityUncertainty.standard());
        // 0..4 h: 4*10/2 = 20; 4..24: 20*(10+8)/2 = 180; 24..96: 72*(8+2)/2 = 360; tail 2 * 100/ln2.
        double tail = 2 * 100 / Math.log(2);
        KineticFit f = TrapezoidWithTail.integrate(c, T100);
        assertEquals(20 + 180 + 360 + tail, f.tiaMBqH(), 1e-12 * f.tiaMBqH());
        // weights: 24/2 = 12 (on 10 MBq, sigma 0.5), (96-4)/2 = 46 (on 8, sigma 1), 72/2 + 100/ln2 (on 2, sigma 0.25)
        double w3 = 36 + 100 / Math.log(2);
        double var = 12 * 12 * 0.25 + 46 * 46 * 1 + w3 * w3 * 0.0625;
        assertEquals(Math.sqrt(var), f.tiaSigmaMBqH(), 1e-12 * f.tiaSigmaMBqH());
    }

    @Test
    void onePointIsATriangleAndThePhysicalTail() {
        TimeActivityCurve c = TimeActivityCurve.of(List.of(new TimePoint(10, 5, 0.5)), ActivityUncertainty.standard());
        KineticFit f = TrapezoidWithTail.integrate(c, T100);
        assertEquals(25 + 5 * 100 / Math.log(2), f.tiaMBqH(), 1e-12 * f.tiaMBqH());
        assertEquals(0.5 * (5 + 100 / Math.log(2)), f.tiaSigmaMBqH(), 1e-12);
    }

    @Test
    void uncertaintiesFromTheModelWhereNoneAreGiven() {
        TimeActivityCurve c = TimeActivityCurve.of(new double[] {2, 4}, new double[] {10, 0},
            ActivityUncertainty.relative(0.1));
        // sigma = 0.1 * max(A, 1 % of 10): 1.0 and 0.01.
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1.0, 0.01}, c.sigmasMBq(), 1e-15);
    }
}
