package doseengine.transport;

import doseengine.kernels.source.DecaySource;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.LocalDepositionDriver;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;

/**
 * The Java backend's history drivers, one factory per {@link TransportMethod}. This is the one place where the Java Monte
 * Carlo driver ({@code doseengine.kernels.transport.JavaHistoryDriver}) is wired in.
 */
public final class JavaHistoryDrivers {
    private JavaHistoryDrivers() {}

    public static HistoryDriverFactory factory(TransportMethod method) {
        return switch (method) {
            case MONTE_CARLO -> JavaHistoryDrivers::monteCarlo;
            case LOCAL_DEPOSITION -> JavaHistoryDrivers::localDeposition;
        };
    }

    /** Coupled photon-electron transport in Java. */
    static HistoryDriver monteCarlo(PhysicsTables tables, VoxelGeometry geometry, DecaySource source, long seed) {
        return new JavaHistoryDriver(TransportProblems.of(tables, geometry, source, seed));
    }

    /** Local energy deposition: electrons in the decay voxel, photons escaped. */
    static HistoryDriver localDeposition(PhysicsTables tables, VoxelGeometry geometry, DecaySource source,
                                         long seed) {
        return new LocalDepositionDriver(tables.emissions().newSampler(), source, seed);
    }
}
