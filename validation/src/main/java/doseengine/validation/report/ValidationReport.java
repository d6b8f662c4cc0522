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

    /** Every verdict combined. */
    public Verdict verdict() {
        List<Verdict> all = new ArrayList<>();
        sections.forEach(s -> all.add(s.verdict()));
        energyBalance.ifPresent(e -> all.add(e.verdict()));
        backendAgreement.forEach(b -> all.add(b.verdict()));
        return Verdict.combine(all);
    }
}
