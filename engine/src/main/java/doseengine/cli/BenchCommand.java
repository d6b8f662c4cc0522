package doseengine.cli;

import doseengine.bench.BenchCase;
import doseengine.bench.BenchProblem;
import doseengine.bench.BenchProblems;
import doseengine.bench.BenchReport;
import doseengine.bench.BenchResult;
import doseengine.bench.BenchRunner;
import doseengine.bench.ConvolutionBench;
import doseengine.bench.ConvolutionResult;
import doseengine.bench.DicomCtBench;
import doseengine.bench.DicomCtResult;
import doseengine.bench.MachineInfo;
import doseengine.geometry.BadInputException;
import doseengine.transport.BatchPlan;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doseengine bench}: decays per second of the transport for fixed problems, the time to 2 % in the
 * kidneys (DESIGN.md 4 and 5), the seconds per stage of the fast methods' convolution on a CT-sized grid, and the
 * seconds a run takes to read a 512 x 512 x 600 DICOM CT series. The
 * table goes to standard output, progress to standard error, everything measured and the machine to {@code --out}
 * (rewritten after every problem, so an interrupted bench keeps what it measured).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark: decays/s of the transport for named problems (water cube and torso with 177Lu, "
                + "90Y, 131I), the time to reach 2 %% relative uncertainty in the kidneys, the seconds per stage "
                + "of compare's dpk and vsv convolution on a 256 x 256 x 200 grid (convolution_256x256x200), and the "
                + "seconds that run --ct takes to read a CT series of 600 slices of 512 x 512 (dicom_ct_512x512x600).",
            "The convolution problem transports nothing: the transport options (--decays, --threads, --backend, ...) "
                + "do not apply to it; it runs on every processor, as compare does, and needs a heap of about 800 MB.",
            "The DICOM problem transports nothing either: it writes the series (315 MB) to a temporary folder "
                + "(java.io.tmpdir), deleted afterwards, and times the folder scan and the pixel decode of the read, "
                + "on every processor; the files are in the page cache, so it measures the codec, not the disk."})
public final class BenchCommand implements Callable<Integer> {
    /**
     * Decays per fixed problem: with the Java backend on two cores the default bench then takes about three
     * minutes (90Y, the slowest, about a minute). A GPU wants more for a stable figure: pass --decays.
     */
    public static final long DEFAULT_DECAYS = 1_000_000;
    /**
     * Maximum of the time-to-target run. Its batches are 1/200 of it (the resolution of the time to target) and
     * it cannot stop before 10 of them: 200000 decays give batches of 1000 and a minimum of 10000, below the
     * roughly 15000 decays that 2 % in the kidneys takes in the torso.
     */
    public static final long DEFAULT_TARGET_MAX_DECAYS = 200_000;
    /** Untimed decays before each timed run: a few seconds at most on two cores, enough for the JIT. */
    public static final long DEFAULT_WARMUP_DECAYS = 20_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--problems", paramLabel = "A,B", split = ",",
            description = "Problems to run, in this order (default all): lu177_water_cube, torso_lu177, torso_y90, "
                    + "torso_i131, torso_lu177_kidneys_2pct, convolution_256x256x200, dicom_ct_512x512x600.")
    List<String> problems;

    @Option(names = "--decays", paramLabel = "N", defaultValue = "" + DEFAULT_DECAYS,
            description = "Decays of each fixed-count problem (default ${DEFAULT-VALUE}).")
    long decays;

    @Option(names = "--target-max-decays", paramLabel = "N", defaultValue = "" + DEFAULT_TARGET_MAX_DECAYS,
            description = "Maximum decays of the time-to-target problem (default ${DEFAULT-VALUE}); its batches are "
                    + "1/200 of it and it runs at least 10 of them.")
    long targetMaxDecays;

    @Option(names = "--warmup-decays", paramLabel = "N", defaultValue = "" + DEFAULT_WARMUP_DECAYS,
            description = "Untimed decays before each timed run, for the JIT (default ${DEFAULT-VALUE}; 0 for none).")
    long warmupDecays;

    @Option(names = "--voxel-mm", paramLabel = "X", defaultValue = "4",
            description = "Voxel size of the torso problems in mm (default ${DEFAULT-VALUE}); the water cube always "
                    + "has 2 mm voxels.")
    double voxelMm;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the results and the machine as JSON.")
    Path out;

    @Mixin
    TransportOptions transport;

    @Mixin
    MethodOption method;

    /** The convolution problem to run; the tests put a tiny grid through the same path. */
    Supplier<ConvolutionBench> convolutionBench = ConvolutionBench::new;
    /** The DICOM CT problem to run; the tests put a tiny series through the same path. */
    Supplier<DicomCtBench> dicomCtBench = DicomCtBench::new;

    @Override
    public Integer call() {
        RunSettings base = transport.settings(new StopRule.DecayCount(decays), method.method());
        if (targetMaxDecays < BatchPlan.MIN_BATCHES) {
            throw new BadInputException("--target-max-decays must be at least " + BatchPlan.MIN_BATCHES
                    + " (one decay per batch), got " + targetMaxDecays);
        }
        if (!(voxelMm > 0) || !Double.isFinite(voxelMm)) {
            throw new BadInputException("--voxel-mm must be a positive number of mm, got " + voxelMm);
        }
        List<BenchProblem> selected = BenchProblems.select(problems);
        if (selected.stream().anyMatch(BenchProblem::isConvolution)) {
            convolutionBench.get().requireHeap(Runtime.getRuntime().maxMemory());
        }
        if (selected.stream().anyMatch(BenchProblem::isDicomCt)) {
            dicomCtBench.get().requireHeap(Runtime.getRuntime().maxMemory());
        }
        BenchRunner runner = new BenchRunner(base, warmupDecays);
        Path json = out == null ? null : prepareOut(out);

        PrintWriter err = spec.commandLine().getErr();
        if (base.backend().note() != null) {
            err.println("note: " + base.backend().note());
        }
        MachineInfo machine = MachineInfo.detect(base);
        Instant started = Instant.now();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        BenchProblems builder = new BenchProblems();
        List<BenchResult> results = new ArrayList<>();
        List<ConvolutionResult> convolution = new ArrayList<>();
        List<DicomCtResult> dicomCt = new ArrayList<>();
        int n = 0;
        for (BenchProblem p : selected) {
            n++;
            if (p.isConvolution()) {
                ConvolutionBench c = convolutionBench.get();
                int step = n;
                err.printf(Locale.ROOT, "[%d/%d] %s: %s; no transport, every processor%n", n, selected.size(),
                        c.name(), c.description());
                err.flush();
                convolution.add(c.run(line -> {
                    err.printf(Locale.ROOT, "[%d/%d] %s: %s%n", step, selected.size(), c.name(), line);
                    err.flush();
                }));
                if (json != null) {
                    new BenchReport(VersionProvider.version(), args, started, machine, base, voxelMm, results,
                            convolution, dicomCt).writeJson(json);
                }
                continue;
            }
            if (p.isDicomCt()) {
                DicomCtBench d = dicomCtBench.get();
                int step = n;
                err.printf(Locale.ROOT, "[%d/%d] %s: %s; no transport, every processor%n", n, selected.size(),
                        d.name(), d.description());
                err.flush();
                dicomCt.add(d.run(line -> {
                    err.printf(Locale.ROOT, "[%d/%d] %s: %s%n", step, selected.size(), d.name(), line);
                    err.flush();
                }));
                if (json != null) {
                    new BenchReport(VersionProvider.version(), args, started, machine, base, voxelMm, results,
                            convolution, dicomCt).writeJson(json);
                }
                continue;
            }
            err.printf(Locale.ROOT, "[%d/%d] %s: building the problem%n", n, selected.size(), p.name());
            err.flush();
            BenchCase c = builder.build(p, voxelMm);
            StopRule stop = p.isTarget()
                    ? new StopRule.TargetUncertainty(p.target().region(), p.target().relativeUncertainty(),
                            targetMaxDecays)
                    : new StopRule.DecayCount(decays);
            err.printf(Locale.ROOT, "[%d/%d] %s: %s; %s, seed %d; tables, %s, then the timed run%n", n,
                    selected.size(), p.name(), c.description(), base.backend().device(), base.seed(),
                    warmupDecays > 0 ? String.format(Locale.ROOT, "%,d warm-up decays", warmupDecays) : "no warm-up");
            err.flush();
            results.add(runner.run(c, stop, new ProgressPrinter(err)));
            if (json != null) {
                new BenchReport(VersionProvider.version(), args, started, machine, base, voxelMm, results, convolution,
                        dicomCt).writeJson(json);
            }
        }
        BenchReport report = new BenchReport(VersionProvider.version(), args, started, machine, base, voxelMm, results,
                convolution, dicomCt);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(report.table());
        if (json != null) {
            stdout.println("wrote " + json);
        }
        stdout.flush();
        return 0;
    }

    /** The JSON file's folder, created if needed; refuses a folder as the file, before anything runs. */
    private static Path prepareOut(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException("--out " + file + " is a folder; give a file name such as bench.json");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException("--out " + file + ": cannot create the folder " + parent + " (" + e + ")");
        }
        if (!Files.isWritable(parent)) {
            throw new BadInputException("--out " + file + ": the folder " + parent + " is not writable");
        }
        return file;
    }
}
