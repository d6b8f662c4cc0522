package doseengine.cli;

import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.Uids;
import doseengine.io.OutputDirectory;
import doseengine.transport.DoseProblem;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.util.Map;
import java.nio.file.Path;
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
                + "report.html; with a DICOM CT (or --dicom-out) also dose.dcm and uncertainty.dcm (RT Dose).")
public final class RunCommand implements Callable<Integer>, SplittableCommand {
    /** Decays when neither --decays nor --target-uncertainty is given. */
    public static final long DEFAULT_DECAYS = PatientInputs.DEFAULT_DECAYS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PatientInputs inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (created; required unless --resume DIR).")
    Path out;

    @Option(names = "--dicom-out",
            description = "Also write dose.dcm and uncertainty.dcm (RT Dose) when the CT is not DICOM, with the CT as a "
                    + "DICOM series (ct_dicom/) and the labels as rtstruct.dcm, in a new study and frame of reference "
                    + "(a DICOM CT always gets the RT Dose files, in its own).")
    boolean dicomOut;

    @Mixin
    TransportOptions transport;

    @Mixin
    MethodOption method;

    @Mixin
    PartOption part;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() {
        return SplittableCommand.execute(spec.commandLine(), this, part, checkpoints, out);
    }

    @Override
    public String name() { return "run"; }

    @Override
    public StopRule stopRule() { return inputs.stopRule(); }

    @Override
    public TransportMethod method() { return method.method(); }

    @Override
    public TransportOptions transport() { return transport; }

    @Override
    public Map<String, Path> inputFiles() { return inputs.inputFiles(); }

    @Override
    public Prepared prepare() {
        DoseProblem problem = inputs.readProblem();
        DoseCommandSupport.DicomOutput dicom = null;
        if (inputs.ctReference() != null) {
            dicom = new DoseCommandSupport.DicomOutput(inputs.ctReference(), true);
        } else if (dicomOut) {
            dicom = new DoseCommandSupport.DicomOutput(DicomReference.anonymous(Uids.fresh(), Uids.fresh(),
                    "doseengine", "doseengine run"), false);
        }
        return new Prepared(problem, inputs.context("run"), dicom);
    }
}
