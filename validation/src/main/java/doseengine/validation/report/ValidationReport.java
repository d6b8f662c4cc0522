package doseengine.validation.report;

import doseengine.validation.compare.BackendAgreement;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole validation report: benchmark sections, and, when given, the energy balance of every run and the
 * Java-versus-OpenCL agreement.
 *
 * @param title            heading
 * @param version          program version
 * @param created          when it was made
 * @param settings         the transport settings in one line
 * @param sections         one per benchmark
 * @param energyBalance    one point per run, or empty
 * @param backendAgreement one per compared problem (empty when only one backend was there)
 */
public record ValidationReport(String title, String version, Instant created, String settings,
        List<ReportSection> sections, Optional<ComparisonResult> energyBalance, List<BackendAgreement> backendAgreement) {
    public ValidationReport {
        sections = List.copyOf(sections);
        backendAgreement = List.copyOf(backendAgreement);
    }

    /**
     * Every verdict combined: what the exit code follows. PASS only says that nothing judged failed; print
     * {@link #verdictLine()}, which names what was judged.
     */
    public Verdict verdict() {
        List<Verdict> all = new ArrayList<>();
        sections.forEach(s -> all.add(s.verdict()));
        energyBalance.ifPresent(e -> all.add(e.verdict()));
        backendAgreement.forEach(b -> all.add(b.verdict()));
        return Verdict.combine(all);
    }

    /**
     * The verdict, naming what was judged: {@code "energy balance PASS; S value not judged (no reference ...)"}.
     * One section: its judgements ({@link ReportSection#judgement()}); several: how many were judged and which
     * failed, and which were only shown (by title).
     */
    public String verdictLine() {
        List<String> parts = new ArrayList<>();
        energyBalance.ifPresent(e -> parts.add("energy balance" + (e.points().size() > 1
                ? " of " + e.points().size() + " runs" : "") + " " + e.verdict()));
        if (sections.size() == 1) {
            parts.add(sections.get(0).judgement());
        } else if (!sections.isEmpty()) {
            List<ReportSection> judged = sections.stream().filter(ReportSection::judged).toList();
            List<String> failed = judged.stream().filter(s -> s.verdict() == Verdict.FAIL).map(ReportSection::title)
                    .toList();
            if (!judged.isEmpty()) {
                parts.add(judged.size() + " benchmarks judged against their references: "
                        + (judged.size() - failed.size()) + " PASS, " + failed.size() + " FAIL"
                        + (failed.isEmpty() ? "" : " (" + String.join("; ", failed) + ")"));
            }
            List<ReportSection> shown = sections.stream().filter(s -> !s.judged()).toList();
            if (!shown.isEmpty()) {
                // The reasons are in each section; titles keep the line short.
                parts.add(shown.size() + " shown, not judged (" + String.join("; ", shown.stream()
                        .map(ReportSection::title).toList()) + ")");
            }
        }
        if (!backendAgreement.isEmpty()) {
            Verdict v = Verdict.combine(backendAgreement.stream().map(BackendAgreement::verdict).toList());
            parts.add("Java vs OpenCL on " + backendAgreement.size() + " problems " + (v == Verdict.INFORMATIONAL
                    ? "not judged (fewer than " + BackendAgreement.MIN_BINS + " usable bins)" : v.name()));
        }
        return String.join("; ", parts);
    }
}
