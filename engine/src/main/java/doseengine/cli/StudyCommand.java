package doseengine.cli;

import doseengine.dosimetry.kinetics.EffectiveHalfLives;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.dosimetry.treatment.StructureKinds;
import doseengine.geometry.BadInputException;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.CtInput;
import doseengine.io.DoseProblems;
import doseengine.report.DicomDoseFiles;
import doseengine.io.OutputDirectory;
import doseengine.report.RunContext;
import doseengine.report.RunReport;
import doseengine.report.StudyImageWriter;
import doseengine.report.StudyReport;
import doseengine.report.TimeActivityPlot;
import doseengine.study.CycleActivity;
import doseengine.study.CycleDose;
import doseengine.study.CycleTia;
import doseengine.study.DoseMethod;
import doseengine.study.StructureDose;
import doseengine.study.StructureTia;
import doseengine.study.FastMethodComparison;
import doseengine.study.Study;
import doseengine.study.StudyFile;
import doseengine.study.StudySummary;
import doseengine.tally.RegionDose;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code doseengine study}: a patient's treatment from its study file (docs/study.md), by the organ or the voxel
 * method. Per
 * cycle: the time points' time-activity curves and fits ({@link CycleActivity}), the TIA map on the reference time
 * point's CT, one Monte Carlo run, and per structure the dose, combined uncertainty and BED
 * ({@link StructureDose}); over the cycles: the sums against the limits and the next cycle ({@link StudySummary}).
 * Every cycle's images are read and fitted before the first transport, so that a bad file of any cycle stops the
 * command before any run (the TIA maps of all cycles are held in memory meanwhile).
 */
@Command(name = "study", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dose per treatment cycle and summed over cycles from a study file of imaging time points "
                + "(organ or voxel method): time-activity fits, one Monte Carlo run per cycle, BED, limits and the next "
                + "cycle's largest activity. Writes study.json, report.html, cumulative_dose.nii.gz and per cycle "
                + "a folder with tia.nii.gz and the run's outputs.")
public final class StudyCommand implements Callable<Integer> {
    /** The TIA map written in each cycle's folder. */
    public static final String TIA = "tia.nii.gz";
    /** The folder of a cycle's comparison with the fast methods ({@code --methods}). */
    public static final String COMPARE = "compare";
    /** The summed dose map. */
    public static final String CUMULATIVE_DOSE = "cumulative_dose.nii.gz";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study file (JSON; see docs/study.md).")
    Path studyFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--limits", paramLabel = "FILE",
            description = "Table of dose and BED limits (JSON) replacing the study file's \"limits\" and the "
                    + "default table.")
    Path limits;

    @Option(names = "--tissues", paramLabel = "FILE",
            description = "Table of tissue parameters for BED (alpha/beta, repair half-time; JSON) replacing the "
                    + "default table.")
    Path tissues;

    @Option(names = "--effective-half-lives", paramLabel = "FILE",
            description = "Table of population effective half-lives per nuclide and structure (JSON, docs/kinetics.md) "
                    + "for single-time-point cycles, replacing the study file's \"effective_half_lives\"; or "
                    + "builtin:NAME for a built-in table (builtin:lu177-psma-617). Default: none (Hänscheid's "
                    + "approximation for every single time point).")
    String effectiveHalfLives;

    @Option(names = "--decays", paramLabel = "N",
            description = "Decays to simulate per cycle (default " + PatientInputs.DEFAULT_DECAYS + ").")
    Long decays;

    @Mixin
    CalibrationOptions calibrations;

    @Option(names = "--methods", paramLabel = "LIST",
            description = "Fast methods to compare with each cycle's Monte Carlo, as 'compare' does (led, dpk, vsv, "
                    + "vsv-density, sphere, separated by commas): DIR/<cycle>/compare/ holds comparison.json, "
                    + "report.html and the methods' dose maps. Default: Monte Carlo only.")
    String methods;

    @Option(names = "--gamma", paramLabel = "CRITERIA",
            description = "Gamma criteria of --methods, as 'compare' takes them (default 3%%/3mm).")
    String gamma;

    @Option(names = "--kernel-cache", paramLabel = "DIR", description = "Kernel folder of --methods, as 'compare'.")
    Path kernelCache;

    @Option(names = "--kernel-decays", paramLabel = "N", description = "Kernel decays of --methods, as 'compare'.")
    String kernelDecays;

    @Mixin
    TransportOptions transport;

    @Mixin
    MethodOption method;

    @Override
    public Integer call() {
        RunSettings settings = transport.settings(new StopRule.DecayCount(
                decays == null ? PatientInputs.DEFAULT_DECAYS : decays), method.method());
        Study study = StudyFile.read(studyFile);
        if (effectiveHalfLives != null) {
            study = study.withHalfLives(effectiveHalfLives.startsWith(Study.BUILT_IN) ? Path.of(effectiveHalfLives)
                    : Path.of(effectiveHalfLives).toAbsolutePath().normalize());
        }
        EffectiveHalfLives halfLives = study.halfLives();
        Path limitsFile = limits != null ? limits : study.limitsFile();
        LimitTable limitTable = limitsFile == null ? LimitTable.defaults() : LimitTable.read(limitsFile);
        TissueTable tissueTable = tissues == null ? TissueTable.defaults() : TissueTable.read(tissues);
        java.io.PrintWriter err = spec.commandLine().getErr();
        FastMethodComparison.PerCycle comparison = fastMethods(settings, err);
        Path dir = OutputDirectory.prepare(out);
        PhysicalDecay decay = new PhysicalDecay(study.nuclide().halfLifeSeconds() / 3600);
        CycleActivity activity = CycleActivity.of(study.nuclide(), study.singleTimePoint(), halfLives, err);
        StructureKinds kinds = StructureKinds.standard();
        List<CycleDose> cycles = new ArrayList<>();
        List<CycleTia> tias = new ArrayList<>();
        for (doseengine.study.Cycle cycle : study.cycles()) {
            tias.add(activity.integrate(cycle, study.method()));
        }
        StudyImageWriter images = new StudyImageWriter(kinds);
        for (CycleTia tia : tias) {
            doseengine.study.Cycle cycle = tia.cycle();
            Path cycleDir = OutputDirectory.prepare(dir.resolve(cycle.name()));
            ImageFiles.write(cycleDir.resolve(TIA), tia.tiaMBqH());
            CtInput ct = CtInput.read(tia.reference().ct(), null);
            DoseProblem problem = DoseProblems.fromCt(ct, tia.reference().ct(), tia.tiaMBqH(), tia.labels(),
                    study.nuclide(), calibrations.density(), calibrations.material());
            for (String n : problem.notes()) {
                err.println("note: " + n);
            }
            err.printf(Locale.ROOT, "%s: %s, %s, %s, seed %d%n", cycle.name(), study.nuclide().name(),
                    settings.method().key(), settings.backend().device(), settings.seed());
            err.flush();
            DoseResult r = DoseCalculation.run(problem, settings, new ProgressPrinter(err));
            RunContext ctx = context(study, tia);
            RunReport.write(cycleDir, r, ctx);
            if (ct.reference() != null) {
                DicomDoseFiles.write(cycleDir, r.dose(), ct.reference(), "doseengine study " + cycle.name() + " "
                        + study.nuclide().name());
            }
            String compared = null;
            if (comparison != null) {
                comparison.compare(problem, r, ctx, cycleDir.resolve(COMPARE));
                compared = cycle.name() + "/" + COMPARE + "/comparison.json";
            }
            Map<String, RegionDose> regions = new LinkedHashMap<>();
            r.regions().forEach(d -> regions.put(d.name(), d));
            List<StructureDose> rows = new ArrayList<>();
            for (StructureTia s : tia.structures()) {
                TimeActivityPlot.write(cycleDir.resolve(TimeActivityPlot.fileName(s.name())), cycle.name(), s, decay);
                rows.add(StructureDose.of(s, regions.get(s.name()), kinds.kindOf(s.name()), cycle.administeredMBq(),
                        decay, tissueTable));
            }
            images.cycle(cycleDir, cycle.name(), r, rows);
            cycles.add(new CycleDose(tia, r.dose().gray(), r.outcome().decays(), rows, compared));
        }
        StudySummary summary = StudySummary.of(cycles, limitTable);
        if (summary.cumulativeDoseGy() != null) {
            ImageFiles.write(dir.resolve(CUMULATIVE_DOSE), summary.cumulativeDoseGy());
        }
        StudyReport.write(dir, study, summary, limitsFile, tissues, images.finish(dir, summary));
        java.util.Set<String> shown = new java.util.HashSet<>();
        tias.forEach(t -> shown.addAll(t.notes())); // already on standard error as each cycle was read
        for (String n : summary.notes()) {
            if (!shown.contains(n)) {
                err.println("note: " + n);
            }
        }
        err.flush();
        spec.commandLine().getOut().print(StudyReport.text(summary));
        spec.commandLine().getOut().printf("wrote %s, %s%s and a folder per cycle to %s%n", StudyReport.JSON,
                StudyReport.HTML, summary.cumulativeDoseGy() == null ? "" : ", " + CUMULATIVE_DOSE, dir);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The fast methods' comparison when {@code --methods} asks for more than Monte Carlo; null otherwise. Checked
     * before any work.
     */
    private FastMethodComparison.PerCycle fastMethods(RunSettings settings, java.io.PrintWriter log) {
        if (methods == null) {
            if (gamma != null || kernelCache != null || kernelDecays != null) {
                throw new BadInputException("--gamma, --kernel-cache and --kernel-decays belong to --methods");
            }
            return null;
        }
        FastMethodComparison c = FastMethodComparison.find().orElseThrow(() -> new BadInputException(
                "--methods needs the fast methods of 'compare', which this build does not include"));
        return c.prepare(methods, gamma, kernelCache, kernelDecays, settings, log);
    }

    private RunContext context(Study study, CycleTia tia) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("study", studyFile.toString());
        inputs.put("cycle", tia.cycle().name());
        inputs.put("CT", tia.reference().ct() + " (reference time point, " + tia.reference().field() + ")");
        inputs.put("activity", "time-integrated activity map of the " + tia.method().label() + " method (" + TIA
                + ")");
        calibrations.describe(inputs);
        List<String> notes = new ArrayList<>();
        if (tia.method() == DoseMethod.VOXEL) {
            notes.add("voxel method: each voxel's time-activity curve fitted, the structure's fit where the voxel's "
                    + "is not usable (docs/study.md)");
        } else {
            notes.add("organ method: the reference time point's activity scaled in each structure by its TIA over its "
                    + "activity at that time");
        }
        notes.addAll(tia.notes());
        return new RunContext("study", VersionProvider.version(), Instant.now(), inputs, notes,
                tia.cycle().administeredMBq());
    }
}
