package doseengine.cluster;

import doseengine.cli.DistributedRun;
import doseengine.geometry.BadInputException;
import doseengine.split.PartSum;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark driver of a split run:
 * {@code spark-submit --class doseengine.cluster.SparkRun cluster.jar run ARGS... --parts N --out DIR}.
 *
 * <p>It parses the {@code run} (or {@code demo}) command line as the engine does, reads the input files once and
 * broadcasts their bytes, runs part K of N in task K (one RDD partition per part, the same batches and random
 * numbers as {@code run --part K/N}), sums the parts' exact states ({@link PartSum#plus}: 128-bit integer sums, so
 * any grouping Spark chooses gives the same numbers) and writes on the driver what one {@code run} with the same
 * seed and decays writes, with the code of {@code merge}. See docs/cluster.md, "Apache Spark".
 */
public final class SparkRun {
    private SparkRun() {}

    public static void main(String[] args) {
        System.exit(execute(new SparkConf().setAppName("doseengine"), List.of(args),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line on the Spark that {@code conf} names; returns the exit code (0; 2 for bad input, in one
     * line on {@code err}; 1 for a failure of ours or of Spark's).
     */
    public static int execute(SparkConf conf, List<String> args, PrintWriter out, PrintWriter err) {
        try {
            return run(conf, args, out, err);
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            BadInputException bad = badInput(e);
            if (bad != null) {
                err.println("error: " + bad.getMessage());
                return 2;
            }
            err.println("error: " + firstLine(e));
            if (System.getenv("DOSEENGINE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            err.flush();
            out.flush();
        }
    }

    private static int run(SparkConf conf, List<String> args, PrintWriter out, PrintWriter err) {
        List<String> line = new ArrayList<>(args);
        int parts = takeParts(line);
        DistributedRun run = DistributedRun.parse(line);
        String identity = run.identity();
        InputBundle inputs = InputBundle.read(run.inputFiles());
        long t0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            PartTask task = new PartTask(List.copyOf(line), identity, parts, sc.getConf().getInt("spark.task.cpus", 1));
            Broadcast<InputBundle> shared = sc.broadcast(inputs);
            List<Integer> ks = IntStream.rangeClosed(1, parts).boxed().toList();
            JavaRDD<byte[]> states = sc.parallelize(ks, parts).map(k -> task.run(shared.value(), k));
            // Partial sums on the executors where there are enough parts, the last ones on the driver; the sums are
            // exact integers, so the tree Spark picks does not change a bit.
            byte[] sum = states.treeReduce((a, b) -> PartSum.fromBytes(a).plus(PartSum.fromBytes(b)).toBytes());
            err.printf(Locale.ROOT, "%d parts run on Spark (%s) in %.1f s; inputs broadcast: %,d bytes%n", parts,
                    sc.master(), (System.nanoTime() - t0) / 1e9, inputs.bytes());
            shared.destroy();
            return run.writeOutputs(sum, out, err);
        }
    }

    /** Removes {@code --parts N} (or {@code --parts=N}) from the line and returns N. */
    static int takeParts(List<String> line) {
        Integer n = null;
        for (int i = 0; i < line.size(); i++) {
            String w = line.get(i);
            String value = null;
            if (w.equals("--parts")) {
                if (i + 1 >= line.size()) {
                    throw new BadInputException("--parts needs a number of parts");
                }
                value = line.remove(i + 1);
            } else if (w.startsWith("--parts=")) {
                value = w.substring("--parts=".length());
            } else {
                continue;
            }
            line.remove(i--);
            if (n != null) {
                throw new BadInputException("--parts is given twice");
            }
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--parts must be a whole number, got '" + value + "'");
            }
            if (n < 1) {
                throw new BadInputException("--parts must be at least 1, got " + n);
            }
        }
        if (n == null) {
            throw new BadInputException("give --parts N, the number of Spark tasks to split the run into");
        }
        return n;
    }

    private static BadInputException badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadInputException b) {
                return b;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }
}
