package doseengine.geometry.io.dicom;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Formats a double as a DS value (PS3.5 6.2: at most 16 characters, digits, sign, '.', 'E'): the shortest
 * decimal that reads back as the same double when one fits, else the most significant digits that fit
 * (16 characters keep about 12-15 significant digits, i.e. better than 1e-11 relative for ordinary values).
 */
final class DecimalString {
    static final int MAX_LENGTH = 16;

    private DecimalString() {}

    static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a DS value cannot hold " + v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(v);
        String best = null;
        for (int digits = 1; digits <= 17; digits++) {
            String candidate = shortestForm(exact.round(new MathContext(digits)));
            if (candidate.length() <= MAX_LENGTH) {
                best = candidate;
                if (Double.parseDouble(candidate) == v) {
                    return candidate;
                }
            } else if (best != null) {
                return best;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("a DS value cannot hold " + v + " in 16 characters");
        }
        return best;
    }

    /** The shorter of plain ("0.00123") and scientific ("1.23E-3") notation of a rounded decimal. */
    private static String shortestForm(BigDecimal rounded) {
        BigDecimal d = rounded.stripTrailingZeros();
        String sign = d.signum() < 0 ? "-" : "";
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String scientific = sign + mantissa + (exponent == 0 ? "" : "E" + exponent);
        String plain = d.toPlainString();
        return plain.length() <= scientific.length() ? plain : scientific;
    }
}
