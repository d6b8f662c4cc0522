package doseengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import doseengine.io.OutputDirectory;
import doseengine.split.InputDigests;
import doseengine.split.PartFile;
import doseengine.split.PartSet;
import doseengine.tally.VoxelBatchTally;
import doseengine.transport.BackendChoice;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code doseengine merge PART... --out DIR}: sums the part files of a split run ({@code run}/{@code demo}
 * {@code --part K/N}) into the outputs the whole run writes, bit for bit (docs/cluster.md).
 *
 * <p>Every check comes before anything is written: the parts belong together ({@link PartSet}), the command line
 * they keep parses again, the inputs it names still have the digests the parts recorded, and the problem read from
 * them has the parts' grid and labels. Any failure is one line, exit 2, and no output folder.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sum the part files of a run split with --part K/N into the outputs of the whole run (the same "
                + "files as 'run' or 'demo' writes, bit for bit).")
public final class MergeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PART", description = "The part files (part-K-of-N.dep), all N of them, "
            + "in any order.")
    List<Path> parts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Override
    public Integer call() {
        List<PartFile.Part> read = new ArrayList<>();
        for (Path p : parts) {
            read.add(PartFile.read(p));
        }
        PartSet set = PartSet.of(read);
        List<JsonNode> headers = new ArrayList<>();
        set.parts().forEach(p -> headers.add(p.part()));
        return merge(set.run(), headers, set::addTo);
    }

    /**
     * Checks and writes the sum of the parts whose {@code run} header and part headers are given ({@code fill} adds
     * their exact sums into the whole run's tally): what this command does once the parts are read, and what a
     * distributed runner that sums the parts in memory does ({@link DistributedRun}).
     */
    int merge(JsonNode run, List<JsonNode> partHeaders, Consumer<VoxelBatchTally> fill) {
        SplittableCommand command = reparse(run);
        String changed = changedInput(run.get("inputs"), command);
        if (changed != null) {
            throw new BadInputException(changed);
        }
        StopRule stop = command.stopRule();
        RunSettings settings = command.transport().settingsWithBackend(stop, command.method(), backend(partHeaders));
        SplittableCommand.Prepared prepared = command.prepare();
        DoseProblem problem = prepared.problem();
        requireSameProblem(run, problem);
        DoseCommandSupport.announce(spec.commandLine(), problem, settings, prepared.context());
        VoxelBatchTally tally = VoxelBatchTally.exact(problem.grid(), problem.labels());
        fill.accept(tally);
        int threads = 0;
        double seconds = 0, setup = 0;
        for (JsonNode p : partHeaders) {
            threads = Math.max(threads, p.get("threads").asInt());
            seconds += p.get("seconds").asDouble();
            setup += p.get("setup_seconds").asDouble();
        }
        DoseResult r = DoseCalculation.merged(problem, settings, tally, threads, seconds, setup);
        Path dir = OutputDirectory.prepare(out);
        spec.commandLine().getErr().printf("merged %d parts of %d batches%n", partHeaders.size(), tally.batches());
        return DoseCommandSupport.report(spec.commandLine(), problem, settings, prepared.context(), dir, r,
                prepared.dicom());
    }

    /** The command of the parts, parsed again from the arguments they keep, with this merge's --out. */
    private SplittableCommand reparse(JsonNode run) {
        String name = run.get("command").asText();
        SplittableCommand command = switch (name) {
            case "run" -> new RunCommand();
            case "demo" -> new DemoCommand();
            default -> throw new BadInputException("the parts come from '" + name + "', which merge does not know");
        };
        List<String> args = new ArrayList<>();
        run.get("args").forEach(a -> args.add(a.asText()));
        args.add("--out");
        args.add(out.toString());
        CommandLine cl = new CommandLine(command);
        WholeNumber.register(cl);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException("the command line of the parts ('" + name + " " + String.join(" ", args)
                    + "') no longer parses: " + e.getMessage().strip().lines().findFirst().orElse(""));
        }
        return command;
    }

    /** A line naming the first input whose digest differs from the parts', or null. */
    private static String changedInput(JsonNode recorded, SplittableCommand command) {
        JsonNode now = InputDigests.of(command.inputFiles());
        for (int i = 0; i < Math.max(recorded.size(), now.size()); i++) {
            JsonNode a = recorded.get(i), b = now.get(i);
            if (a == null || b == null || !a.get("option").equals(b.get("option"))
                    || !a.get("path").equals(b.get("path"))) {
                return "the inputs differ from those of the parts (" + (a == null ? b : a).get("option").asText()
                        + ")";
            }
            if (!a.get("sha256").equals(b.get("sha256"))) {
                return b.get("path").asText() + " (" + b.get("option").asText() + ") changed since the parts ran: its "
                        + "SHA-256 is " + b.get("sha256").asText() + ", the parts read " + a.get("sha256").asText();
            }
        }
        return null;
    }

    private static void requireSameProblem(JsonNode run, DoseProblem p) {
        VoxelGrid g = p.grid();
        JsonNode grid = run.get("grid");
        if (grid.get(0).asInt() != g.nx() || grid.get(1).asInt() != g.ny() || grid.get(2).asInt() != g.nz()) {
            throw new BadInputException("the inputs now give a " + g.nx() + "x" + g.ny() + "x" + g.nz() + " grid, the "
                    + "parts were run on " + grid);
        }
        List<String> names = new ArrayList<>();
        run.get("label_names").forEach(n -> names.add(n.asText()));
        List<String> now = p.labels() == null ? List.of() : List.copyOf(p.labels().names().values());
        if (!names.equals(now)) {
            throw new BadInputException("the inputs now give the labels " + now + ", the parts were run with " + names);
        }
    }

    /** The backend of the parts when they all ran on one, else a description of the mix. */
    private static BackendChoice.Resolved backend(List<JsonNode> partHeaders) {
        Set<String> names = new LinkedHashSet<>(), devices = new LinkedHashSet<>();
        int openCl = -1;
        for (JsonNode p : partHeaders) {
            JsonNode b = p.get("backend");
            names.add(b.get("name").asText());
            devices.add(b.get("device").asText());
            openCl = b.get("opencl_device").asInt();
        }
        if (names.size() == 1 && devices.size() == 1) {
            return new BackendChoice.Resolved(names.iterator().next(), devices.iterator().next(), null, openCl, false);
        }
        return new BackendChoice.Resolved(String.join("+", names), String.join("; ", devices), null, -1, false);
    }
}
