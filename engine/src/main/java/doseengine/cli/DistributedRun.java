package doseengine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.split.InputDigests;
import doseengine.split.PartSum;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A {@code run} or {@code demo} command line to be run as N parts by a scheduler that moves the parts' state in
 * memory (the Spark driver of the {@code cluster} module) rather than as part files: the same parts as
 * {@code --part K/N} ({@link PartRunner}) and the same writing of the outputs as {@code merge}
 * ({@link MergeCommand#merge}), so that the result is the whole run's, bit for bit.
 *
 * <p>The driver parses the command line ({@link #parse}), ships {@link #identity} and the input files to the
 * workers; a worker runs its part with {@link #runPart} on its copy of the inputs; the driver sums the parts
 * ({@link PartSum#plus}) and writes the outputs with {@link #writeOutputs}.
 */
public final class DistributedRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandLine cl;
    private final SplittableCommand command;

    private DistributedRun(CommandLine cl, SplittableCommand command) {
        this.cl = cl;
        this.command = command;
    }

    /**
     * Parses {@code run ARGS... --out DIR} or {@code demo ARGS... --out DIR}; refuses, in one line, what cannot be
     * split: {@code --part} (the runner makes the parts), {@code --target-uncertainty} (its batches depend on the
     * run so far) and {@code --method led} (nothing is sampled).
     */
    public static DistributedRun parse(List<String> args) {
        if (args.isEmpty()) {
            throw new BadInputException("give the command to run: run ARGS... or demo ARGS...");
        }
        SplittableCommand command = switch (args.get(0)) {
            case "run" -> new RunCommand();
            case "demo" -> new DemoCommand();
            default -> throw new BadInputException("'" + args.get(0) + "' cannot be run in parts: give run or demo");
        };
        CommandLine cl = new CommandLine(command);
        WholeNumber.register(cl);
        try {
            cl.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new BadInputException(args.get(0) + ": " + String.valueOf(e.getMessage()).strip().lines().findFirst()
                    .orElse(""));
        }
        if (cl.getParseResult().hasMatchedOption("--part")) {
            throw new BadInputException("--part K/N runs one part; --parts N runs all of them: give one or the other");
        }
        if (command.stopRule() instanceof StopRule.TargetUncertainty) {
            throw new BadInputException("--target-uncertainty cannot be split into parts: its batches depend on the "
                    + "run so far; give --decays N");
        }
        if (command.method() == TransportMethod.LOCAL_DEPOSITION) {
            throw new BadInputException("--method led cannot be split into parts: it is computed exactly, there are "
                    + "no batches to split");
        }
        return new DistributedRun(cl, command);
    }

    /** The input files by option, as given (a DICOM folder is one entry; the activity's metadata file beside it). */
    public Map<String, Path> inputFiles() {
        return command.inputFiles();
    }

    /** The output folder ({@code --out}). */
    public Path out() {
        return cl.getParseResult().matchedOptionValue("--out", null);
    }

    /**
     * What the parts must record as theirs, whatever copy of the inputs they read: the command's arguments as
     * given and the inputs' digests (the {@code args} and {@code inputs} of a part file's {@code run} header), as
     * JSON.
     */
    public String identity() {
        ObjectNode id = JSON.createObjectNode();
        id.set("args", JSON.valueToTree(PartRunner.commandArgs(cl)));
        id.set("inputs", InputDigests.of(command.inputFiles()));
        return id.toString();
    }

    /**
     * The command line with the inputs read from elsewhere (each option of {@link #inputFiles} given here: a copy
     * of the files on a worker) and another {@code --out}.
     */
    public List<String> argsWith(Map<String, Path> inputs, Path outDir) {
        List<String> args = new ArrayList<>();
        args.add(command.name());
        for (OptionSpec o : cl.getParseResult().matchedOptions()) {
            if (o.longestName().equals("--out")) {
                continue;
            }
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            Path replaced = null;
            for (String name : o.names()) {
                replaced = replaced != null ? replaced : inputs.get(name);
            }
            for (String v : o.originalStringValues()) {
                args.add(o.longestName());
                args.add(replaced != null ? replaced.toString() : v);
            }
        }
        args.add("--out");
        args.add(outDir.toString());
        return args;
    }

    /**
     * Runs part {@code k} of {@code n} of {@code args} (a command line of {@link #argsWith}) in memory and returns
     * its exact state ({@link PartSum#toBytes}), recording {@code identity} (the driver's) as its command and inputs.
     * Refused in one line when this copy of an input differs from what the driver read.
     */
    public static byte[] runPart(List<String> args, int k, int n, String identity, PrintWriter log) {
        DistributedRun d = parse(args);
        d.cl.setOut(log);
        d.cl.setErr(log);
        StopRule stop = d.command.stopRule();
        RunSettings settings = d.command.transport().settings(stop, d.command.method());
        PartRunner.Ran ran = PartRunner.runInMemory(d.cl, d.command, settings, new RunPart(k, n));
        ObjectNode run = (ObjectNode) ran.header().get("run");
        JsonNode id = readJson(identity);
        JsonNode here = run.get("inputs"), driver = id.get("inputs");
        for (int i = 0; i < Math.max(here.size(), driver.size()); i++) {
            JsonNode a = here.get(i), b = driver.get(i);
            if (a == null || b == null || !a.get("option").equals(b.get("option"))) {
                throw new BadInputException("part " + k + " of " + n + " read other inputs than the driver");
            }
            if (!a.get("sha256").equals(b.get("sha256"))) {
                throw new BadInputException("part " + k + " of " + n + ": the copy of " + b.get("path").asText() + " ("
                        + b.get("option").asText() + ") has SHA-256 " + a.get("sha256").asText() + ", the driver read "
                        + b.get("sha256").asText());
            }
        }
        run.set("args", id.get("args"));
        run.set("inputs", driver);
        return PartSum.of(ran.header(), ran.run().tally()).toBytes();
    }

    /**
     * Writes the outputs of the whole run from the exact sum of all its parts, as {@code merge} does (the inputs
     * read again from where this command line names them, checked against the digests the parts recorded), into
     * {@link #out}. Returns the exit code.
     */
    public int writeOutputs(byte[] sum, PrintWriter out, PrintWriter err) {
        PartSum s = PartSum.fromBytes(sum);
        s.requireWhole();
        MergeCommand merge = new MergeCommand();
        CommandLine mcl = new CommandLine(merge);
        mcl.setOut(out);
        mcl.setErr(err);
        merge.out = out();
        return merge.merge(s.run(), s.parts(), s::addTo);
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
