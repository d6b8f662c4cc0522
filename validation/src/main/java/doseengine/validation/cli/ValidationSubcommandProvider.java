package doseengine.validation.cli;

import doseengine.cli.SubcommandProvider;
import doseengine.validation.run.BenchmarkRunners;

/** Adds {@code validate} to the {@code doseengine} command line (META-INF/services). */
public final class ValidationSubcommandProvider implements SubcommandProvider {
    @Override
    public Object command() {
        return ValidateCommand.commandLine(BenchmarkRunners.standard());
    }
}
