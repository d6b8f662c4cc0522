package doseengine.validation.cli;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help of every command, the validation commands included, prints cleanly: exit 0, its usage, and no picocli
 * warning (a description with a lone '%' is a format error that picocli reports on standard error).
 */
class HelpTextTest {
    @Test
    void everyCommandsHelpPrintsWithoutWarnings() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertTrue(commands.size() >= 10, "commands found: " + commands);
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (List<String> path : commands) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CommandLine cl = Main.commandLine();
                StringWriter out = new StringWriter();
                cl.setOut(new PrintWriter(out));
                int code = cl.execute(args.toArray(String[]::new));
                assertEquals(0, code, String.join(" ", args));
                assertTrue(out.toString().contains("Usage:"), String.join(" ", args) + ": " + out);
                assertFalse(out.toString().contains("%n") || out.toString().contains("%%"),
                        "unformatted text in " + args + ": " + out);
            }
        } finally {
            System.setErr(stderr);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            path.add(e.getKey());
            collect(e.getValue(), path, into);
            path.remove(path.size() - 1);
        }
    }
}
