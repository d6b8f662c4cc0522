package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;
import java.util.Arrays;

/**
 * An absorbed-dose rate that is a sum of exponentials, {@code R(t) = sum_i c_i exp(-lambda_i t)} for
 * {@code t >= 0} (Gy/h, t in hours). Mono-exponential clearance after an instant uptake is one term; the
 * bi-exponential uptake and washout of a fitted time-activity curve is {@code c (exp(-l1 t) - exp(-l2 t))}. For the
 * organ method the dose rate is proportional to the activity, so the curve is the fitted time-activity curve times
 * the dose per decay.
 *
 * @param coefficientsGyPerHour c_i, Gy/h; may be negative (an uptake term)
 * @param ratesPerHour          lambda_i, effective (biological and physical) rates, 1/h, all > 0
 */
public record DoseRateCurve(double[] coefficientsGyPerHour, double[] ratesPerHour) implements DoseRate {
    public DoseRateCurve {
        if (coefficientsGyPerHour == null || ratesPerHour == null || coefficientsGyPerHour.length == 0
                || coefficientsGyPerHour.length != ratesPerHour.length) {
            throw new BadInputException("dose-rate curve: coefficients and rates must be two non-empty lists of the"
                    + " same length");
        }
        coefficientsGyPerHour = coefficientsGyPerHour.clone();
        ratesPerHour = ratesPerHour.clone();
        int slowest = 0;
        for (int i = 0; i < ratesPerHour.length; i++) {
            if (!Double.isFinite(coefficientsGyPerHour[i])) {
                throw new BadInputException("dose-rate curve: coefficient " + i + " must be finite, got "
                        + coefficientsGyPerHour[i]);
            }
            if (!(ratesPerHour[i] > 0) || !Double.isFinite(ratesPerHour[i])) {
                throw new BadInputException("dose-rate curve: rate " + i + " must be finite and > 0 per hour, got "
                        + ratesPerHour[i]);
            }
            if (ratesPerHour[i] < ratesPerHour[slowest]) {
                slowest = i;
            }
        }
        double r0 = Arrays.stream(coefficientsGyPerHour).sum();
        double scale = Arrays.stream(coefficientsGyPerHour).map(Math::abs).max().orElse(0);
        if (r0 < -1e-12 * scale || !(coefficientsGyPerHour[slowest] > 0)) {
            // R(0) >= 0 and a positive slowest term make R >= 0 at both ends; for one or two terms that is R >= 0
            // everywhere. Three or more terms are not checked in between.
            throw new BadInputException("dose-rate curve: the dose rate must not be negative (R(0) = " + r0
                    + " Gy/h, slowest term's coefficient " + coefficientsGyPerHour[slowest] + " Gy/h)");
        }
    }

    /** Instant uptake and mono-exponential clearance: the dose {@code doseGy} as {@code R = D lambda e^-lambda t}. */
    public static DoseRateCurve monoExponential(double doseGy, double ratePerHour) {
        return new DoseRateCurve(new double[] {doseGy * ratePerHour}, new double[] {ratePerHour});
    }

    /**
     * Uptake with rate {@code uptakeRate} and washout with rate {@code washoutRate} delivering {@code doseGy}:
     * {@code R = c (e^-lw t - e^-lu t)}, {@code c = D lw lu / (lu - lw)}, {@code lu > lw}.
     */
    public static DoseRateCurve uptakeWashout(double doseGy, double uptakeRate, double washoutRate) {
        if (!(uptakeRate > washoutRate)) {
            throw new BadInputException("dose-rate curve: the uptake rate (" + uptakeRate
                    + " per hour) must be larger than the washout rate (" + washoutRate + " per hour)");
        }
        double c = doseGy * washoutRate * uptakeRate / (uptakeRate - washoutRate);
        return new DoseRateCurve(new double[] {c, -c}, new double[] {washoutRate, uptakeRate});
    }

    @Override
    public double[] coefficientsGyPerHour() {
        return coefficientsGyPerHour.clone();
    }

    @Override
    public double[] ratesPerHour() {
        return ratesPerHour.clone();
    }

    /** R(t), Gy/h. */
    public double rateAt(double hours) {
        double r = 0;
        for (int i = 0; i < ratesPerHour.length; i++) {
            r += coefficientsGyPerHour[i] * Math.exp(-ratesPerHour[i] * hours);
        }
        return r;
    }

    /** The absorbed dose {@code D = integral_0^inf R dt = sum_i c_i / lambda_i}, Gy. */
    @Override
    public double doseGy() {
        double d = 0;
        for (int i = 0; i < ratesPerHour.length; i++) {
            d += coefficientsGyPerHour[i] / ratesPerHour[i];
        }
        return d;
    }

    /**
     * The Lea-Catcheside double integral for mono-exponential repair with rate {@code mu} (1/h),
     * {@code G = 2 int_0^inf R(t) int_0^t R(s) e^{-mu (t - s)} ds dt} (Dale 1985 Br J Radiol 58:515; Millar 1991
     * Br J Radiol 64:242; written for activity curves by Baechler et al. 2008 Med Phys 35:1123), in Gy^2. For a sum
     * of exponentials the inner integral of term j is {@code c_j (e^{-lambda_j t} - e^{-mu t}) / (mu - lambda_j)}
     * (and {@code c_j t e^{-mu t}} at {@code mu = lambda_j}); integrating against term i over t the factor
     * {@code mu - lambda_j} cancels:
     * <pre>  G = 2 sum_i sum_j c_i c_j / ((lambda_i + lambda_j)(lambda_i + mu))</pre>
     * which has no singularity. One term gives {@code G = D^2 lambda / (lambda + mu)}.
     */
    @Override
    public double leaCatchesideGy2(double repairRatePerHour) {
        if (!(repairRatePerHour > 0) || !Double.isFinite(repairRatePerHour)) {
            throw new BadInputException("repair rate must be finite and > 0 per hour, got " + repairRatePerHour);
        }
        double g = 0;
        for (int i = 0; i < ratesPerHour.length; i++) {
            double inner = 0;
            for (int j = 0; j < ratesPerHour.length; j++) {
                inner += coefficientsGyPerHour[j] / (ratesPerHour[i] + ratesPerHour[j]);
            }
            g += coefficientsGyPerHour[i] * inner / (ratesPerHour[i] + repairRatePerHour);
        }
        return 2 * g;
    }

    /**
     * The shape factor {@code g = G / D^2}, dimensionless and independent of the activity: scaling the curve by a
     * scales D by a and G by a^2, so a cycle of dose D with this shape has {@code BED = D + g D^2 / (alpha/beta)}.
     */
    @Override
    public double shapeFactor(double repairRatePerHour) {
        double d = doseGy();
        if (!(d > 0)) {
            throw new BadInputException("dose-rate curve: the dose must be > 0 for a shape factor, got " + d + " Gy");
        }
        return leaCatchesideGy2(repairRatePerHour) / (d * d);
    }
}
