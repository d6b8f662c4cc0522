package doseengine.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import doseengine.cli.VersionProvider;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.compare.Verdict;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.BenchmarkRunners;
import doseengine.validation.run.TransportBenchmarkRunner;
import doseengine.validation.run.TransportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick suite with the real transport (mvn -Pvalidation): every judged comparison must pass. References and
 * tolerances are those of the validation issue, stated in {@code DpkComparison} and {@code VsvComparison}; at
 * {@link ValidationSuite#QUICK_DECAYS} decays the statistical errors of the judged values are well below their
 * tolerances (the report lists them beside each value). Known failures are listed in docs/validation.md; this
 * test stays red until they are fixed (or the references explained), it is not relaxed to pass.
 */
@Tag("validation")
class ValidationSuiteRealTransportTest {
    @TempDir
    Path tmp;

    @Test
    void quickSuitePassesWithTheRealTransport() {
        BenchmarkRunner runner = BenchmarkRunners.standard();
        assertInstanceOf(TransportBenchmarkRunner.class, runner);
        SuiteContext ctx = new SuiteContext(runner, TransportSettings.defaults(ValidationSuite.QUICK_DECAYS),
                VersionProvider.version());
        ValidationReport report = new ValidationSuite(ctx, true, Optional.empty()).run(tmp.resolve("report"));
        List<String> failed = new ArrayList<>();
        for (ReportSection s : report.sections()) {
            for (ComparisonResult c : s.comparisons()) {
                if (c.verdict() == Verdict.FAIL) {
                    failed.add(s.title() + ": " + c.quantity() + " vs " + c.reference() + ", worst "
                            + c.worstJudgedDeviation());
                }
            }
        }
        report.energyBalance().filter(e -> e.verdict() == Verdict.FAIL).ifPresent(e -> failed.add("energy balance"));
        assertEquals(List.of(), failed, "see " + tmp.resolve("report/report.html"));
    }
}
