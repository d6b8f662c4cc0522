package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeNumberTest {
    @TempDir
    Path tmp;

    @Test
    void countsAreReadAsPhysicistsWriteThem() {
        assertEquals(1_000_000, WholeNumber.parseLong("--decays", "1000000"));
        assertEquals(1_000_000, WholeNumber.parseLong("--decays", "1e6"));
        assertEquals(1_000_000, WholeNumber.parseLong("--decays", "1E6"));
        assertEquals(250_000, WholeNumber.parseLong("--decays", "2.5e5"));
        assertEquals(1_000_000, WholeNumber.parseLong("--decays", "1_000_000"));
        assertEquals(100_000_000, WholeNumber.parseLong("--decays", "1.0e8"));
        assertEquals(-3, WholeNumber.parseLong("--seed", "-3"));
        assertEquals(8, WholeNumber.parseInt("--threads", "8"));
    }

    @Test
    void whatIsNotAWholeNumberIsRefusedNeverRounded() {
        for (String s : new String[] {"1.5", "1e-3", "2.5e0", "many", "", "1e", "0x10"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> WholeNumber.parseLong("--decays", s), s);
            assertEquals("--decays '" + s + "' is not a whole number", e.getMessage());
        }
        assertTrue(assertThrows(BadInputException.class, () -> WholeNumber.parseLong("--decays", "1e30"))
                .getMessage().endsWith("is too large"));
        assertTrue(assertThrows(BadInputException.class, () -> WholeNumber.parseLong("--decays", "1e999999999"))
                .getMessage().endsWith("is too large"));
        assertTrue(assertThrows(BadInputException.class, () -> WholeNumber.parseInt("--threads", "3e9"))
                .getMessage().endsWith("is too large"));
    }

    /** Every count option of every command takes the same spellings: here run, demo and bench. */
    @Test
    void theCommandLineTakesExponentsAndNamesTheOptionOfABadOne() {
        CliRunner.Outcome demo = CliRunner.run("demo", "--out", tmp.resolve("d").toString(), "--voxel-mm", "20",
                "--decays", "1e3", "--backend", "java", "--threads", "2");
        assertEquals(0, demo.exitCode(), demo.err());
        assertTrue(demo.err().contains("done: 1,000 decays"), demo.err());
        CliRunner.Outcome bad = CliRunner.run("demo", "--out", tmp.resolve("e").toString(), "--decays", "1.5e2.5");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("--decays"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
