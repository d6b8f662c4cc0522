package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.kernels.opencl.OpenClDiscovery;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {
    private static final OpenClDiscovery.Result NONE = new OpenClDiscovery.Result(List.of(), "no OpenCL platform found");

    @Test
    void autoFallsBackToJavaNamingTheDiscoveryProblem() {
        BackendChoice.Resolved r = BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 4, () -> NONE);
        assertEquals("java", r.name());
        assertEquals("Java, 4 threads", r.device());
        assertEquals("backend auto: using Java (no OpenCL device: no OpenCL platform found)", r.note());
    }

    @Test
    void autoWithADeviceFallsBackBecauseTheOpenClBackendIsNotThereYet() {
        OpenClDiscovery.Result some = new OpenClDiscovery.Result(List.of(
                new doseengine.kernels.opencl.OpenClDeviceInfo(0, "pocl", "OpenCL 3.0", "cpu", "CPU", "OpenCL 1.2", 2,
                        1L << 30, 1L << 28, true)), null);
        BackendChoice.Resolved r = BackendChoice.resolve(BackendChoice.Requested.AUTO, 0, 1, () -> some);
        assertEquals("java", r.name());
        assertTrue(r.note().contains(BackendChoice.OPENCL_NOT_IMPLEMENTED), r.note());
    }

    @Test
    void openClIsRefusedAndJavaNeverAsksForDevices() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> BackendChoice.resolve(BackendChoice.Requested.OPENCL, null, 1, () -> NONE));
        assertTrue(e.getMessage().contains("not implemented yet"), e.getMessage());
        BackendChoice.Resolved java = BackendChoice.resolve(BackendChoice.Requested.JAVA, null, 2,
                () -> { throw new AssertionError("discovery must not run for --backend java"); });
        assertNull(java.note());
        assertThrows(BadInputException.class, () -> BackendChoice.Requested.parse("cuda"));
        assertEquals(BackendChoice.Requested.OPENCL, BackendChoice.Requested.parse("OpenCL"));
        assertThrows(BadInputException.class,
                () -> BackendChoice.resolve(BackendChoice.Requested.JAVA, -1, 1, () -> NONE));
    }

    @Test
    void javaMonteCarloFactoryBuildsTheTransportKernel() {
        BackendChoice.Resolved javaBackend = BackendChoice.resolve(BackendChoice.Requested.JAVA, null, 1, () -> NONE);
        // A 5^3 water cube of 2 mm voxels with Lu-177 in the centre voxel.
        int n = 5;
        byte[] material = new byte[n * n * n];
        float[] density = new float[n * n * n];
        java.util.Arrays.fill(density, 1.0f);
        doseengine.kernels.transport.VoxelGeometry g =
                new doseengine.kernels.transport.VoxelGeometry(n, n, n, 0.2f, 0.2f, 0.2f, material, density);
        doseengine.physics.PhysicsTables tables = doseengine.physics.PhysicsTables.build(
                List.of(doseengine.physics.material.MaterialCatalog.standard().get("water_liquid")),
                doseengine.physics.decay.EmissionTable.of(doseengine.physics.decay.NuclideCatalog.get("Lu-177")),
                doseengine.kernels.TransportParameters.defaults(), material, density);
        doseengine.kernels.source.PointSource source = new doseengine.kernels.source.PointSource(0.5f, 0.5f, 0.5f, 62);
        doseengine.kernels.transport.HistoryKernel k =
                javaBackend.factory(TransportMethod.MONTE_CARLO).create(tables, g, source, 7);
        assertInstanceOf(doseengine.kernels.transport.JavaTransportKernel.class, k);
        doseengine.kernels.tally.VoxelEnergyTally tally = new doseengine.kernels.tally.VoxelEnergyTally(n, n, n);
        k.run(0, 200, tally);
        // Energy is conserved exactly in fixed point, and most of Lu-177's electron energy stays in the cube.
        assertEquals(tally.emittedUnits(), tally.depositedUnits() + tally.escapedUnits());
        assertTrue(tally.depositedUnits() > 0.5 * tally.emittedUnits());
        assertNotNull(javaBackend.factory(TransportMethod.LOCAL_DEPOSITION));
    }
}
