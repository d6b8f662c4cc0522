package doseengine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link SparkRun} on Spark's local mode with two executor threads: N parts as Spark tasks, summed and written on
 * the driver, equal the single-process run bit for bit; what cannot be split is refused in one line before Spark
 * starts.
 */
class SparkRunTest {
    /** The torso at 16 mm, 3 x 10^4 decays: 10 batches of 3000, so 3 parts of 3, 3 and 4 batches. */
    private static final List<String> DEMO = List.of("demo", "--voxel-mm", "16", "--decays", "3e4", "--seed", "7",
            "--backend", "java", "--threads", "1");
    /** organs.json fields that report how long the run took, not what it computed. */
    private static final List<String> TIMING = List.of("started", "seconds", "setup_seconds", "decays_per_second");

    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {}

    private static Outcome spark(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("SparkRunTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        int code = SparkRun.execute(conf, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static List<String> with(List<String> base, String... extra) {
        List<String> all = new ArrayList<>(base);
        all.addAll(Arrays.asList(extra));
        return all;
    }

    private static JsonNode numbers(Path dir) throws IOException {
        ObjectNode j = (ObjectNode) new ObjectMapper().readTree(dir.resolve("organs.json").toFile());
        TIMING.forEach(j::remove);
        return j;
    }

    @Test
    void threeSparkTasksEqualTheSingleRunBitForBit() throws IOException {
        Path whole = tmp.resolve("whole");
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute(with(DEMO, "--out", whole.toString()).toArray(String[]::new)), err::toString);

        Path viaSpark = tmp.resolve("spark");
        long t0 = System.nanoTime();
        Outcome o = spark(with(DEMO, "--parts", "3", "--out", viaSpark.toString()));
        System.out.printf("SparkRun, 3 parts on local[2]: %.1f s%n%s%n", (System.nanoTime() - t0) / 1e9, o.err());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("3 parts run on Spark"), o.err());
        assertTrue(o.err().contains("merged 3 parts of 10 batches"), o.err());
        for (String f : List.of("dose.nii.gz", "uncertainty.nii.gz")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(viaSpark.resolve(f)), f);
        }
        assertEquals(numbers(whole), numbers(viaSpark));
    }

    @Test
    void refusesWhatCannotBeSplitInOneLineWithoutOutputs() {
        Path out = tmp.resolve("refused");
        Outcome part = spark(with(DEMO, "--part", "1/3", "--parts", "3", "--out", out.toString()));
        assertEquals(2, part.code());
        assertTrue(part.err().startsWith("error: --part K/N runs one part; --parts N runs all"), part.err());
        Outcome target = spark(List.of("run", "--ct", "ct.nii.gz", "--activity", "spect.nii.gz",
                "--nuclide", "Lu-177", "--target-uncertainty", "0.05", "--target-label", "liver", "--labels", "labels.nii.gz", "--parts", "3", "--out", out.toString()));
        assertEquals(2, target.code(), target.err());
        assertTrue(target.err().contains("--target-uncertainty cannot be split"), target.err());
        Outcome noParts = spark(with(DEMO, "--out", out.toString()));
        assertEquals(2, noParts.code());
        assertTrue(noParts.err().contains("give --parts N"), noParts.err());
        for (Outcome x : List.of(part, target, noParts)) {
            assertEquals(1, x.err().strip().lines().count(), x.err());
        }
        assertFalse(Files.exists(out));
    }
}
