package doseengine.cli;

import doseengine.geometry.BadInputException;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code doseengine} command line. Subcommands of the engine are listed here; modules above the engine
 * (validation) add theirs through {@link SubcommandProvider} so the dependency arrows keep pointing one way.
 */
@Command(name = "doseengine",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Monte Carlo absorbed dose for 177Lu, 90Y and 131I: coupled photon-electron transport "
                + "in voxel geometry, on OpenCL devices or in Java.",
        subcommands = {DemoCommand.class, RunCommand.class, StudyCommand.class, PhantomCommand.class, DicomCommand.class,
            NuclideCommand.class, DevicesCommand.class,
            BenchCommand.class, SlurmCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; tests call this directly. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with every subcommand (those of modules above the engine too), ready to execute. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (SubcommandProvider p : ServiceLoader.load(SubcommandProvider.class)) {
            cl.addSubcommand(p.command());
        }
        // slurm's ARGS are another command's words: the options slurm does not know belong to them.
        cl.getSubcommands().get("slurm").setUnmatchedOptionsArePositionalParams(true);
        WholeNumber.register(cl);
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        return cl;
    }

    /** A command line that does not parse (unknown option, missing value): one line and a pointer to the help. */
    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = String.valueOf(e.getMessage()).strip();
        int nl = message.indexOf('\n');
        err.println("error: " + (nl < 0 ? message : message.substring(0, nl)) + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return 2;
    }

    /**
     * Bad input is the user's to fix: one line, no stack trace, exit 2. Anything else is a bug of ours:
     * one line too, exit 1, and the stack trace only when DOSEENGINE_DEBUG is set.
     */
    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BadInputException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (e instanceof UnsupportedOperationException) {
            err.println("error: not available in this build: " + e.getMessage());
            err.flush();
            return 1;
        }
        err.println("error: internal failure: " + e);
        if (System.getenv("DOSEENGINE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
