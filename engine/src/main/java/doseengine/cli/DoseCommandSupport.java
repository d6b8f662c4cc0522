package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.report.DicomDoseFiles;
import doseengine.report.RunContext;
import doseengine.report.RunReport;
import doseengine.tally.RegionDose;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunOutcome;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
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

    /** Where the dose goes as DICOM: the reference it shares, and whether the CT came as DICOM (else it is written). */
    record DicomOutput(DicomReference reference, boolean ctIsDicom) {}

    /**
     * @param dicom       the RT Dose files to write beside the NIfTI ones (with the CT series and structures when the CT
     *                    was not DICOM), or null for none
     * @param checkpoints the run's checkpoints (saved, resumed from, or none)
     */
    static int calculateAndReport(CommandLine cl, DoseProblem problem, RunSettings settings, RunContext ctx, Path out,
                                  DicomOutput dicom, RunCheckpoints checkpoints) {
        announce(cl, problem, settings, ctx);
        checkpoints.announce();
        PrintWriter err = cl.getErr();
        DoseResult r = DoseCalculation.run(problem, settings, new ProgressPrinter(err),
                checkpoints.checkpointing(problem));
        return report(cl, problem, settings, ctx, out, r, dicom);
    }

    /**
     * Checks the settings and prints the notes of a calculation about to run (or of parts about to be merged).
     *
     * @return whether the method is exact (local energy deposition)
     */
    static boolean announce(CommandLine cl, DoseProblem problem, RunSettings settings, RunContext ctx) {
        DoseCalculation.requireTargetLabel(problem, settings.stop());
        PrintWriter err = cl.getErr();
        boolean exact = settings.method() == TransportMethod.LOCAL_DEPOSITION;
        if (exact && settings.stop() instanceof StopRule.TargetUncertainty) {
            throw new BadInputException("--method led is computed exactly and has no uncertainty to target; "
                    + "drop --target-uncertainty");
        }
        if (exact) {
            err.println("note: local energy deposition is computed exactly from the activity map: no decay is "
                    + "sampled, so --decays, --seed and --backend do not apply and the uncertainty is 0");
        } else if (settings.backend().note() != null) {
            err.println("note: " + settings.backend().note());
        }
        for (String n : ctx.notes()) {
            err.println(n.startsWith(RunContext.WARNING_PREFIX) ? n : "note: " + n);
        }
        for (String n : problem.notes()) {
            err.println("note: " + n);
        }
        if (!exact) {
            err.printf(Locale.ROOT, "%s: %s, %s, %s, seed %d%n", problem.name(), problem.nuclide().name(),
                    settings.method().key(), settings.backend().device(), settings.seed());
        }
        err.flush();
        return exact;
    }

    /** Writes the outputs of a finished calculation (or of merged parts) and prints the summary. */
    static int report(CommandLine cl, DoseProblem problem, RunSettings settings, RunContext ctx, Path out, DoseResult r,
                      DicomOutput dicom) {
        PrintWriter err = cl.getErr();
        PrintWriter stdout = cl.getOut();
        RunReport.write(out, r, ctx);
        if (dicom != null) {
            String description = "doseengine " + ctx.command() + " " + problem.nuclide().name() + " "
                    + settings.method().key();
            DicomDoseFiles.write(out, r.dose(), dicom.reference(), description);
            if (!dicom.ctIsDicom()) {
                DicomDoseFiles.writeCtAndStructures(out, problem.ctHu(), problem.labels(), dicom.reference(),
                        problem.name());
            }
        }
        if (r.outcome().stop() == RunOutcome.Stop.MAX_DECAYS_WITHOUT_TARGET) {
            err.printf(Locale.ROOT, "warning: target uncertainty not reached: %s at %.2f %% after the maximum of %,d "
                    + "decays (--max-decays)%n", r.outcome().watchedRegion(), 100 * r.outcome().watchedRelativeUncertainty(),
                    r.outcome().decays());
            err.flush();
        }
        stdout.print(summary(r, ctx));
        stdout.printf(Locale.ROOT, "wrote %s, %s, %s, %s, %s%s and %s to %s%n", RunReport.DOSE, RunReport.UNCERTAINTY,
                RunReport.ORGANS_CSV, RunReport.ORGANS_JSON, RunReport.SLICE_PNG,
                r.regions().isEmpty() ? "" : ", " + RunReport.DVH_PNG, RunReport.REPORT_HTML, out);
        if (dicom != null && dicom.ctIsDicom()) {
            stdout.printf(Locale.ROOT, "wrote %s and %s (RT Dose, in the CT's study and frame of reference %s)%n",
                    DicomDoseFiles.DOSE, DicomDoseFiles.UNCERTAINTY, dicom.reference().frameOfReferenceUid());
        } else if (dicom != null) {
            stdout.printf(Locale.ROOT, "wrote %s and %s (RT Dose) with the CT as a DICOM series (%s/)%s, in a new study "
                    + "and frame of reference %s%n", DicomDoseFiles.DOSE, DicomDoseFiles.UNCERTAINTY,
                    DicomDoseFiles.CT_SERIES, problem.labels() == null ? "" : " and the structures (" 
                    + DicomDoseFiles.RTSTRUCT + ")", dicom.reference().frameOfReferenceUid());
        }
        stdout.flush();
        return 0;
    }

    /**
     * The organ table as text: mean dose with its uncertainty (and per GBq when the administered activity is
     * known), D98/D50/D2 with the median voxel uncertainty beside them (how much of their spread is noise), and
     * the maximum dose in tissue.
     */
    static String summary(DoseResult r, RunContext ctx) {
        StringBuilder s = new StringBuilder();
        String sampled = r.outcome().stop() == RunOutcome.Stop.EXACT ? "exact (no decays sampled)"
                : String.format(Locale.ROOT, "%,d decays in %d batches", r.outcome().decays(), r.outcome().batches());
        s.append(String.format(Locale.ROOT, "%s, %s, %s: %s, time-integrated activity %.4g MBq h%s%n",
                r.problem().name(), r.problem().nuclide().name(), r.settings().method().key(), sampled,
                r.totalTiaMBqH(), ctx.administeredMBq() == null ? "" : ", " + ctx.administeredText() + " administered"));
        if (!r.regions().isEmpty()) {
            boolean perGBq = ctx.administeredMBq() != null;
            int width = Math.max(5, r.regions().stream().mapToInt(x -> x.name().length()).max().orElse(5));
            s.append(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %8s%s %10s %10s %10s %8s%n", "label",
                    "mass_g", "mean_Gy", "rel_unc", perGBq ? String.format(Locale.ROOT, " %10s", "Gy_per_GBq") : "",
                    "D98_Gy", "D50_Gy", "D2_Gy", "vox_unc"));
            for (RegionDose d : r.regions()) {
                s.append(String.format(Locale.ROOT, "%-" + width + "s %10.4g %10.4g %7.2f%%%s %10.4g %10.4g %10.4g "
                        + "%7.1f%%%n", d.name(), d.massG(), d.meanGy(), 100 * d.relativeUncertainty(),
                        perGBq ? String.format(Locale.ROOT, " %10.4g", ctx.perGBq(d.meanGy())) : "", d.d98Gy(),
                        d.d50Gy(), d.d2Gy(), 100 * d.medianVoxelRelativeUncertainty()));
            }
            s.append("vox_unc: median voxel uncertainty of the label; the DVH, D98 and D2 carry that much noise\n");
        }
        s.append("maximum dose in tissue: ").append(r.tissueMaximum().describe()).append('\n');
        return s.toString();
    }
}
