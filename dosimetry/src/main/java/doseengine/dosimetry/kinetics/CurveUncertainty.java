package doseengine.dosimetry.kinetics;

import java.util.Optional;

/**
 * The standard uncertainty of a fitted time-activity curve A(t) at each time, from the fit's parameter covariance C
 * ({@link KineticFit#covariance()}), by the delta method to first order (JCGM 100:2008, GUM eq. 13):
 * {@code u(A(t))^2 = g(t)^T C g(t)}, {@code g(t) = dA(t)/dp} at the fitted parameters p. The gradients:
 * <ul>
 *   <li>mono-exponential {@code A0 e^{-lambda t}}: {@code (e^{-lambda t}, -A0 t e^{-lambda t})};</li>
 *   <li>bi-exponential {@code A0 (e^{-lw t} - e^{-lu t})}: {@code (e^{-lw t} - e^{-lu t}, -A0 t e^{-lw t},
 *       A0 t e^{-lu t})}.</li>
 * </ul>
 * A rate held at the physical-decay floor keeps its uncertainty: C is the covariance of all parameters at the bound
 * point, as for the TIA (the floor fixes the estimate, not what the data say of it; docs/kinetics.md). First order means
 * the curve is taken as linear in its parameters over their uncertainty; for a rate known to 10 % at a time of a
 * few half-lives that is no longer so, and the band is then an approximation (it is symmetric, the true spread of an
 * exponential is not).
 *
 * <p>The trapezoid has no parameters (its uncertainty is that of the points it joins) and Hänscheid's single time
 * point has an assumed, not fitted, half-life: neither has a band ({@link #reasonWithoutBand}).
 */
public final class CurveUncertainty {
    private CurveUncertainty() {
    }

    /** The curve's standard uncertainty at {@code hours}, MBq; empty when the fit has no band. */
    public static Optional<Double> sigmaMBq(KineticFit fit, double hours) {
        double[] g = gradient(fit, hours);
        if (g == null) {
            return Optional.empty();
        }
        double v = WeightedLeastSquares.deltaMethodVariance(g, fit.covariance());
        return Optional.of(Math.sqrt(Math.max(0, v)));
    }

    /** True when {@link #sigmaMBq} gives a value: a usable mono- or bi-exponential fit with its covariance. */
    public static boolean hasBand(KineticFit fit) {
        return fit != null && fit.usable() && fit.covariance() != null
            && (MonoExponential.NAME.equals(fit.model()) || BiExponential.NAME.equals(fit.model()));
    }

    /** Why a curve of {@code model} has no band, in words; null when a usable fit of it has one. */
    public static String reasonWithoutBand(String model) {
        if (MonoExponential.NAME.equals(model) || BiExponential.NAME.equals(model)) {
            return null;
        }
        if (TrapezoidWithTail.NAME.equals(model)) {
            return "no band: the trapezoid is not a fit, its uncertainty is the points'";
        }
        return "no band: the half-life is assumed, not fitted";
    }

    /** {@code dA(t)/dp} at the fitted parameters, in the order of the covariance; null without a band. */
    static double[] gradient(KineticFit fit, double t) {
        if (!hasBand(fit)) {
            return null;
        }
        double[] p = fit.parameters();
        if (MonoExponential.NAME.equals(fit.model())) {
            double e = Math.exp(-p[1] * t);
            return new double[] {e, -p[0] * t * e};
        }
        double ew = Math.exp(-p[1] * t);
        double eu = Math.exp(-p[2] * t);
        return new double[] {ew - eu, -p[0] * t * ew, p[0] * t * eu};
    }
}
