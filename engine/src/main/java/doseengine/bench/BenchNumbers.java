package doseengine.bench;

import java.math.BigDecimal;

/** Numbers as the benchmark's text shows them: no trailing zeros ("4 mm", "2.5 mm", "0.00120479"). */
final class BenchNumbers {
    private BenchNumbers() {}

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String mm(double v) {
        return plain(v) + " mm";
    }
}
