package doseengine.physics.electron;

import java.util.function.DoubleUnaryOperator;

/** Composite Simpson rule, used by the tests as an integration independent of the closed forms under test. */
final class Quadrature {
    private Quadrature() {}

    /** int_a^b f(x) dx with n (even) panels. */
    static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return s * h / 3;
    }

    /** int_a^b f(x) dx, 0 &lt; a &lt; b, by Simpson's rule in ln x (for integrands spread over decades). */
    static double simpsonLog(DoubleUnaryOperator f, double a, double b, int n) {
        return simpson(u -> {
            double x = Math.exp(u);
            return f.applyAsDouble(x) * x;
        }, Math.log(a), Math.log(b), n);
    }
}
