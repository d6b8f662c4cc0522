package doseengine.cli;

import doseengine.physics.decay.NuclideCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doseengine nuclide NUC [--json]}: the ICRP-107 emission summary of a nuclide (DESIGN.md 5). */
@Command(name = "nuclide", mixinStandardHelpOptions = true,
        description = "Show a nuclide's ICRP-107 decay data: half-life, energy per decay by radiation type and "
                + "the main lines.")
public final class NuclideCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NUC",
            description = "Lu-177, Y-90 or I-131 (also written Lu177, 177Lu, in any case).")
    String name;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        NuclideReport report = new NuclideReport(NuclideCatalog.get(name));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return 0;
    }
}
