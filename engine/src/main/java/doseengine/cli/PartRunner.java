package doseengine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.PhysicsVersion;
import doseengine.split.InputDigests;
import doseengine.split.PartFile;
import doseengine.split.PartHeader;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.PartRun;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs one part of a split run ({@code --part K/N}) and writes its part file ({@link PartFile}) instead of the
 * outputs. The part file's header keeps the command line (less {@code --part} and {@code --out}) so that
 * {@code merge} reads the same problem again, and the inputs' SHA-256 so that it notices a changed file.
 */
final class PartRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Options that may differ between the parts of one run (where each part runs, on which backend and device, with
     * how many threads: none of them changes a history's random numbers), or between a part and the merge.
     */
    private static final Set<String> PART_OPTIONS = Set.of("--part", "--out", "--backend", "--device", "--threads",
            "--checkpoint-minutes", "--checkpoint-batches", "--resume");

    private PartRunner() {}

    /** A part run in memory: its part file's header ({@code format}, {@code run}, {@code part}) and its run. */
    record Ran(ObjectNode header, PartRun run) {}

    static int run(CommandLine cl, SplittableCommand command, RunSettings settings, RunPart part, Path outDir,
                   CheckpointOptions checkpointOptions) {
        SplittableCommand.Prepared prepared = command.prepare();
        DoseProblem problem = prepared.problem();
        RunCheckpoints checkpoints = RunCheckpoints.open(cl, command, checkpointOptions, problem, settings, part,
                outDir);
        DoseCommandSupport.announce(cl, problem, settings, prepared.context());
        checkpoints.announce();
        PrintWriter err = cl.getErr();
        PartRun r = DoseCalculation.runPart(problem, settings, part, new ProgressPrinter(err),
                checkpoints.checkpointing(problem));
        ObjectNode header = JSON.createObjectNode();
        header.put("format", PartFile.FORMAT);
        header.set("run", checkpoints.run());
        header.set("part", PartHeader.of(r, r.endBatch(), checkpoints.earlierBatches()));
        Path file = outDir.resolve(part.fileName());
        PartFile.write(file, header, r.tally());
        checkpoints.finished();
        PrintWriter out = cl.getOut();
        out.printf(Locale.ROOT, "wrote %s: part %s, batches %d..%d of %d (%,d decays of %,d), seed %d, %s%n", file, part,
                r.firstBatch(), r.endBatch() - 1, r.plan().maxBatches(), r.outcome().decays(), r.plan().maxDecays(),
                settings.seed(), r.settings().backend().device());
        out.printf(Locale.ROOT, "when all %d parts are done: doseengine merge %s --out OUTDIR%n", part.n(),
                outDir.resolve("part-*-of-" + part.n() + ".dep"));
        out.flush();
        return 0;
    }

    /**
     * Reads the problem, runs the part's batches and builds the header of its part file; writes nothing (a Spark
     * task's part, which travels as bytes). No checkpoints: a failed task is simply run again.
     */
    static Ran runInMemory(CommandLine cl, SplittableCommand command, RunSettings settings, RunPart part) {
        SplittableCommand.Prepared prepared = command.prepare();
        DoseProblem problem = prepared.problem();
        DoseCommandSupport.announce(cl, problem, settings, prepared.context());
        ObjectNode run = runHeader(cl, command, problem, settings);
        PartRun r = DoseCalculation.runPart(problem, settings, part, new ProgressPrinter(cl.getErr()));
        run.put("batches", r.plan().maxBatches());
        run.put("decays_per_batch", r.plan().decaysPerBatch(0));
        ObjectNode header = JSON.createObjectNode();
        header.put("format", PartFile.FORMAT);
        header.set("run", run);
        header.set("part", PartHeader.of(r, r.endBatch(), null));
        return new Ran(header, r);
    }

    /** What every part of the run shares; merge refuses parts whose {@code run} headers differ. */
    static ObjectNode runHeader(CommandLine cl, SplittableCommand command, DoseProblem p, RunSettings s) {
        ObjectNode run = JSON.createObjectNode();
        run.put("physics", PhysicsVersion.ID);
        run.put("version", VersionProvider.version());
        run.put("command", command.name());
        ArrayNode args = run.putArray("args");
        commandArgs(cl).forEach(args::add);
        run.set("inputs", InputDigests.of(command.inputFiles()));
        run.put("seed", s.seed());
        run.put("decays", s.stop().maxDecays());
        run.put("method", s.method().key());
        run.put("electron_cutoff_MeV", s.parameters().electronCutoffMeV());
        run.put("photon_cutoff_MeV", s.parameters().photonCutoffMeV());
        VoxelGrid g = p.grid();
        run.putArray("grid").add(g.nx()).add(g.ny()).add(g.nz());
        run.put("voxels", g.voxelCount());
        ArrayNode names = run.putArray("label_names");
        if (p.labels() != null) {
            p.labels().names().values().forEach(names::add);
        }
        return run;
    }

    /** The command's options as given, less those that may differ between parts ({@link #PART_OPTIONS}). */
    static List<String> commandArgs(CommandLine cl) {
        List<String> args = new ArrayList<>();
        for (OptionSpec o : cl.getParseResult().matchedOptions()) {
            if (PART_OPTIONS.contains(o.longestName())) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String v : o.originalStringValues()) {
                args.add(o.longestName());
                args.add(v);
            }
        }
        return args;
    }
}
