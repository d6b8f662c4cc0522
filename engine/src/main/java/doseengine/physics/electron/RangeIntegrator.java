package doseengine.physics.electron;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Ranges: integrals of 1/S(T) over kinetic energy, for a stopping power S (MeV cm2/g) given as a function.
 *
 * <p>The stopping-power formulas are evaluated from {@link #START_MEV} = 1 keV up (ESTAR's lowest energy; the Bethe
 * formula without shell corrections is not usable much lower: for water its bracket turns negative near 65 eV).
 * The path below 1 keV is not zero: it is estimated by continuing S below T0 = 1 keV as the power law
 * S(T0) (T/T0)^-p, p = -dlnS/dlnT at T0 (no free parameter; S and its slope are continuous at T0), which gives
 * R(T0) = T0 / ((1 + p) S(T0)). For liquid water p = 0.633 and R(1 keV) = 5.11e-6 g/cm2, 2.0 % of the 10 keV CSDA
 * range, which then exceeds ESTAR's by 0.36 %. Other continuations change R(10 keV) by (relative to this one):
 * omitting the path below 1 keV -2.0 % (then -1.7 % from ESTAR); S proportional to T^-1/2 +0.18 % (+0.54 %); S
 * proportional to 1/T -0.37 % (-0.01 %). Above 100 keV every choice changes the range by less than 0.04 %.
 * Differences of ranges, which is what transport uses, do not depend on the choice at all.
 *
 * <p>Quadrature: 8-point Gauss-Legendre in ln T on panels at most {@link #MAX_PANEL_LN} wide, split at given
 * breakpoints (kinks of restricted stopping powers at 2 W_cc and W_cr).
 */
public final class RangeIntegrator {
    /** Lowest energy (MeV) at which stopping powers are evaluated. */
    public static final double START_MEV = 1e-3;
    /** Widest quadrature panel in ln T. */
    static final double MAX_PANEL_LN = 0.02;
    /** Relative step of the one-sided logarithmic derivative at START_MEV. */
    private static final double SLOPE_STEP = 1e-4;

    private static final double[] GL_X = {
        -0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
        0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_W = {
        0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
        0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    private RangeIntegrator() {}

    /** Path (g/cm2) from START_MEV down to rest under the power-law continuation of S. */
    public static double belowStart(DoubleUnaryOperator stoppingPower) {
        double s0 = stoppingPower.applyAsDouble(START_MEV);
        double s1 = stoppingPower.applyAsDouble(START_MEV * (1 + SLOPE_STEP));
        double p = -Math.log(s1 / s0) / Math.log1p(SLOPE_STEP);
        if (!(p > -1) || !(s0 > 0)) {
            throw new IllegalStateException("stopping power at 1 keV cannot be continued to zero energy: S = " + s0
                    + ", slope " + p);
        }
        return START_MEV / ((1 + p) * s0);
    }

    /** Range (g/cm2) at kinetic energy T &gt;= START_MEV: the part below 1 keV plus the integral from 1 keV. */
    public static double range(DoubleUnaryOperator stoppingPower, double kineticEnergyMeV, double... breakpoints) {
        return belowStart(stoppingPower) + integral(stoppingPower, START_MEV, kineticEnergyMeV, breakpoints);
    }

    /** int_a^b dT / S(T) (g/cm2), split at the breakpoints that fall inside (a, b). */
    public static double integral(DoubleUnaryOperator stoppingPower, double a, double b, double... breakpoints) {
        if (!(b >= a) || !(a > 0)) {
            throw new IllegalArgumentException("range integral needs 0 < a <= b, got " + a + ", " + b);
        }
        double[] cuts = Arrays.stream(breakpoints).filter(x -> x > a && x < b).sorted().toArray();
        double sum = 0;
        double lo = a;
        for (double cut : cuts) {
            sum += integralSmooth(stoppingPower, lo, cut);
            lo = cut;
        }
        return sum + integralSmooth(stoppingPower, lo, b);
    }

    private static double integralSmooth(DoubleUnaryOperator s, double a, double b) {
        double la = Math.log(a);
        double lb = Math.log(b);
        if (lb <= la) {
            return 0;
        }
        int panels = (int) Math.ceil((lb - la) / MAX_PANEL_LN);
        double h = (lb - la) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = la + (p + 0.5) * h;
            for (int g = 0; g < GL_X.length; g++) {
                double t = Math.exp(mid + 0.5 * h * GL_X[g]);
                sum += GL_W[g] * 0.5 * h * t / s.applyAsDouble(t);
            }
        }
        return sum;
    }
}
