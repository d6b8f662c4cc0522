package doseengine.methods;

import doseengine.cli.WholeNumber;
import doseengine.dosimetry.gamma.GammaCriteria;
import doseengine.io.OutputDirectory;
import doseengine.report.RunContext;
import doseengine.study.FastMethodComparison;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.RunSettings;
import doseengine.validation.run.TransportBenchmarkRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code study --methods}: the comparison of {@code compare} on each cycle of a study, with the cycle's own Monte
 * Carlo run as the reference (registered in META-INF/services).
 */
public final class StudyFastMethods implements FastMethodComparison {
    @Override
    public PerCycle prepare(String methods, String gamma, Path kernelCache, String kernelDecays, RunSettings settings,
            PrintWriter log) {
        List<Method> chosen = Method.parseList(methods);
        GammaCriteria criteria = GammaCriteria.parse(gamma == null ? "3%/3mm" : gamma);
        long decays = kernelDecays == null ? CompareCommand.DEFAULT_KERNEL_DECAYS
                : WholeNumber.parseLong("--kernel-decays", kernelDecays);
        MethodTableRuns tables = new MethodTableRuns(new TransportBenchmarkRunner(() -> log),
                CompareCommand.kernelSettings(settings, decays),
                new MethodTableCache(kernelCache == null ? MethodTableCache.defaultDir() : kernelCache), log);
        MethodComparison.Options options = new MethodComparison.Options(chosen, criteria, tables);
        return (DoseProblem problem, DoseResult mc, RunContext ctx, Path dir) -> {
            MethodComparison.Result r = MethodComparison.compareWith(problem, mc, options, log);
            CompareCommand.write(OutputDirectory.prepare(dir), r, ctx, tables);
        };
    }
}
