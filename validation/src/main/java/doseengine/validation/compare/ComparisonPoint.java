package doseengine.validation.compare;

/**
 * One compared value.
 *
 * @param label      where it is, e.g. {@code r/r0 = 0.325} or {@code (1,0,0)}
 * @param x          its abscissa for plots (r/r0, distance in mm, ...)
 * @param engine     the engine's value
 * @param engineSigma the engine's standard error (absolute, same unit)
 * @param reference  the reference value
 * @param deviation  the deviation as the comparison defines it (a fraction: 0.01 = 1 %)
 * @param tolerance  the largest |deviation| that passes, or NaN when the point is not judged
 */
public record ComparisonPoint(String label, double x, double engine, double engineSigma, double reference,
        double deviation, double tolerance) {
    public boolean judged() {
        return !Double.isNaN(tolerance);
    }

    public Verdict verdict() {
        if (!judged()) {
            return Verdict.INFORMATIONAL;
        }
        return Math.abs(deviation) <= tolerance ? Verdict.PASS : Verdict.FAIL;
    }

    /** The deviation in units of the engine's standard error, relative to the same base as {@link #deviation}. */
    public double deviationInSigma(double base) {
        double s = engineSigma / base;
        return s > 0 ? deviation / s : Double.NaN;
    }
}
