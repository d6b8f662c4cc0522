package doseengine.cluster;

import doseengine.cli.DistributedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one Spark task needs to run part K of N, besides the broadcast inputs: the driver's command line, the
 * identity the parts record (its arguments and the inputs' digests) and the threads a task may use.
 *
 * @param args       the command line as given to the driver (run or demo, with --out)
 * @param identity   {@link DistributedRun#identity}, the driver's
 * @param parts      N
 * @param taskCpus   spark.task.cpus: the part's --threads unless the command line gives --threads
 */
record PartTask(List<String> args, String identity, int parts, int taskCpus) implements Serializable {
    /**
     * Runs part {@code k} on this executor: stages the inputs in a temporary folder, runs the part in memory (the
     * physics tables are built here, from the problem read from the staged inputs) and returns its exact state.
     */
    byte[] run(InputBundle inputs, int k) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("doseengine-part-" + k + "-of-" + parts + "-");
            DistributedRun driverLine = DistributedRun.parse(args);
            List<String> local = new ArrayList<>(driverLine.argsWith(inputs.stage(dir), dir.resolve("out")));
            if (!args.contains("--threads")) {
                local.add("--threads");
                local.add(Integer.toString(taskCpus));
            }
            PrintWriter log = new PrintWriter(System.err, true);
            return DistributedRun.runPart(local, k, parts, identity, log);
        } catch (IOException e) {
            throw new UncheckedIOException("part " + k + " of " + parts + ": no temporary folder", e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is the executor's to clean; the part's result stands
        }
    }
}
