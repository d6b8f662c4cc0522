package doseengine.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Round numbers for axes and labels. */
final class NiceNumbers {
    private NiceNumbers() {}

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code rough} (> 0). */
    static double step(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * p >= rough * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** An axis end at or above {@code max}: a whole number of steps of about a tenth of it; 1 for max <= 0. */
    static double axisMax(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double step = step(max / 10);
        return Math.ceil(max / step * (1 - 1e-12)) * step;
    }

    /** Three significant digits, plain between 0.01 and 1e6, no exponent for large numbers. */
    static String significant(double x) {
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a < 0.01 || a >= 1e6) {
            return String.format(Locale.ROOT, "%.3g", x);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
