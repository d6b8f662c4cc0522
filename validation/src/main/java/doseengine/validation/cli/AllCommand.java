package doseengine.validation.cli;

import doseengine.cli.VersionProvider;
import doseengine.validation.SuiteContext;
import doseengine.validation.ValidationSuite;
import doseengine.validation.reference.SphereSValueReference;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BenchmarkRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate all}: the whole suite and its report. */
@Command(name = "all", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The validation suite: electron dose point kernels against ETRAN/EGSnrc, nuclide kernels, "
                + "Lanconelli 2012 voxel S values, spheres (Lu-177 judged against OLINDA/EXM), the energy balance of every run and, with --backend auto "
                + "and an OpenCL device of any kind, Java against OpenCL. Writes report.html (plots, deviation "
                + "tables, pass/fail) and report.json (every number), with the data files of each benchmark in "
                + "subfolders.",
                "The first line names what was judged and what failed. Exit code 3 when a judged comparison "
                + "fails."})
public final class AllCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--quick", description = "Fewer benchmarks (4 electron kernels, 3 VSV tables, Lu-177 spheres "
            + "of 0.5 and 54 g judged against OLINDA/EXM, I-131 and Y-90 spheres of 10 g) at 250000 decays per run "
            + "instead of 1000000 (a few minutes on two cores).")
    boolean quick;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Sphere S values (CSV nuclide,mass_g,S_mGy_per_MBq_s): run these spheres instead of "
                    + "the I-131 and Y-90 defaults and show their comparison (not judged); the Lu-177 spheres of "
                    + "the OLINDA/EXM table are run and judged as always.")
    Path reference;

    @Mixin
    ValidationRunOptions transport;

    private final BenchmarkRunner runner;

    public AllCommand(BenchmarkRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        Optional<SphereSValueReference> ref = Optional.ofNullable(reference).map(SphereSValueReference::read);
        long decays = quick ? ValidationSuite.QUICK_DECAYS : ValidationSuite.DEFAULT_DECAYS;
        SuiteContext ctx = CommandSupport.context(runner, transport.settings(decays));
        ValidationSuite suite = new ValidationSuite(ctx, quick, ref);
        ValidationReport report = suite.run(out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%d benchmarks; %s%s%n", report.sections().size(), report.verdictLine(),
                suite.backendAgreementSkipped().map(why -> "; Java vs OpenCL not run (" + why + ")").orElse(""));
        w.printf("wrote report.html and report.json to %s%n", out);
        w.flush();
        return CommandSupport.exitCode(report.verdict());
    }
}
