package doseengine.transport;

import doseengine.kernels.source.DecaySource;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;

/**
 * Makes the history driver of one run. A backend (Java, OpenCL) supplies one factory per transport method; the
 * run planning ({@link TransportRun}) only sees the {@link HistoryDriver} it returns.
 */
@FunctionalInterface
public interface HistoryDriverFactory {
    /**
     * @param tables   the run's physics tables (materials in the order of the geometry's material indices)
     * @param geometry the voxel world in the transport frame
     * @param source   where decays happen, in the same frame
     * @param seed     the run seed (Philox key)
     */
    HistoryDriver create(PhysicsTables tables, VoxelGeometry geometry, DecaySource source, long seed);
}
