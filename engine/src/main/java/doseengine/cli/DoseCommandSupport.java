package doseengine.cli;

import doseengine.report.RunContext;
import doseengine.report.RunReport;
import doseengine.tally.RegionDose;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunOutcome;
import doseengine.transport.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/**
 * What {@code run} and {@code demo} share once their inputs are ready: notes and progress on standard error, the
 * calculation, the output files, and a summary table on standard output.
 */
final class DoseCommandSupport {
    private DoseCommandSupport() {}

    static int calculateAndReport(CommandLine cl, DoseProblem problem, RunSettings settings, RunContext ctx, Path out) {
        DoseCalculation.requireTargetLabel(problem, settings.stop());
        PrintWriter err = cl.getErr();
        PrintWriter stdout = cl.getOut();
        if (settings.backend().note() != null) {
            err.println("note: " + settings.backend().note());
        }
        for (String n : ctx.notes()) {
            err.println("note: " + n);
        }
        for (String n : problem.notes()) {
            err.println("note: " + n);
        }
        err.printf(Locale.ROOT, "%s: %s, %s, %s, seed %d%n", problem.name(), problem.nuclide().name(),
                settings.method().key(), settings.backend().device(), settings.seed());
        err.flush();
        DoseResult r = DoseCalculation.run(problem, settings, new ProgressPrinter(err));
        RunReport.write(out, r, ctx);
        if (r.outcome().stop() == RunOutcome.Stop.MAX_DECAYS_WITHOUT_TARGET) {
            err.printf(Locale.ROOT, "warning: target uncertainty not reached: %s at %.2f %% after the maximum of %,d "
                    + "decays (--max-decays)%n", r.outcome().watchedRegion(), 100 * r.outcome().watchedRelativeUncertainty(),
                    r.outcome().decays());
            err.flush();
        }
        stdout.print(summary(r));
        stdout.printf(Locale.ROOT, "wrote %s, %s, %s, %s, %s%s and %s to %s%n", RunReport.DOSE, RunReport.UNCERTAINTY,
                RunReport.ORGANS_CSV, RunReport.ORGANS_JSON, RunReport.SLICE_PNG,
                r.regions().isEmpty() ? "" : ", " + RunReport.DVH_PNG, RunReport.REPORT_HTML, out);
        stdout.flush();
        return 0;
    }

    /** The organ table as text. */
    static String summary(DoseResult r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s, %s, %s: %,d decays, time-integrated activity %.4g MBq h%n",
                r.problem().name(), r.problem().nuclide().name(), r.settings().method().key(), r.outcome().decays(),
                r.totalTiaMBqH()));
        if (r.regions().isEmpty()) {
            return s.toString();
        }
        int width = Math.max(5, r.regions().stream().mapToInt(x -> x.name().length()).max().orElse(5));
        s.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %8s %10s %10s %10s%n", "label", "mass_g",
                "mean_Gy", "rel_unc", "D98_Gy", "D50_Gy", "D2_Gy"));
        for (RegionDose d : r.regions()) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s %10.4g %10.4g %7.2f%% %10.4g %10.4g %10.4g%n",
                    d.name(), d.massG(), d.meanGy(), 100 * d.relativeUncertainty(), d.d98Gy(), d.d50Gy(), d.d2Gy()));
        }
        return s.toString();
    }
}
