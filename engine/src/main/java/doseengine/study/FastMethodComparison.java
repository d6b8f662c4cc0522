package doseengine.study;

import doseengine.report.RunContext;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.RunSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The clinic's fast methods beside a cycle's Monte Carlo ({@code study --methods}): the comparison of
 * {@code doseengine compare}, which lives in a module above the engine (its kernels are the validation benchmarks'
 * runs) and is found through {@code META-INF/services/doseengine.study.FastMethodComparison}.
 */
public interface FastMethodComparison {
    /**
     * Checks the options and returns the comparison to run per cycle, before any work.
     *
     * @param methods      {@code --methods} as given
     * @param gamma        {@code --gamma} as given
     * @param kernelCache  {@code --kernel-cache}, or null for the default folder
     * @param kernelDecays {@code --kernel-decays}, or null for the default
     * @throws doseengine.geometry.BadInputException one line for a bad option
     */
    PerCycle prepare(String methods, String gamma, Path kernelCache, String kernelDecays, RunSettings settings,
            PrintWriter log);

    /** One cycle's comparison. */
    interface PerCycle {
        /**
         * Computes the fast methods on the cycle's problem and compares them with its Monte Carlo result, writing
         * {@code comparison.json}, {@code report.html} and {@code <method>/dose.nii.gz} into {@code dir}.
         */
        void compare(DoseProblem problem, DoseResult mc, RunContext ctx, Path dir);
    }

    /** The comparison of this build, if it has one. */
    static Optional<FastMethodComparison> find() {
        return ServiceLoader.load(FastMethodComparison.class).findFirst();
    }
}
