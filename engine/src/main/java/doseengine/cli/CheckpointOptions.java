package doseengine.cli;

import doseengine.geometry.BadInputException;
import doseengine.transport.CheckpointSchedule;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --checkpoint-minutes}, {@code --resume} (and the hidden, test-only {@code --checkpoint-batches}) of the dose
 * commands that can be resumed ({@code run}, {@code demo}): see docs/cluster.md, "Checkpoint and resume".
 */
public final class CheckpointOptions {
    @Option(names = "--checkpoint-minutes", paramLabel = "M",
            description = "Save the run's state to DIR/checkpoint.dep (a part's to DIR/checkpoint-K-of-N.dep) every M "
                    + "minutes of transport, between batches, so that --resume can finish it after a crash (default "
                    + "5, fractions allowed; 0: never). Decay-count Monte Carlo runs only; a run shorter than M "
                    + "minutes saves none, and a finished run deletes its checkpoint.")
    String minutes;

    /** For tests, which need a checkpoint within a second: every B batches instead of every M minutes. */
    @Option(names = "--checkpoint-batches", paramLabel = "B", hidden = true,
            description = "For tests: save the state every B batches instead of every M minutes.")
    String batches;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish the run whose checkpoint is in DIR: give the same command line (same inputs, seed, "
                    + "decays and physics; --backend, --device and --threads may differ). Only the batches not done "
                    + "run; the outputs, written to DIR, are bit for bit those of an uninterrupted run.")
    Path resume;

    /** The folder of the checkpoint to resume, or null. */
    Path resumeDir() {
        return resume;
    }

    /** When to save; {@link CheckpointSchedule#OFF} when asked for 0. */
    CheckpointSchedule schedule() {
        if (batches != null) {
            int b = WholeNumber.parseInt("--checkpoint-batches", batches);
            if (b < 1) {
                throw new BadInputException("--checkpoint-batches must be >= 1, got " + b);
            }
            return CheckpointSchedule.everyBatches(b);
        }
        return CheckpointSchedule.everyMinutes(minutes == null ? CheckpointSchedule.DEFAULT_MINUTES
                : FiniteNumber.parse("--checkpoint-minutes", minutes));
    }

    /**
     * Refuses {@code --resume} of a run that has no checkpoints, before any file is read.
     *
     * @throws BadInputException for a target-uncertainty run or local energy deposition
     */
    void checkResumable(StopRule stop, TransportMethod method) {
        schedule();
        if (resume == null) {
            return;
        }
        if (stop instanceof StopRule.TargetUncertainty) {
            throw new BadInputException("--resume cannot finish a --target-uncertainty run: its batches depend on the "
                    + "run so far, so it keeps no checkpoints");
        }
        if (method == TransportMethod.LOCAL_DEPOSITION) {
            throw new BadInputException("--resume does not apply to --method led: it is computed exactly, there are no "
                    + "batches to resume");
        }
    }

    /**
     * The output folder: {@code --out}, or the folder of {@code --resume} when {@code --out} is not given; a resumed
     * run writes where its checkpoint is, so a different {@code --out} is refused.
     */
    Path outputFolder(Path out, CommandLine cl) {
        boolean outGiven = cl.getParseResult().hasMatchedOption("--out");
        if (resume == null) {
            if (out == null) {
                throw new BadInputException(cl.getCommandName() + " needs --out DIR, the output folder");
            }
            return out;
        }
        if (!outGiven || out == null) {
            return resume;
        }
        if (!out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
            throw new BadInputException("--out " + out + " and --resume " + resume + " differ: a resumed run writes to "
                    + "the folder of its checkpoint (leave --out out)");
        }
        return out;
    }
}
