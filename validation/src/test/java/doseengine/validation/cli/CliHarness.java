package doseengine.validation.cli;

import doseengine.cli.Main;
import doseengine.geometry.BadInputException;
import doseengine.validation.run.BenchmarkRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs command lines in-process and captures what they print. */
final class CliHarness {
    record Outcome(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    /** The real program: {@code doseengine} with the subcommands found by ServiceLoader. */
    static synchronized Outcome main(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * {@code validate ...} with a given runner, and bad input handled as {@code Main} handles it (one line, exit 2);
     * {@code args} start after {@code validate}.
     */
    static Outcome validate(BenchmarkRunner runner, String... args) {
        CommandLine cl = ValidateCommand.commandLine(runner);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof BadInputException) {
                c.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
