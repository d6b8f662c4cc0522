package doseengine.validation.run;

import java.util.List;

/**
 * The one door from the validation suite to the transport. Everything before it (geometry, sources, shells) and
 * after it (S values, kernels, comparison, report) belongs to the validation module; a runner only transports.
 *
 * <p>The suite finds its runner with {@link BenchmarkRunners#standard()}: the first implementation registered in
 * {@code META-INF/services/doseengine.validation.run.BenchmarkRunner}, else one that refuses with "transport backend
 * not available yet". A runner must honour every field of {@link TransportSettings}, keep the history-to-random-number
 * contract of the kernels (results depend only on the seed and the history index), and report uncertainties
 * from at least 10 batches.
 */
public interface BenchmarkRunner {
    /** Transports a point source; energy per shell. */
    PointSourceResult runPointSource(PointSourceProblem problem, TransportSettings settings);

    /** Transports decays spread over voxels; energy per voxel and per region. */
    VoxelSourceResult runVoxelSource(VoxelSourceProblem problem, TransportSettings settings);

    /**
     * The backends this runner can use on this machine ({@link BackendChoice#JAVA}, {@link BackendChoice#OPENCL});
     * when both are there, {@code validate all} adds a Java-versus-OpenCL agreement section.
     */
    List<BackendChoice> availableBackends();

    /**
     * Refuses, with one line, settings this runner cannot serve (a backend it does not have), so that a command can
     * stop before it creates any output. Accepts everything by default; the runs check again.
     *
     * @throws BackendUnavailableException when the settings cannot run here
     */
    default void checkSettings(TransportSettings settings) {
    }
}
