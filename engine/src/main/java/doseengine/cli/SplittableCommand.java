package doseengine.cli;

import doseengine.report.RunContext;
import doseengine.transport.DoseProblem;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
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
}
