package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.transport.RunPart;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import picocli.CommandLine.Option;

/** {@code --part K/N} of the dose commands that can be split ({@code run}, {@code demo}): see docs/cluster.md. */
public final class PartOption {
    @Option(names = "--part", paramLabel = "K/N",
            description = "Run only part K of N of the batches (same seed, same histories as the whole run) and "
                    + "write DIR/part-K-of-N.dep instead of the outputs; 'doseengine merge' sums the N parts into "
                    + "the outputs of the whole run, bit for bit.")
    String part;

    /**
     * The part asked for, or null; refused in one line for a run that cannot be split.
     *
     * @throws BadInputException for a target-uncertainty run, local energy deposition, or K outside 1..N
     */
    RunPart part(StopRule stop, TransportMethod method) {
        if (part == null) {
            return null;
        }
        RunPart p = RunPart.parse(part);
        if (stop instanceof StopRule.TargetUncertainty) {
            throw new BadInputException("--part cannot split a --target-uncertainty run: its batches depend on the "
                    + "run so far; give --decays N");
        }
        if (method == TransportMethod.LOCAL_DEPOSITION) {
            throw new BadInputException("--part does not apply to --method led: it is computed exactly, there are no "
                    + "batches to split");
        }
        return p;
    }
}
