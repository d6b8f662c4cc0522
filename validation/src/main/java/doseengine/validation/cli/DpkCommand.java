package doseengine.validation.cli;

import doseengine.cli.VersionProvider;
import doseengine.geometry.BadInputException;
import doseengine.physics.decay.RadiationType;
import doseengine.validation.DpkValidation;
import doseengine.validation.PlotFiles;
import doseengine.validation.SuiteContext;
import doseengine.validation.ValidationSuite;
import doseengine.validation.report.ValidationReport;
import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.EmissionSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate dpk}: the dose point kernel of a nuclide or a monoenergetic electron in water. */
@Command(name = "dpk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Dose point kernel in water: dpk.csv (r_inner_mm,r_outer_mm,r_mid_mm,edep_MeV_per_decay,"
                + "rel_unc), summary.json (source, decays, E_mean_MeV, X90_mm, backend, seconds), a plot, and "
                + "report.html/report.json comparing with the ETRAN/EGSnrc kernels where the source is an electron of "
                + "10, 15, 100 or 500 keV. Against an EGSnrc kernel (10, 15, 100 keV) the kernel also runs under "
                + "EGSnrc's energy-loss model (no straggling below the thresholds), dpk_egsnrc_model.csv, and that run "
                + "is judged.",
                "With photon emissions the water reaches three photon mean free paths beyond the last shell (the "
                + "kernel of an infinite medium); when the shells hold less than 90 %% of the emitted energy, X90_mm "
                + "is null and summary.json says why.",
                "The verdict line names what was judged. Exit code 3 when a judged comparison fails."})
public final class DpkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "NUC|e-:MeV",
            description = "Lu-177, Y-90 or I-131, or e-:E for one electron of E MeV per decay.")
    String source;

    @Option(names = "--emissions", paramLabel = "KIND",
            description = "For a nuclide: beta, electrons (beta, conversion and Auger; the default), photons or all.")
    String emissions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Mixin
    ValidationRunOptions transport;

    private final BenchmarkRunner runner;

    public DpkCommand(BenchmarkRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        EmissionSource src = EmissionSource.parse(source, kinds(emissions));
        if (src instanceof EmissionSource.MonoenergeticElectron && emissions != null
                && !Set.of("electrons", "all").contains(emissions.strip().toLowerCase(Locale.ROOT))) {
            throw new BadInputException("--emissions " + emissions + " does not apply to an electron source ("
                    + source + ")");
        }
        SuiteContext ctx = CommandSupport.context(runner, transport.settings(ValidationSuite.DEFAULT_DECAYS));
        Path dir = CommandSupport.prepare(out);
        DpkValidation.Outcome o = DpkValidation.run(ctx, src, dir, new PlotFiles(dir, dir));
        ValidationReport report = CommandSupport.writeReport(dir, ctx, o.section(), o.balances());
        PrintWriter w = spec.commandLine().getOut();
        String x90 = o.result().hasX90() ? String.format(Locale.ROOT, "X90 = %.5g mm", o.result().x90Mm())
                : o.result().x90AbsentReason().orElseThrow();
        w.printf(Locale.ROOT, "%s: %s, %d decays on %s in %.1f s%n", src.title(), x90, o.result().run().decays(),
                o.result().run().backend(), o.result().run().seconds());
        w.println("verdict: " + report.verdictLine());
        w.printf("wrote dpk.csv, %ssummary.json, report.html and report.json to %s%n",
                o.referenceModel().isPresent() ? DpkValidation.REFERENCE_MODEL_CSV + ", " : "", dir);
        w.flush();
        return CommandSupport.exitCode(report.verdict());
    }

    /** The radiation kinds of {@code --emissions}; electrons when it is not given. */
    static Set<RadiationType> kinds(String emissions) {
        String e = emissions == null ? "electrons" : emissions.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "beta" -> EnumSet.of(RadiationType.BETA);
            case "electrons" -> EnumSet.of(RadiationType.BETA, RadiationType.IC, RadiationType.AUGER);
            case "photons" -> EnumSet.of(RadiationType.GAMMA, RadiationType.XRAY);
            case "all" -> EnumSet.allOf(RadiationType.class);
            default -> throw new BadInputException("unknown --emissions '" + emissions
                    + "': use beta, electrons, photons or all");
        };
    }
}
