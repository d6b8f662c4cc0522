package doseengine.validation.cli;

import doseengine.cli.FiniteNumber;
import doseengine.cli.VersionProvider;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.PlotFiles;
import doseengine.validation.SphereValidation;
import doseengine.validation.SuiteContext;
import doseengine.validation.ValidationSuite;
import doseengine.validation.benchmark.SphereBenchmark;
import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.compare.ComparisonPoint;
import doseengine.validation.compare.ComparisonResult;
import doseengine.validation.reference.SphereSValueReference;
import doseengine.validation.report.ReportSection;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BenchmarkRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate sphere}: self-dose S value of a unit-density soft-tissue sphere. */
@Command(name = "sphere", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Sphere self S value: a unit-density soft-tissue sphere of the given mass in soft tissue, the "
                + "nuclide uniform in it.",
                "Example: doseengine validate sphere --nuclide Lu-177 --mass-g 10 --out DIR",
                "Writes into DIR (--out, required) sphere.json (nuclide, mass_g, S_mGy_per_MBq_s, rel_unc, "
                + "af_electrons, af_photons, olinda, user_reference), a plot and report.html/report.json.",
                "Lu-177 at a mass of the shipped OLINDA/EXM table (0.5, 1, 1.5, 2, 3, 4, 13, 17, 21, 29, 34, 52 or "
                + "54 g: unit-density spheres, Golzaryan et al. 2025, Table S4) is judged against it, with a "
                + "tolerance of 5 to 7.5 per cent from the table's precision (docs/validation.md); between those "
                + "masses the table's log-log interpolation is shown, not judged. With --reference FILE (CSV "
                + "nuclide,mass_g,S_mGy_per_MBq_s) the value is also compared with the file's, shown beside and not "
                + "judged. The verdict names what it judged and what it did not, and why. Exit code 3 when a judged "
                + "comparison fails."})
public final class SphereCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--nuclide", required = true, paramLabel = "NUC", description = "Lu-177, Y-90 or I-131.")
    String nuclide;

    @Option(names = "--mass-g", required = true, paramLabel = "M", description = "Sphere mass in grams.")
    String massG;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "CSV with columns nuclide,mass_g,S_mGy_per_MBq_s to compare with (shown beside the "
                    + "OLINDA/EXM judgement, not judged).")
    Path reference;

    @Mixin
    ValidationRunOptions transport;

    private final BenchmarkRunner runner;

    public SphereCommand(BenchmarkRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        SphereBenchmark benchmark = new SphereBenchmark(NuclideCatalog.get(nuclide),
                FiniteNumber.parsePositive("--mass-g", massG, "grams"));
        Optional<SphereSValueReference> ref = Optional.ofNullable(reference).map(SphereSValueReference::read);
        SuiteContext ctx = CommandSupport.context(runner, transport.settings(ValidationSuite.DEFAULT_DECAYS));
        Path dir = CommandSupport.prepare(out);
        SphereResult result = SphereValidation.run(ctx, benchmark, dir, ref);
        ReportSection section = SphereValidation.section(benchmark.nuclide().name(), List.of(result), ref,
                ctx.settings().seed(), ctx.version(), new PlotFiles(dir, dir));
        Map<String, doseengine.tally.EnergyBalance> balances = new LinkedHashMap<>();
        balances.put("sphere " + benchmark.title() + " electrons", result.runs().get(0).balance());
        if (result.runs().size() > 1) {
            balances.put("sphere " + benchmark.title() + " photons", result.runs().get(1).balance());
        }
        ValidationReport report = CommandSupport.writeReport(dir, ctx, section, balances);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: S = %.4g mGy/(MBq s) +- %.2g %%, AF electrons %.4f, AF photons %s%n",
                benchmark.title(), result.sValue(), 100 * result.sRelativeUncertainty(), result.afElectrons(),
                result.afPhotons() == null ? "-" : String.format(Locale.ROOT, "%.4f", result.afPhotons()));
        for (ComparisonResult c : section.comparisons()) {
            for (ComparisonPoint p : c.points()) {
                w.printf(Locale.ROOT, "vs %s: %.4g mGy/(MBq s), engine / reference %.4f%s%n", c.reference(),
                        p.reference(), p.engine() / p.reference(), p.judged() ? String.format(Locale.ROOT,
                                ", tolerance +-%.1f %%: %s", 100 * p.tolerance(), p.verdict()) : ", shown, not judged");
            }
        }
        w.println("verdict: " + report.verdictLine());
        w.printf("wrote sphere.json, report.html and report.json to %s%n", dir);
        w.flush();
        return CommandSupport.exitCode(report.verdict());
    }
}
