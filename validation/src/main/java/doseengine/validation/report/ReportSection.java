package doseengine.validation.report;

import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark in the report: its set-up, runs, further figures, plots and comparisons.
 *
 * @param id          anchor and file-name stem, e.g. {@code dpk-e-_0.1}
 * @param kind        {@code dpk}, {@code vsv} or {@code sphere}
 * @param title       heading
 * @param setup       the geometry and source in one paragraph
 * @param runs        the transport runs behind it
 * @param figures     further numbers by name (X90, absorbed fractions, ...), in order
 * @param plots       PNG files, relative to the report
 * @param comparisons the judged and informational comparisons
 * @param notes       anything a reader must know (shell bounds not met, no reference, ...)
 * @param notJudged   what the benchmark would judge and why it judges nothing, for verdict lines when no
 *                    comparison has a judged value: {@code "S value not judged (no reference ...)"}
 */
public record ReportSection(String id, String kind, String title, String setup, List<RunInfo> runs,
        Map<String, Object> figures, List<String> plots, List<ComparisonResult> comparisons, List<String> notes,
        String notJudged) {
    public ReportSection {
        runs = List.copyOf(runs);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        plots = List.copyOf(plots);
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
        if (notJudged == null || notJudged.isBlank()) {
            throw new IllegalArgumentException(id + ": a section says what it does not judge, and why");
        }
    }

    /** FAIL if any comparison fails, PASS if any passes, else INFORMATIONAL. */
    public Verdict verdict() {
        return Verdict.combine(comparisons.stream().map(ComparisonResult::verdict).toList());
    }

    /** Whether any value of the section is judged against a tolerance. */
    public boolean judged() {
        return comparisons.stream().anyMatch(c -> c.judgedCount() > 0);
    }

    /**
     * What the section judged, each with its verdict ({@code "kernel vs ... PASS; X90 vs ... PASS"}; comparisons
     * only shown beside judged ones are left out), or {@link #notJudged()} when it judged nothing.
     */
    public String judgement() {
        if (!judged()) {
            return notJudged;
        }
        return String.join("; ", comparisons.stream().filter(c -> c.judgedCount() > 0)
                .map(ComparisonResult::judgement).toList());
    }
}
