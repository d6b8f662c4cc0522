package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.io.ActivityMetadata;
import doseengine.io.ActivityUnit;
import doseengine.io.DoseProblems;
import doseengine.io.OutputDirectory;
import doseengine.report.RunContext;
import doseengine.tally.TargetStatistic;
import doseengine.transport.DoseProblem;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doseengine run}: absorbed dose from a patient's CT and time-integrated activity image (DESIGN.md 5).
 *
 * <p>Grids: the dose is computed on the CT grid. An activity image on another grid is resampled onto it,
 * conserving its total (refused if more than 0.1 % falls outside the CT); a label image on another grid is
 * resampled by nearest neighbour (refused if none of its labelled voxels lies inside the CT).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute the absorbed dose (Gy) of a time-integrated activity distribution in a patient's CT. "
                + "Writes dose.nii.gz, uncertainty.nii.gz, organs.csv, organs.json, dvh.png, dose_slice.png and "
                + "report.html.")
public final class RunCommand implements Callable<Integer> {
    /** Decays when neither --decays nor --target-uncertainty is given. */
    public static final long DEFAULT_DECAYS = 1_000_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ct", required = true, paramLabel = "PATH", description = "CT in HU (.nii, .nii.gz, .mhd, .mha).")
    Path ct;

    @Option(names = "--activity", required = true, paramLabel = "PATH",
            description = "Activity image: time-integrated activity per voxel in MBq h unless --activity-unit says "
                    + "otherwise. Resampled onto the CT grid if its grid differs.")
    Path activity;

    @Option(names = "--nuclide", required = true, paramLabel = "NUC", description = "Lu-177, Y-90 or I-131.")
    String nuclide;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--labels", paramLabel = "PATH",
            description = "Label image (organs, lesions; 0 = background), resampled by nearest neighbour if its grid "
                    + "differs from the CT's.")
    Path labels;

    @Option(names = "--label-names", paramLabel = "PATH",
            description = "labels.json naming the label values (default: the .json beside the label image with the "
                    + "same stem, or labels.json in its folder).")
    Path labelNames;

    @Option(names = "--decays", paramLabel = "N",
            description = "Number of decays to simulate (default " + DEFAULT_DECAYS + "); rounded up to 10 equal batches.")
    Long decays;

    @Option(names = "--target-uncertainty", paramLabel = "U",
            description = "Run until the relative uncertainty of every --target-label is at most U (a fraction, e.g. "
                    + "0.02), or --max-decays is spent.")
    Double targetUncertainty;

    @Option(names = "--target-label", paramLabel = "NAME", split = ",",
            description = "The region(s) of --target-uncertainty: a label, a union of labels joined by + (one mean "
                    + "over all their voxels, e.g. kidney_left_cortex+kidney_right_cortex), several separated by "
                    + "commas or given again (the run stops when all reach U).")
    List<String> targetLabels;

    @Option(names = "--target-statistic", paramLabel = "S",
            description = "What must reach U: mean (the relative standard error of the region's mean dose, "
                    + "default) or voxel-median (the median over the region's voxels of each voxel's relative "
                    + "standard error: what makes a DVH trustworthy).")
    String targetStatistic;

    @Option(names = "--max-decays", paramLabel = "N",
            description = "Most decays of a --target-uncertainty run (default 1e8). Batches follow the target, not "
                    + "this cap: ten small pilot batches, then batches growing by 5 %% each.")
    Long maxDecays;

    @Option(names = "--activity-unit", paramLabel = "UNIT",
            description = "MBqh or MBqs: time-integrated activity per voxel; MBq: activity per voxel; Bq/ml: activity "
                    + "concentration. MBq and Bq/ml need --tia-hours. Default: what the JSON beside the image says "
                    + "(activity.json, written by 'doseengine phantom'), else MBqh.")
    String activityUnit;

    @Option(names = "--administered-mbq", paramLabel = "A",
            description = "Activity administered to the patient (MBq): adds mean doses per GBq to the organ table "
                    + "(default: the administered_MBq of the JSON beside the activity image, if any).")
    Double administeredMBq;

    @Option(names = "--tia-hours", paramLabel = "H",
            description = "Effective integration time (h) that turns MBq or Bq/ml into time-integrated activity: "
                    + "A~ = A x H (H = T_eff / ln 2 for mono-exponential clearance from the image time on).")
    Double tiaHours;

    @Option(names = "--calibration", paramLabel = "CSV",
            description = "HU to density table (columns HU,density_g_cm3) replacing Schneider et al. 2000.")
    Path calibration;

    @Option(names = "--material-calibration", paramLabel = "CSV",
            description = "HU to material table (columns hu_lower,hu_upper,material) replacing the collapsed "
                    + "Schneider 2000 bins.")
    Path materialCalibration;

    @Mixin
    TransportOptions transport;

    @Override
    public Integer call() {
        List<String> notes = new ArrayList<>();
        ActivityMetadata metadata = ActivityMetadata.find(activity);
        ActivityUnit unit = activityUnit(metadata, notes);
        Double administered = administeredMBq;
        if (administered == null && metadata != null && metadata.administeredMBq() != null) {
            administered = metadata.administeredMBq();
            notes.add("administered activity " + RunContext.mbq(administered) + " from "
                    + metadata.source().getFileName());
        }
        RunSettings settings = transport.settings(stopRule());
        if (targetLabels != null && labels == null) {
            throw new BadInputException("--target-label " + String.join(",", targetLabels)
                    + " needs a label image (--labels)");
        }
        Path dir = OutputDirectory.prepare(out);
        DoseProblem problem = DoseProblems.read(new DoseProblems.Request(ct, activity, unit, tiaHours, labels,
                labelNames, nuclide, calibration, materialCalibration));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("CT", ct.toString());
        inputs.put("activity", activity + " (" + unit.label() + (tiaHours == null ? "" : ", x " + tiaHours + " h") + ")");
        if (labels != null) {
            inputs.put("labels", labels.toString());
        }
        inputs.put("HU to density", calibration == null ? "Schneider et al. 2000 (default)" : calibration.toString());
        inputs.put("HU to material", materialCalibration == null ? "Schneider et al. 2000, collapsed (default)"
                : materialCalibration.toString());
        RunContext ctx = new RunContext("run", VersionProvider.version(), Instant.now(), inputs, notes, administered);
        return DoseCommandSupport.calculateAndReport(spec.commandLine(), problem, settings, ctx, dir);
    }

    /**
     * The unit of the activity image: --activity-unit when given (a note when the JSON beside the image says
     * otherwise); else the JSON's unit, refused with one line when it is an activity and --tia-hours is missing;
     * else MBq h, the documented default, said in a note.
     */
    private ActivityUnit activityUnit(ActivityMetadata metadata, List<String> notes) {
        if (activityUnit != null) {
            ActivityUnit unit = ActivityUnit.parse(activityUnit);
            if (metadata != null && metadata.unit() != unit) {
                notes.add(metadata.describe() + "; --activity-unit " + unit.label() + " takes precedence");
            }
            unit.checkHours(tiaHours);
            return unit;
        }
        if (metadata != null) {
            ActivityUnit unit = metadata.unit();
            if (unit.needsIntegrationHours() && tiaHours == null) {
                throw new BadInputException(activity + " holds activity, not time-integrated activity ("
                        + metadata.describe() + "): give --tia-hours H, the effective integration time in hours "
                        + "(--activity-unit overrides the file)");
            }
            unit.checkHours(tiaHours);
            notes.add("activity unit " + unit.label() + " from " + metadata.source().getFileName());
            return unit;
        }
        if (tiaHours != null) {
            throw new BadInputException("--tia-hours needs --activity-unit MBq or Bq/ml: without it the activity "
                    + "image is read as time-integrated activity (MBq h)");
        }
        notes.add("activity image read as time-integrated activity per voxel in MBq h (the default; "
                + "--activity-unit decides)");
        return ActivityUnit.MBQH;
    }

    private StopRule stopRule() {
        if (targetUncertainty != null || targetLabels != null) {
            if (decays != null) {
                throw new BadInputException("--decays and --target-uncertainty exclude each other; "
                        + "use --max-decays to bound a target run");
            }
            if (targetUncertainty == null) {
                throw new BadInputException("--target-label needs --target-uncertainty U");
            }
            if (targetLabels == null) {
                throw new BadInputException("--target-uncertainty needs --target-label NAME");
            }
            return new StopRule.TargetUncertainty(targetLabels,
                    targetStatistic == null ? TargetStatistic.MEAN : TargetStatistic.fromKey(targetStatistic),
                    targetUncertainty, maxDecays == null ? StopRule.TargetUncertainty.DEFAULT_MAX_DECAYS : maxDecays);
        }
        if (maxDecays != null) {
            throw new BadInputException("--max-decays bounds a --target-uncertainty run; use --decays N otherwise");
        }
        if (targetStatistic != null) {
            throw new BadInputException("--target-statistic belongs to a --target-uncertainty run");
        }
        return new StopRule.DecayCount(decays == null ? DEFAULT_DECAYS : decays);
    }
}
