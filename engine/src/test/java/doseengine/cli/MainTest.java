package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void helpListsTheSubcommands() {
        CliRunner.Outcome o = CliRunner.run("--help");
        assertEquals(0, o.exitCode());
        assertTrue(o.out().contains("devices"), o.out());
    }

    @Test
    void versionNamesTheProject() {
        CliRunner.Outcome o = CliRunner.run("--version");
        assertEquals(0, o.exitCode());
        assertTrue(o.out().startsWith("doseengine "), o.out());
        assertFalse(o.out().contains("unknown"), "version.properties was not filtered: " + o.out());
    }

    @Test
    void unknownSubcommandFailsWithoutStackTrace() {
        CliRunner.Outcome o = CliRunner.run("frobnicate");
        assertNotEquals(0, o.exitCode());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void devicesReportsOpenClOutcomeAndJavaFallback() {
        CliRunner.Outcome o = CliRunner.run("devices");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("OpenCL:"), o.out());
        // Either at least one device line "[0] ..." or the reason there is none; never an exception.
        assertTrue(o.out().contains("[0] ") || o.out().contains("none: "), o.out());
        assertTrue(o.out().matches("(?s).*Java fallback:\\s+\\d+ threads.*"), o.out());
    }
}
