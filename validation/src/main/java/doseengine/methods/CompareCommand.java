package doseengine.methods;

import doseengine.cli.MethodOption;
import doseengine.cli.PatientInputs;
import doseengine.cli.TransportOptions;
import doseengine.cli.WholeNumber;
import doseengine.dosimetry.gamma.GammaCriteria;
import doseengine.geometry.BadInputException;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.OutputDirectory;
import doseengine.report.RunContext;
import doseengine.report.RunReport;
import doseengine.tally.RegionDose;
import doseengine.transport.DoseProblem;
import doseengine.transport.RunSettings;
import doseengine.transport.TransportMethod;
import doseengine.validation.run.BackendChoice;
import doseengine.validation.run.TransportBenchmarkRunner;
import doseengine.validation.run.TransportSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doseengine compare}: the inputs of {@code run}, every chosen method on them, and how each fast method
 * differs from Monte Carlo (docs/methods.md).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute the dose of a patient (the inputs of 'run') with Monte Carlo and the clinic's fast "
                + "methods (local energy deposition, dose point kernel and voxel S value convolution, sphere model) "
                + "and compare them: <method>/dose.nii.gz, comparison.json, report.html with DVHs, profile and "
                + "difference maps.")
public final class CompareCommand implements Callable<Integer> {
    /** Decays of each kernel's Monte Carlo run when --kernel-decays is not given. */
    public static final long DEFAULT_KERNEL_DECAYS = 1_000_000;
    static final String ALL_METHODS = "mc,led,dpk,vsv,vsv-density,sphere";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PatientInputs inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--methods", paramLabel = "LIST", defaultValue = ALL_METHODS,
            description = "Methods to compare, separated by commas (default ${DEFAULT-VALUE}); mc, the reference, "
                    + "is always computed.")
    String methods;

    @Option(names = "--gamma", paramLabel = "CRITERIA",
            description = "Gamma index criteria against Monte Carlo: DD%%/DTAmm[,global|local][,threshold=T%%] "
                    + "(default 3%%/3mm: global, threshold 10%% of the Monte Carlo maximum).")
    String gamma = "3%/3mm";

    @Option(names = "--kernel-cache", paramLabel = "DIR",
            description = "Folder of the kernels computed by Monte Carlo for the fast methods (default: "
                    + "$DOSEENGINE_KERNEL_CACHE, else ~/.cache/doseengine/kernels).")
    Path kernelCache;

    @Option(names = "--kernel-decays", paramLabel = "N",
            description = "Decays of each kernel's Monte Carlo run, when a kernel is not yet cached (default "
                    + DEFAULT_KERNEL_DECAYS + ").")
    String kernelDecays;

    @Option(names = "--vsv-table", paramLabel = "T", defaultValue = "engine",
            description = "Voxel S values of vsv and vsv-density: engine (the engine's own Monte Carlo for the image's "
                    + "voxel size, default) or lanconelli (the published tables of Lanconelli et al. 2012, for cubic "
                    + "voxels of 3, 4 or 6 mm, offsets up to 5 voxels).")
    String vsvTable;

    @Mixin
    TransportOptions transport;

    @Mixin
    MethodOption method;

    @Override
    public Integer call() {
        List<Method> chosen = Method.parseList(methods);
        GammaCriteria criteria = GammaCriteria.parse(gamma);
        RunSettings settings = transport.settings(inputs.stopRule(), method.method());
        if (settings.method() != TransportMethod.MONTE_CARLO) {
            throw new BadInputException("--method does not apply to compare: choose the methods with --methods");
        }
        boolean lanconelli = switch (vsvTable.strip().toLowerCase(Locale.ROOT)) {
            case "engine" -> false;
            case "lanconelli" -> true;
            default -> throw new BadInputException("--vsv-table '" + vsvTable + "': use engine or lanconelli");
        };
        long kd = kernelDecays == null ? DEFAULT_KERNEL_DECAYS : WholeNumber.parseLong("--kernel-decays", kernelDecays);
        TransportSettings kernelSettings = kernelSettings(settings, kd);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        // Inputs first: a refused input leaves nothing behind, not even the output folder.
        DoseProblem problem = inputs.readProblem();
        MemoryEstimate.require(problem.grid(), chosen, Runtime.getRuntime().maxMemory());
        Path dir = OutputDirectory.prepare(out);
        RunContext ctx = inputs.context("compare");
        for (String n : ctx.notes()) {
            err.println(n.startsWith(RunContext.WARNING_PREFIX) ? n : "note: " + n);
        }
        for (String n : problem.notes()) {
            err.println("note: " + n);
        }
        err.flush();
        MethodTableRuns tables = new MethodTableRuns(new TransportBenchmarkRunner(() -> err), kernelSettings,
                new MethodTableCache(kernelCache == null ? MethodTableCache.defaultDir() : kernelCache), err);
        MethodComparison.Result r = MethodComparison.run(problem, settings,
                new MethodComparison.Options(chosen, criteria, tables, lanconelli), err);
        write(dir, r, ctx, tables);
        stdout.print(summary(r));
        stdout.printf(Locale.ROOT, "wrote comparison.json, report.html and <method>/dose.nii.gz to %s%n", dir);
        stdout.flush();
        return 0;
    }

    /** The kernels' Monte Carlo settings: the run's backend, seed, threads and cutoffs, with their own decays. */
    static TransportSettings kernelSettings(RunSettings s, long decays) {
        boolean cl = s.backend().isOpenCl();
        return new TransportSettings(decays, s.seed(), cl ? BackendChoice.OPENCL : BackendChoice.JAVA,
                cl ? OptionalInt.of(s.backend().openClDevice()) : OptionalInt.empty(), OptionalInt.of(s.threads()),
                Math.round(s.parameters().electronCutoffMeV() * 1e6) / 1000.0,
                Math.round(s.parameters().photonCutoffMeV() * 1e6) / 1000.0, s.parameters().softStraggling());
    }

    static void write(Path dir, MethodComparison.Result r, RunContext ctx, MethodTableRuns tables) {
        try {
            for (MethodResult m : r.methods()) {
                Path d = Files.createDirectories(dir.resolve(m.method().key()));
                if (m.method() == Method.MC) {
                    RunReport.write(d, r.mc(), ctx);
                } else {
                    ImageFiles.write(d.resolve("dose.nii.gz"), m.doseGy());
                }
            }
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot write into " + dir + ": " + e.getMessage());
        }
        ComparisonJson.write(dir.resolve("comparison.json"), ComparisonJson.of(r, ctx, tables));
        ComparisonReport.write(dir, r, ctx);
    }

    /** The structure table on standard output: mean dose per method, difference to Monte Carlo, gamma. */
    static String summary(MethodComparison.Result r) {
        StringBuilder s = new StringBuilder();
        MethodResult mc = r.of(Method.MC);
        s.append(String.format(Locale.ROOT, "%s, %s: Monte Carlo %,d decays; gamma %s%n", r.problem().name(),
                r.problem().nuclide().name(), r.mc().outcome().decays(), r.gamma()));
        int width = Math.max(9, mc.regions().stream().mapToInt(x -> x.name().length()).max().orElse(9));
        s.append(String.format(Locale.ROOT, "%-" + width + "s", "structure"));
        for (MethodResult m : r.methods()) {
            s.append(String.format(Locale.ROOT, " %22s", m.method().key()));
        }
        s.append('\n');
        for (RegionDose ref : mc.regions()) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s", ref.name()));
            for (MethodResult m : r.methods()) {
                RegionDose d = m.region(ref.name());
                String cell;
                if (d == null) {
                    cell = "-";
                } else if (m.method() == Method.MC) {
                    cell = String.format(Locale.ROOT, "%.4g Gy +-%.1f%%", d.meanGy(), 100 * d.relativeUncertainty());
                } else {
                    cell = String.format(Locale.ROOT, "%.4g Gy %+.1f%%", d.meanGy(), 100 * (d.meanGy() / ref.meanGy() - 1));
                }
                s.append(String.format(Locale.ROOT, " %22s", cell));
            }
            s.append('\n');
        }
        s.append(String.format(Locale.ROOT, "%-" + width + "s", "gamma pass"));
        for (MethodResult m : r.methods()) {
            s.append(String.format(Locale.ROOT, " %22s", m.gamma() == null ? "-"
                    : String.format(Locale.ROOT, "%.1f%%", 100 * m.gamma().overall())));
        }
        s.append('\n');
        s.append(r.tablesComputed().isEmpty() ? "kernels: all from the cache\n"
                : String.format(Locale.ROOT, "kernels: %d computed now in %.1f s (cached for later runs)%n",
                        r.tablesComputed().size(), r.tableSeconds()));
        s.append(String.format(Locale.ROOT, "fast methods: %s%n", String.join(", ", r.methods().stream()
                .filter(m -> m.method() != Method.MC)
                .map(m -> String.format(Locale.ROOT, "%s %.2f s", m.method().key(), m.seconds())).toList())));
        return s.toString();
    }
}
