package doseengine.validation.run;

import java.util.List;

/** The runner of a build without a transport: every run is refused with one line. */
public final class UnavailableBenchmarkRunner implements BenchmarkRunner {
    /** The message every refused run carries. */
    public static final String MESSAGE = "transport backend not available yet";

    @Override
    public PointSourceResult runPointSource(PointSourceProblem problem, TransportSettings settings) {
        throw new BackendUnavailableException(MESSAGE);
    }

    @Override
    public VoxelSourceResult runVoxelSource(VoxelSourceProblem problem, TransportSettings settings) {
        throw new BackendUnavailableException(MESSAGE);
    }

    @Override
    public List<BackendChoice> availableBackends() {
        return List.of();
    }
}
