package doseengine.validation.cli;

import doseengine.cli.VersionProvider;
import doseengine.io.OutputDirectory;
import doseengine.tally.EnergyBalance;
import doseengine.validation.SuiteContext;
import doseengine.validation.compare.EnergyBalanceCheck;
import doseengine.validation.compare.Verdict;
import doseengine.validation.report.HtmlReportWriter;
import doseengine.validation.report.JsonReportWriter;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BackendUnavailableException;
import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.TransportSettings;
import doseengine.validation.run.UnavailableBenchmarkRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the validation subcommands share. */
final class CommandSupport {
    /** Exit code when a judged comparison fails (0: all judged ones pass or none is judged). */
    static final int EXIT_VALIDATION_FAILED = 3;

    private CommandSupport() {
    }

    /** The context, after checking that the runner can transport at all (before any folder is made). */
    static SuiteContext context(BenchmarkRunner runner, TransportSettings settings) {
        if (runner.availableBackends().isEmpty()) {
            throw new BackendUnavailableException(UnavailableBenchmarkRunner.MESSAGE);
        }
        runner.checkSettings(settings);
        return new SuiteContext(runner, settings, VersionProvider.version());
    }

    static Path prepare(Path out) {
        return OutputDirectory.prepare(out);
    }

    /** report.html and report.json for one benchmark's section and its runs' energy balance. */
    static ValidationReport writeReport(Path dir, SuiteContext ctx, ReportSection section,
            Map<String, EnergyBalance> balances) {
        ValidationReport report = new ValidationReport("doseengine validation: " + section.title(), ctx.version(),
                Instant.now(), ctx.settingsLine(), List.of(section), Optional.of(EnergyBalanceCheck.check(balances)),
                List.of());
        HtmlReportWriter.write(report, dir.resolve("report.html"));
        JsonReportWriter.write(report, dir.resolve("report.json"));
        return report;
    }

    static int exitCode(Verdict v) {
        return v == Verdict.FAIL ? EXIT_VALIDATION_FAILED : 0;
    }
}
