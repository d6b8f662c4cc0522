package doseengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.split.CheckpointFile;
import doseengine.split.PartFile;
import doseengine.transport.BatchPlan;
import doseengine.transport.CheckpointSchedule;
import doseengine.transport.Checkpointing;
import doseengine.transport.DoseProblem;
import doseengine.transport.PartRun;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The checkpoints of one run or part of {@code run}/{@code demo}: the file they go to, the run header they carry
 * (that of a part file, so that {@code --resume} checks the command line given against it), and the checkpoint
 * resumed from. Target-uncertainty runs and local energy deposition have none.
 */
final class RunCheckpoints {
    private final Path file;
    /** The run header, made on first use: digesting the inputs costs a read of them, which a short run never needs. */
    private final java.util.function.Supplier<ObjectNode> header;
    private ObjectNode run;
    private final PartFile.Part resumed;
    private final CheckpointSchedule schedule;
    private final PrintWriter err;
    /** Said once the run's own checks have passed: where the checkpoints go, or why there are none. */
    private String note;
    private boolean warned;

    private RunCheckpoints(Path file, java.util.function.Supplier<ObjectNode> header, PartFile.Part resumed,
                           CheckpointSchedule schedule, PrintWriter err) {
        this.file = file;
        this.header = header;
        this.resumed = resumed;
        this.schedule = schedule;
        this.err = err;
    }

    /**
     * Opens the checkpoints of a run or part ({@code part} null: the whole run) whose outputs go to {@code outDir}.
     * With {@code --resume} it reads the checkpoint and refuses, in one line, one of another run (the first field
     * that differs), of another part, or damaged. Prints a note saying where the checkpoints go, or why there are
     * none.
     */
    static RunCheckpoints open(CommandLine cl, SplittableCommand command, CheckpointOptions options,
                               DoseProblem problem, RunSettings settings, RunPart part, Path outDir) {
        PrintWriter err = cl.getErr();
        options.checkResumable(settings.stop(), settings.method());
        CheckpointSchedule schedule = options.schedule();
        if (settings.method() == TransportMethod.LOCAL_DEPOSITION) {
            return new RunCheckpoints(null, null, null, CheckpointSchedule.OFF, err);
        }
        if (settings.stop() instanceof StopRule.TargetUncertainty) {
            if (!schedule.isOff()) {
                return new RunCheckpoints(null, null, null, CheckpointSchedule.OFF, err).saying("note: no checkpoints: "
                        + "a --target-uncertainty run cannot be resumed (its batches depend on the run so far)");
            }
            return new RunCheckpoints(null, null, null, CheckpointSchedule.OFF, err);
        }
        BatchPlan plan = BatchPlan.of(settings.stop(), problem.grid().voxelCount());
        java.util.function.Supplier<ObjectNode> now = () -> {
            ObjectNode h = PartRunner.runHeader(cl, command, problem, settings);
            h.put("batches", plan.maxBatches());
            h.put("decays_per_batch", plan.decaysPerBatch(0));
            return h;
        };
        String name = CheckpointFile.fileName(part);
        Path resumeDir = options.resumeDir();
        if (resumeDir == null) {
            RunCheckpoints c = new RunCheckpoints(outDir.resolve(name), now, null, schedule, err);
            return schedule.isOff() ? c : c.saying("note: checkpoints " + when(schedule) + " to "
                    + outDir.resolve(name) + " (--resume " + outDir + " finishes the run after a crash)");
        }
        Path f = resumeDir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new BadInputException(f + ": no checkpoint to resume" + othersIn(resumeDir));
        }
        PartFile.Part cp = CheckpointFile.read(f);
        String cpPart = CheckpointFile.part(cp);
        String diff = CheckpointFile.difference(cp.run(), now.get());
        if (diff != null) {
            throw new BadInputException(f + " is the checkpoint of another run: " + diff);
        }
        if (!String.valueOf(cpPart).equals(String.valueOf(part == null ? null : part.toString()))) {
            throw new BadInputException(f + " is the checkpoint of " + (cpPart == null ? "the whole run" : "part "
                    + cpPart) + ", not of " + (part == null ? "the whole run" : "part " + part));
        }
        // The recorded header, not the one of this command line: the same run, with its options in its own order.
        return new RunCheckpoints(f, () -> (ObjectNode) cp.run(), cp, schedule, err).saying(String.format(Locale.ROOT,
                "resuming %s: batches %d..%d of %d done, running %d..%d", f, cp.firstBatch(), cp.endBatch() - 1,
                plan.maxBatches(), cp.endBatch(),
                (part == null ? plan.maxBatches() : part.endBatch(plan.maxBatches())) - 1));
    }

    private RunCheckpoints saying(String line) {
        this.note = line;
        return this;
    }

    /** Prints the note, after the run's own notes and checks: a refusal stays one line. */
    void announce() {
        if (note != null) {
            err.println(note);
            err.flush();
        }
    }

    private static String when(CheckpointSchedule s) {
        return s.batches() > 0 ? "every " + s.batches() + " batches"
                : String.format(Locale.ROOT, "every %s minutes", new java.math.BigDecimal(Double.toString(s.minutes()))
                        .stripTrailingZeros().toPlainString());
    }

    /** Names the checkpoints a folder holds, for a refusal that looked for another. */
    private static String othersIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            String names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("checkpoint") && n.endsWith(".dep")).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse(null);
            return names == null ? " (the run finished, or saved none)" : " (the folder holds " + names
                    + ": give the --part it names)";
        } catch (IOException e) {
            return "";
        }
    }

    /** The run header of the run's part files and checkpoints; null without checkpoints. */
    ObjectNode run() {
        if (run == null && header != null) {
            run = header.get();
        }
        return run;
    }

    /** Per-batch records of the batches resumed from (part.batches of the checkpoint), or null. */
    JsonNode earlierBatches() {
        return resumed == null ? null : resumed.part().get("batches");
    }

    /** What the calculation resumes from and how it saves. */
    Checkpointing checkpointing(DoseProblem problem) {
        if (file == null) {
            return Checkpointing.NONE;
        }
        return new Checkpointing(resumed == null ? null : CheckpointFile.tally(resumed, problem.grid(), problem.labels()),
                resumed == null ? 0 : CheckpointFile.seconds(resumed), schedule, this::save);
    }

    /** Saves a state; a failure (a full disk) is a warning, once: the run goes on without its checkpoint. */
    private void save(PartRun state) {
        try {
            CheckpointFile.write(file, run(), state, earlierBatches());
        } catch (BadInputException e) {
            if (!warned) {
                err.println("warning: " + e.getMessage() + "; the run goes on without checkpoints");
                err.flush();
                warned = true;
            }
        }
    }

    /** The run's outputs (or part file) are written: its checkpoint has served. */
    void finished() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            err.println("warning: " + file + ": cannot delete the checkpoint of the finished run: " + e.getMessage());
        }
    }
}
