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
    void javaMonteCarloIsNotWiredYetAndLedIs() {
        BackendChoice.Resolved java = BackendChoice.resolve(BackendChoice.Requested.JAVA, null, 1, () -> NONE);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> java.factory(TransportMethod.MONTE_CARLO).create(null, null, null, 1));
        assertEquals("Java transport kernel not merged yet", e.getMessage());
        assertNotNull(java.factory(TransportMethod.LOCAL_DEPOSITION));
    }
}
