package doseengine.validation.compare;

import doseengine.validation.benchmark.SimulatedDosePointKernel;
import doseengine.validation.reference.ScaledDosePointKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dose point kernels against a monoenergetic reference (validation issue): the scaled kernel must lie within 5 %
 * of the reference's peak value for 0.05 &lt;= r/r0 &lt;= 0.9, and X90 within 2 %.
 */
public final class DpkComparison {
    /** Tolerance on j, as a fraction of the reference kernel's peak. */
    public static final double KERNEL_TOLERANCE = 0.05;
    public static final double JUDGED_FROM = 0.05;
    public static final double JUDGED_TO = 0.9;
    /** Tolerance on X90, relative. */
    public static final double X90_TOLERANCE = 0.02;
    /** Why a comparison is shown only, when the file has a second reference at the energy. */
    public static final String SECOND_REFERENCE = "a second reference, shown beside the judged one";

    private DpkComparison() {
    }

    /**
     * The engine's kernel (scaled with the reference's r0) at each abscissa of the reference, interpolated
     * linearly between the engine's finer shells; the points inside [0.05, 0.9] are judged, the others are shown.
     * The deviation is (engine - reference) / reference peak. With {@code judge} false every point is shown only
     * (the second reference at an energy where the file has two).
     */
    public static ComparisonResult kernel(String benchmark, SimulatedDosePointKernel engine, ScaledDosePointKernel reference,
            boolean judge) {
        return kernel(benchmark, engine, reference, judge, SECOND_REFERENCE);
    }

    /** {@link #kernel(String, SimulatedDosePointKernel, ScaledDosePointKernel, boolean)}, saying why when it is not judged. */
    public static ComparisonResult kernel(String benchmark, SimulatedDosePointKernel engine, ScaledDosePointKernel reference,
            boolean judge, String whyNotJudged) {
        double peak = reference.peak();
        double[] x = reference.x();
        double[] j = reference.j();
        List<ComparisonPoint> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] e = engine.at(x[i]);
            if (Double.isNaN(e[0])) {
                continue;
            }
            boolean judged = judge && x[i] >= JUDGED_FROM - 1e-12 && x[i] <= JUDGED_TO + 1e-12;
            points.add(new ComparisonPoint(String.format(Locale.ROOT, "r/r0 = %.3f", x[i]), x[i], e[0], e[1], j[i],
                    (e[0] - j[i]) / peak, judged ? KERNEL_TOLERANCE : Double.NaN));
        }
        return new ComparisonResult(benchmark, "kernel", "scaled kernel j(r/r0) = d(E/E0)/d(r/r0)", "1",
                reference.label(), "(engine - reference) / reference peak",
                judge ? "|deviation| <= 5 % of the reference peak for 0.05 <= r/r0 <= 0.9"
                        : "not judged: " + whyNotJudged, points);
    }

    /**
     * X90 (both in the same unit) against the reference's; deviation (engine - reference) / reference; judged only
     * when {@code judge}.
     */
    public static ComparisonResult x90(String benchmark, double engineX90, double engineSigma, double referenceX90,
            String reference, String unit, boolean judge) {
        return x90(benchmark, engineX90, engineSigma, referenceX90, reference, unit, judge, SECOND_REFERENCE);
    }

    /** {@link #x90(String, double, double, double, String, String, boolean)}, saying why when it is not judged. */
    public static ComparisonResult x90(String benchmark, double engineX90, double engineSigma, double referenceX90,
            String reference, String unit, boolean judge, String whyNotJudged) {
        ComparisonPoint p = new ComparisonPoint("X90", 0, engineX90, engineSigma, referenceX90,
                (engineX90 - referenceX90) / referenceX90, judge ? X90_TOLERANCE : Double.NaN);
        return new ComparisonResult(benchmark, "X90", "X90", unit, reference, "(engine - reference) / reference",
                judge ? "|deviation| <= 2 %" : "not judged: " + whyNotJudged, List.of(p));
    }
}
