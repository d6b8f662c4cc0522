package doseengine.transport;

import doseengine.kernels.source.DecaySource;
import doseengine.kernels.transport.HistoryKernel;
import doseengine.kernels.transport.JavaTransportKernel;
import doseengine.kernels.transport.LocalDepositionKernel;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;

/**
 * The Java backend's kernels, one factory per {@link TransportMethod}. This is the one place where the Java Monte
 * Carlo kernel ({@code doseengine.kernels.transport.JavaTransportKernel}) is wired in.
 */
public final class JavaKernels {
    private JavaKernels() {}

    public static KernelFactory factory(TransportMethod method) {
        return switch (method) {
            case MONTE_CARLO -> JavaKernels::monteCarlo;
            case LOCAL_DEPOSITION -> JavaKernels::localDeposition;
        };
    }

    /** Coupled photon-electron transport in Java. */
    static HistoryKernel monteCarlo(PhysicsTables tables, VoxelGeometry geometry, DecaySource source, long seed) {
        return new JavaTransportKernel(TransportProblems.of(tables, geometry, source, seed));
    }

    /** Local energy deposition: electrons in the decay voxel, photons escaped. */
    static HistoryKernel localDeposition(PhysicsTables tables, VoxelGeometry geometry, DecaySource source,
                                         long seed) {
        return new LocalDepositionKernel(tables.emissions().newSampler(), source, seed);
    }
}
