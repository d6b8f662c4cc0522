package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.io.ActivityMetadata;
import doseengine.io.ActivityUnit;
import doseengine.io.DoseProblems;
import doseengine.io.InputFormat;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.report.RunContext;
import doseengine.tally.TargetStatistic;
import doseengine.transport.DoseProblem;
import doseengine.transport.StopRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The patient inputs of {@code run}, shared as a picocli mixin by every command that takes them ({@code compare}):
 * CT, activity and its unit, nuclide, labels, calibrations, administered activity and the stop rule (decays or a
 * target uncertainty). One class, so the commands cannot drift apart.
 *
 * <p>Use: {@link #readProblem()} once (it reads the files and decides the unit, collecting notes), then
 * {@link #context(String)} for the report.
 */
public final class PatientInputs {
    /** Decays when neither --decays nor --target-uncertainty is given. */
    public static final long DEFAULT_DECAYS = 1_000_000;

    @Option(names = "--ct", required = true, paramLabel = "PATH",
            description = "CT in HU: .nii, .nii.gz, .mhd, .mha, or DICOM (a folder, searched recursively, or a file "
                    + "of the series).")
    Path ct;

    @Option(names = "--ct-series", paramLabel = "UID",
            description = "The CT series to read when the DICOM folder holds several ('doseengine dicom FOLDER' "
                    + "lists them).")
    String ctSeries;

    @Option(names = "--activity", required = true, paramLabel = "PATH",
            description = "Activity image: time-integrated activity per voxel in MBq h unless --activity-unit says "
                    + "otherwise; or a DICOM quantitative SPECT (NM) or PET, read in Bq/ml at its acquisition time "
                    + "(give --tia-hours). Resampled onto the CT grid if its grid differs.")
    Path activity;

    @Option(names = "--activity-series", paramLabel = "UID",
            description = "The SPECT or PET series to read when the DICOM folder holds several.")
    String activitySeries;

    @Option(names = "--calibration-factor", paramLabel = "CPS_PER_MBQ",
            description = "Counts per second per MBq of a DICOM SPECT stored in counts (Units CNTS): with the "
                    + "image's frame duration it turns counts into Bq/ml.")
    Double calibrationFactor;

    @Option(names = "--nuclide", required = true, paramLabel = "NUC", description = "Lu-177, Y-90 or I-131.")
    String nuclide;

    @Option(names = "--labels", paramLabel = "PATH",
            description = "Label image (organs, lesions; 0 = background), resampled by nearest neighbour if its grid "
                    + "differs from the CT's.")
    Path labels;

    @Option(names = "--label-names", paramLabel = "PATH",
            description = "labels.json naming the label values (default: the .json beside the label image with the "
                    + "same stem, or labels.json in its folder).")
    Path labelNames;

    @Option(names = "--rtstruct", paramLabel = "FILE",
            description = "DICOM RT Structure Set on the DICOM CT: every ROI with closed contours is a structure named "
                    + "by its ROI Name (voxel centres inside the contours; structures may overlap).")
    Path rtstruct;

    @Option(names = "--structures", paramLabel = "NAME", split = ",",
            description = "The ROIs of --rtstruct to keep (comma-separated; default all).")
    List<String> structures;

    @Option(names = "--decays", paramLabel = "N",
            description = "Number of decays to simulate (default " + DEFAULT_DECAYS + "), run in 10 to 100 equal batches.")
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

    @Mixin
    CalibrationOptions calibrations;

    private final List<String> notes = new ArrayList<>();
    private Double administered;
    private ActivityUnit unit;
    private DoseProblems.Patient patient;

    /**
     * Checks the options that need no file (the stop rule, the label options) so a command can refuse them before
     * it creates its output folder.
     */
    public StopRule stopRule() {
        if (targetLabels != null && labels == null && rtstruct == null) {
            throw new BadInputException("--target-label " + String.join(",", targetLabels)
                    + " needs structures (--labels or --rtstruct)");
        }
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

    /** Reads the CT, activity and labels into a problem on the CT grid; notes what it decided. */
    public DoseProblem readProblem() {
        boolean dicomActivity = InputFormat.isDicom(activity);
        ActivityMetadata metadata = dicomActivity ? null : ActivityMetadata.find(activity);
        unit = dicomActivity ? dicomActivityUnit() : activityUnit(metadata, notes);
        administered = administeredMBq;
        if (administered == null && metadata != null && metadata.administeredMBq() != null) {
            administered = metadata.administeredMBq();
            notes.add("administered activity " + RunContext.mbq(administered) + " from "
                    + metadata.source().getFileName());
        }
        patient = DoseProblems.readPatient(new DoseProblems.Request(ct, ctSeries, activity, activitySeries, unit,
                tiaHours, calibrationFactor, labels, labelNames, rtstruct, structures, nuclide, calibrations.density(),
                calibrations.material()));
        if (administered == null && patient.injectedMBq() != null) {
            administered = patient.injectedMBq();
            notes.add("administered activity " + RunContext.mbq(administered) + " from the DICOM Radionuclide Total "
                    + "Dose");
        }
        for (String w : patient.warnings()) {
            notes.add(RunContext.WARNING_PREFIX + w);
        }
        return patient.problem();
    }

    /**
     * The files the problem is read from, by option, as given: those named on the command line, and the JSON beside
     * the activity image that may decide its unit.
     */
    public Map<String, Path> inputFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("--ct", ct);
        files.put("--activity", activity);
        if (!InputFormat.isDicom(activity)) {
            ActivityMetadata metadata = ActivityMetadata.find(activity);
            if (metadata != null) {
                files.put("activity metadata", metadata.source());
            }
        }
        putIfGiven(files, "--labels", labels);
        putIfGiven(files, "--label-names", labelNames);
        putIfGiven(files, "--rtstruct", rtstruct);
        putIfGiven(files, "--calibration", calibrations.density());
        putIfGiven(files, "--material-calibration", calibrations.material());
        return files;
    }

    private static void putIfGiven(Map<String, Path> files, String option, Path p) {
        if (p != null) {
            files.put(option, p);
        }
    }

    /** The DICOM CT's study, frame of reference and patient, or null when the CT was not DICOM. */
    public DicomReference ctReference() {
        if (patient == null) {
            throw new IllegalStateException("readProblem() first");
        }
        return patient.ctReference();
    }

    /** A DICOM SPECT/PET is Bq/ml at its acquisition time; refused without the integration time. */
    private ActivityUnit dicomActivityUnit() {
        if (activityUnit != null && ActivityUnit.parse(activityUnit) != ActivityUnit.BQ_PER_ML) {
            throw new BadInputException(activity + " is DICOM, read as activity concentration in Bq/ml at its "
                    + "acquisition time; --activity-unit " + activityUnit + " does not apply to it");
        }
        if (tiaHours == null) {
            throw new BadInputException(activity + " is a DICOM SPECT or PET: activity concentration (Bq/ml) at its "
                    + "acquisition time, not time-integrated activity; give --tia-hours H, the effective "
                    + "integration time in hours");
        }
        notes.add("activity read from DICOM in Bq/ml at the acquisition time, integrated over " + tiaHours + " h");
        return ActivityUnit.BQ_PER_ML;
    }

    /** The report's context: the inputs as given and the notes of {@link #readProblem()}. */
    public RunContext context(String command) {
        if (unit == null) {
            throw new IllegalStateException("readProblem() first");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("CT", ct.toString());
        inputs.put("activity", activity + " (" + unit.label() + (tiaHours == null ? "" : ", x " + tiaHours + " h") + ")");
        if (labels != null) {
            inputs.put("labels", labels.toString());
        }
        if (rtstruct != null) {
            inputs.put("structures", rtstruct + (structures == null ? "" : " (" + String.join(", ", structures) + ")"));
        }
        inputs.putAll(patient.facts());
        calibrations.describe(inputs);
        return new RunContext(command, VersionProvider.version(), Instant.now(), inputs, notes, administered);
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
}
