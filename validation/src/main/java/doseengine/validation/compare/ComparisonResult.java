package doseengine.validation.compare;

import java.util.List;

/**
 * A benchmark quantity compared with one reference: every point with its deviation and tolerance, the rules in
 * words beside them, and the verdict.
 *
 * @param benchmark    e.g. {@code dpk e-:0.1}
 * @param quantity     what is compared, e.g. {@code scaled kernel j(r/r0)}
 * @param unit         its unit ({@code 1} when dimensionless)
 * @param reference    the reference's name and source
 * @param deviationRule how the deviation is defined, e.g. {@code (engine - reference) / reference peak}
 * @param toleranceRule the tolerance as the validation issue states it
 * @param points       the compared values
 */
public record ComparisonResult(String benchmark, String quantity, String unit, String reference, String deviationRule,
        String toleranceRule, List<ComparisonPoint> points) {
    public ComparisonResult {
        points = List.copyOf(points);
    }

    public Verdict verdict() {
        return Verdict.combine(points.stream().map(ComparisonPoint::verdict).toList());
    }

    /** Points that are judged. */
    public long judgedCount() {
        return points.stream().filter(ComparisonPoint::judged).count();
    }

    /** Judged points outside their tolerance. */
    public long failedCount() {
        return points.stream().filter(p -> p.verdict() == Verdict.FAIL).count();
    }

    /** The largest |deviation| among judged points; NaN when none is judged. */
    public double worstJudgedDeviation() {
        return points.stream().filter(ComparisonPoint::judged).mapToDouble(p -> Math.abs(p.deviation())).max()
                .orElse(Double.NaN);
    }
}
