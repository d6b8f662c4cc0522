package doseengine.validation.cli;

import doseengine.cli.FiniteNumber;
import doseengine.cli.VersionProvider;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.PlotFiles;
import doseengine.validation.SuiteContext;
import doseengine.validation.ValidationSuite;
import doseengine.validation.VsvValidation;
import doseengine.validation.benchmark.VsvBenchmark;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BenchmarkRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate vsv}: voxel S values of a nuclide in soft tissue or bone. */
@Command(name = "vsv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Voxel S values: an 11x11x11 block of L mm voxels of soft tissue (ICRP, 1.04 g/cm3) or compact "
                + "bone (ICRU, 1.85 g/cm3), the nuclide in the central voxel. Writes vsv.csv (i,j,k,S_mGy_per_MBq_s,"
                + "rel_unc for offsets 0..5), a plot and report.html/report.json comparing with Lanconelli et al. 2012 "
                + "where a table is shipped (soft 3, 4, 6 mm; bone 3 mm).", "Exit code 3 when a judged comparison fails."})
public final class VsvCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--nuclide", required = true, paramLabel = "NUC", description = "Lu-177, Y-90 or I-131.")
    String nuclide;

    @Option(names = "--voxel-mm", required = true, paramLabel = "L", description = "Voxel side in mm.")
    String voxelMm;

    @Option(names = "--tissue", required = true, paramLabel = "T", description = "soft or bone.")
    String tissue;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Mixin
    ValidationRunOptions transport;

    private final BenchmarkRunner runner;

    public VsvCommand(BenchmarkRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        VsvBenchmark benchmark = new VsvBenchmark(NuclideCatalog.get(nuclide), VsvTissue.of(tissue),
                FiniteNumber.parsePositive("--voxel-mm", voxelMm, "mm"));
        SuiteContext ctx = CommandSupport.context(runner, transport.settings(ValidationSuite.DEFAULT_DECAYS));
        Path dir = CommandSupport.prepare(out);
        VsvValidation.Outcome o = VsvValidation.run(ctx, benchmark, dir, new PlotFiles(dir, dir));
        ValidationReport report = CommandSupport.writeReport(dir, ctx, o.section(),
                Map.of("vsv " + benchmark.title(), o.result().balance()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: S(0,0,0) = %.4g mGy/(MBq s) +- %.2g %%%n", benchmark.title(),
                o.result().s(0, 0, 0), 100 * o.result().relativeUncertainty(0, 0, 0));
        w.println("verdict: " + report.verdictLine());
        w.printf("wrote vsv.csv, report.html and report.json to %s%n", dir);
        w.flush();
        return CommandSupport.exitCode(report.verdict());
    }
}
