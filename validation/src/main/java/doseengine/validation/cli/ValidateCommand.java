package doseengine.validation.cli;

import doseengine.cli.VersionProvider;
import doseengine.validation.run.BenchmarkRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doseengine validate}: the benchmark suite's commands. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Validation benchmarks: dose point kernels, voxel S values, spheres, and the whole suite.")
public final class ValidateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command with its subcommands, all transporting through {@code runner}. */
    public static CommandLine commandLine(BenchmarkRunner runner) {
        CommandLine cl = new CommandLine(new ValidateCommand());
        cl.addSubcommand(new DpkCommand(runner));
        cl.addSubcommand(new VsvCommand(runner));
        cl.addSubcommand(new SphereCommand(runner));
        cl.addSubcommand(new AllCommand(runner));
        return cl;
    }
}
