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
 */
public record ReportSection(String id, String kind, String title, String setup, List<RunInfo> runs,
        Map<String, Object> figures, List<String> plots, List<ComparisonResult> comparisons, List<String> notes) {
    public ReportSection {
        runs = List.copyOf(runs);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        plots = List.copyOf(plots);
        comparisons = List.copyOf(comparisons);
        notes = List.copyOf(notes);
    }

    /** FAIL if any comparison fails, PASS if any passes, else INFORMATIONAL. */
    public Verdict verdict() {
        return Verdict.combine(comparisons.stream().map(ComparisonResult::verdict).toList());
    }
}
