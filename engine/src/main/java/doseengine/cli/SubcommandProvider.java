package doseengine.cli;

/**
 * A subcommand contributed by a module that the engine cannot depend on (validation). Registered in
 * {@code META-INF/services/doseengine.cli.SubcommandProvider}.
 */
public interface SubcommandProvider {
    /** A picocli {@code @Command}-annotated object. */
    Object command();
}
