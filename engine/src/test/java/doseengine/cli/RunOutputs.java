package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the tests of runs that must equal one another bit for bit share (a split run merged, a killed run resumed):
 * command lines built from a base, a run that must succeed, and the outputs compared without their timings.
 */
final class RunOutputs {
    /** The organs.json fields that measure the run's time, not its result. */
    static final List<String> TIMING = List.of("started", "seconds", "setup_seconds", "decays_per_second");

    private RunOutputs() {}

    static String[] with(String[] base, String... extra) {
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** Runs the command line in-process; exit 0 or a failure that shows the command and its standard error. */
    static CliRunner.Outcome ok(String... args) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(0, o.exitCode(), () -> String.join(" ", args) + "\n" + o.err());
        return o;
    }

    /** organs.json without its timing fields. */
    static JsonNode numbers(Path dir) throws IOException {
        ObjectNode j = (ObjectNode) new ObjectMapper().readTree(dir.resolve("organs.json").toFile());
        TIMING.forEach(j::remove);
        return j;
    }

    /** The same dose and uncertainty bytes and the same organ numbers. */
    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected.resolve("dose.nii.gz")),
                Files.readAllBytes(actual.resolve("dose.nii.gz")), "dose.nii.gz");
        assertArrayEquals(Files.readAllBytes(expected.resolve("uncertainty.nii.gz")),
                Files.readAllBytes(actual.resolve("uncertainty.nii.gz")), "uncertainty.nii.gz");
        assertEquals(numbers(expected), numbers(actual), "organs.json");
    }
}
