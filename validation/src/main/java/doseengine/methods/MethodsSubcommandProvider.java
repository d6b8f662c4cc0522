package doseengine.methods;

import doseengine.cli.SubcommandProvider;

/** Adds {@code compare} to the {@code doseengine} command line (META-INF/services). */
public final class MethodsSubcommandProvider implements SubcommandProvider {
    @Override
    public Object command() {
        return new CompareCommand();
    }
}
