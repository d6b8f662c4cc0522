package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;

/**
 * A dose rate that is linear from {@code R(0) = 0} to the first point, linear between points, and after the last
 * point {@code R(t) = R_n exp(-lambda (t - t_n))}: the shape of a trapezoid time-activity curve with a
 * physical-decay tail, scaled to dose (the organ method).
 *
 * <p>Lea-Catcheside term. With {@code y(t) = int_0^t R(s) e^{-mu (t - s)} ds} (so {@code y' = R - mu y},
 * {@code y(0) = 0}), {@code G = 2 int_0^inf R y dt}. On a segment where {@code R = a + b s} (s from the segment's
 * start) y is exact: {@code y(s) = y_0 e^{-mu s} + a (1 - e^{-mu s}) / mu + b s^2 phi(mu s)} with
 * {@code phi(x) = (x - 1 + e^{-x}) / x^2}. {@code int R y ds} over the segment is taken by 10-point Gauss-Legendre
 * on sub-intervals no longer than {@code 1/mu}: the integrand is a polynomial of degree 2 plus one of degree 1 times
 * {@code e^{-mu s}}, the rule is exact to degree 19, and the Taylor remainder of {@code e^{-x}} over {@code x <= 1}
 * at degree 20 is below {@code 1/20! ~ 4e-19}, so the quadrature error is at the rounding level. The
 * tail is exact: {@code int_0^inf c e^{-lambda tau} y dtau = c y_n / (lambda + mu) + c^2 / (2 lambda (lambda + mu))}
 * (the factor {@code mu - lambda} of y's second term cancels as in {@link DoseRateCurve#leaCatchesideGy2}).
 *
 * @param hours             the points' times, h, {@code >= 0} and strictly increasing
 * @param ratesGyPerHour    the dose rate at each point, Gy/h, {@code >= 0}
 * @param tailRatePerHour   lambda of the tail after the last point, 1/h, {@code > 0}
 */
public record PiecewiseDoseRate(double[] hours, double[] ratesGyPerHour, double tailRatePerHour) implements DoseRate {
    private static final double[] NODES;
    private static final double[] WEIGHTS;

    static {
        var rule = new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory().legendre(10);
        NODES = new double[rule.getNumberOfPoints()];
        WEIGHTS = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = rule.getPoint(i); // on [-1, 1]
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    public PiecewiseDoseRate {
        if (hours == null || ratesGyPerHour == null || hours.length == 0 || hours.length != ratesGyPerHour.length) {
            throw new BadInputException("piecewise dose rate: times and rates must be two non-empty lists of the same"
                    + " length");
        }
        hours = hours.clone();
        ratesGyPerHour = ratesGyPerHour.clone();
        for (int i = 0; i < hours.length; i++) {
            double previous = i == 0 ? 0 : hours[i - 1];
            if (!Double.isFinite(hours[i]) || hours[i] < previous || (i > 0 && hours[i] == previous)) {
                throw new BadInputException("piecewise dose rate: time " + i + " must be finite, >= 0 and after the"
                        + " one before, got " + hours[i] + " h");
            }
            if (!(ratesGyPerHour[i] >= 0) || !Double.isFinite(ratesGyPerHour[i])) {
                throw new BadInputException("piecewise dose rate: rate at " + hours[i] + " h must be finite and >= 0"
                        + " Gy/h, got " + ratesGyPerHour[i]);
            }
        }
        if (!(tailRatePerHour > 0) || !Double.isFinite(tailRatePerHour)) {
            throw new BadInputException("piecewise dose rate: tail rate must be finite and > 0 per hour, got "
                    + tailRatePerHour);
        }
    }

    @Override
    public double[] hours() {
        return hours.clone();
    }

    @Override
    public double[] ratesGyPerHour() {
        return ratesGyPerHour.clone();
    }

    /** Trapezoids from (0, 0) through the points, plus the tail {@code R_n / lambda}, Gy. */
    @Override
    public double doseGy() {
        double d = 0;
        double t0 = 0;
        double r0 = 0;
        for (int i = 0; i < hours.length; i++) {
            d += (hours[i] - t0) * (r0 + ratesGyPerHour[i]) / 2;
            t0 = hours[i];
            r0 = ratesGyPerHour[i];
        }
        return d + r0 / tailRatePerHour;
    }

    @Override
    public double leaCatchesideGy2(double repairRatePerHour) {
        double mu = repairRatePerHour;
        if (!(mu > 0) || !Double.isFinite(mu)) {
            throw new BadInputException("repair rate must be finite and > 0 per hour, got " + mu);
        }
        double integral = 0;
        double y = 0;
        double t0 = 0;
        double r0 = 0;
        for (int i = 0; i < hours.length; i++) {
            double h = hours[i] - t0;
            if (h > 0) {
                double slope = (ratesGyPerHour[i] - r0) / h;
                int pieces = (int) Math.ceil(h * mu);
                double step = h / pieces;
                for (int p = 0; p < pieces; p++) {
                    double a = r0 + slope * p * step;
                    integral += segmentIntegral(y, a, slope, step, mu);
                    y = inner(y, a, slope, step, mu);
                }
            }
            t0 = hours[i];
            r0 = ratesGyPerHour[i];
        }
        double lambda = tailRatePerHour;
        integral += r0 * y / (lambda + mu) + r0 * r0 / (2 * lambda * (lambda + mu));
        return 2 * integral;
    }

    /** {@code int_0^h (a + b s) y(s) ds} by Gauss-Legendre, y from {@link #inner}. */
    private static double segmentIntegral(double y0, double a, double b, double h, double mu) {
        double sum = 0;
        for (int k = 0; k < NODES.length; k++) {
            double s = h * (NODES[k] + 1) / 2;
            sum += WEIGHTS[k] * (a + b * s) * inner(y0, a, b, s, mu);
        }
        return sum * h / 2;
    }

    /** y after a time s along a segment with {@code R = a + b s} that started with y0 (exact). */
    private static double inner(double y0, double a, double b, double s, double mu) {
        double x = mu * s;
        return y0 * Math.exp(-x) - a * Math.expm1(-x) / mu + b * s * s * phi(x);
    }

    /** {@code (x - 1 + e^{-x}) / x^2}, by its series {@code 1/2 - x/6 + x^2/24} below 1e-4 (no cancellation). */
    private static double phi(double x) {
        if (x < 1e-4) {
            return 0.5 - x / 6 + x * x / 24;
        }
        return (x + Math.expm1(-x)) / (x * x);
    }
}
