package doseengine.validation.compare;

import java.util.List;

/**
 * A benchmark quantity compared with one reference: every point with its deviation and tolerance, the rules in
 * words beside them, and the verdict.
 *
 * @param benchmark    e.g. {@code dpk e-:0.1}
 * @param subject      what is judged, in a word or two, for verdict lines: {@code kernel}, {@code X90},
 *                     {@code voxel S values}, {@code S value}, {@code energy balance}
 * @param quantity     what is compared, e.g. {@code scaled kernel j(r/r0)}
 * @param unit         its unit ({@code 1} when dimensionless)
 * @param reference    the reference's name and source
 * @param deviationRule how the deviation is defined, e.g. {@code (engine - reference) / reference peak}
 * @param toleranceRule the tolerance as the validation issue states it
 * @param points       the compared values
 */
public record ComparisonResult(String benchmark, String subject, String quantity, String unit, String reference,
        String deviationRule, String toleranceRule, List<ComparisonPoint> points) {
    public ComparisonResult {
        points = List.copyOf(points);
    }

    /** The same comparison under another subject (e.g. naming the run it judges). */
    public ComparisonResult withSubject(String newSubject) {
        return new ComparisonResult(benchmark, newSubject, quantity, unit, reference, deviationRule, toleranceRule,
                points);
    }

    /**
     * What this comparison judged and its verdict, for verdict lines: {@code "X90 vs ETRAN ... PASS"}, with the
     * count of failed values when some fail; {@code "... shown, not judged (why)"} when no value is judged.
     */
    public String judgement() {
        String what = subject + " vs " + reference;
        long judged = judgedCount();
        if (judged == 0) {
            String prefix = "not judged: ";
            String why = toleranceRule.startsWith(prefix) ? toleranceRule.substring(prefix.length()) : toleranceRule;
            return what + " shown, not judged (" + why + ")";
        }
        long failed = failedCount();
        return what + " " + verdict() + (failed > 0 && judged > 1
                ? " (" + failed + " of " + judged + " values outside the tolerance)" : "");
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
