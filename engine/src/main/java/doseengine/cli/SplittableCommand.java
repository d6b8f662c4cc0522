package doseengine.cli;

import doseengine.io.OutputDirectory;
import doseengine.report.RunContext;
import doseengine.transport.DoseProblem;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import picocli.CommandLine;
import java.nio.file.Path;
import java.util.Map;

/**
 * A dose command that can run in parts ({@code --part K/N}) and whose parts {@code merge} sums: merge parses the
 * command line stored in the parts again and asks the command for the same problem, context and settings.
 */
interface SplittableCommand {
    /** A problem ready to compute, with what the report says about it and where RT Dose goes (null: none). */
    record Prepared(DoseProblem problem, RunContext context, DoseCommandSupport.DicomOutput dicom) {}

    /** The command's name ("run", "demo"). */
    String name();

    /** The stop rule, checked (no file read). */
    StopRule stopRule();

    TransportMethod method();

    TransportOptions transport();

    /** The input files by option, as given (a DICOM folder is one entry), for their digests. */
    Map<String, Path> inputFiles();

    /** Reads the inputs into the problem (notes collected in the context). */
    Prepared prepare();

    /**
     * What {@code run} and {@code demo} do once parsed: a part of the run when {@code --part} is given, else the whole
     * run (resumed from its checkpoint with {@code --resume}), saving checkpoints as asked.
     */
    static int execute(CommandLine cl, SplittableCommand command, PartOption part, CheckpointOptions checkpoints,
                       Path out) {
        StopRule stop = command.stopRule();
        RunPart runPart = part.part(stop, command.method());
        checkpoints.checkResumable(stop, command.method());
        RunSettings settings = command.transport().settings(stop, command.method());
        Path outDir = checkpoints.outputFolder(out, cl);
        if (runPart != null) {
            return PartRunner.run(cl, command, settings, runPart, outDir, checkpoints);
        }
        // Inputs first: a refused input (or checkpoint) leaves nothing behind, not even the output folder.
        Prepared prepared = command.prepare();
        RunCheckpoints saved = RunCheckpoints.open(cl, command, checkpoints, prepared.problem(), settings, null, outDir);
        Path dir = OutputDirectory.prepare(outDir);
        int code = DoseCommandSupport.calculateAndReport(cl, prepared.problem(), settings, prepared.context(), dir,
                prepared.dicom(), saved);
        saved.finished();
        return code;
    }
}
