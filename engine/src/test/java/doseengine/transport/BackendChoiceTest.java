package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.kernels.opencl.OpenClTestSupport;
import doseengine.kernels.opencl.OpenClHistoryDriver;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.LocalDepositionDriver;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backend choice: what {@code auto}, {@code opencl} and {@code java} take for the devices discovery reports
 * (fake device lists, so every case runs on any machine), and what happens when the OpenCL driver cannot be made
 * (a failing opener): {@code auto} falls back to Java with one warning line, {@code opencl} is one line of error.
 */
class BackendChoiceTest {
    private static final OpenClDiscovery.Result NONE = new OpenClDiscovery.Result(List.of(), "no OpenCL platform found");
    private static final OpenClDeviceInfo POCL = device(0, "pthread-cpu", "CPU", true);
    private static final OpenClDeviceInfo GPU = device(1, "Some GPU", "GPU", true);
    private static final OpenClDeviceInfo OLD_GPU = device(0, "Old GPU", "GPU", false);

    private static OpenClDeviceInfo device(int index, String name, String type, boolean atomics) {
        return new OpenClDeviceInfo(index, "platform", "OpenCL 3.0", name, type, "OpenCL 1.2", 2, 1L << 32, 1L << 30,
                atomics);
    }

    private static OpenClDiscovery.Result found(OpenClDeviceInfo... devices) {
        return new OpenClDiscovery.Result(List.of(devices), null);
    }

    @Test
    void autoFallsBackToJavaNamingTheDiscoveryProblem() {
        BackendChoice.Resolved r = BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 4, () -> NONE);
        assertEquals("java", r.name());
        assertEquals("Java, 4 threads", r.device());
        assertEquals("backend auto: using Java (no OpenCL device: no OpenCL platform found)", r.note());
        assertEquals(-1, r.openClDevice());
    }

    @Test
    void autoTakesAGpuBeforeACpuDeviceAndSaysSo() {
        BackendChoice.Resolved r = BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 1, () -> found(POCL, GPU));
        assertEquals("opencl", r.name());
        assertEquals(1, r.openClDevice());
        assertFalse(r.openClRequired());
        assertEquals("backend auto: using OpenCL on device 1 Some GPU (GPU)", r.note());
        assertTrue(r.device().startsWith("Some GPU"), r.device());

    }

    /** An OpenCL CPU device is slower than the Java backend on the same cores: auto runs Java, opencl takes it. */
    @Test
    void autoRunsJavaRatherThanAnOpenClCpuDevice() {
        BackendChoice.Resolved cpu = BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 2, () -> found(POCL));
        assertEquals("java", cpu.name());
        assertEquals(-1, cpu.openClDevice());
        assertEquals("backend auto: using Java (no OpenCL GPU; device 0 pthread-cpu (CPU) is slower than the Java "
                + "backend on the same cores, --backend opencl takes it)", cpu.note());
        BackendChoice.Resolved asked = BackendChoice.resolve(BackendChoice.Requested.OPENCL, null, 2, () -> found(POCL));
        assertEquals("opencl", asked.name());
        assertEquals(0, asked.openClDevice());
        BackendChoice.Resolved named = BackendChoice.resolve(BackendChoice.Requested.AUTO, 0, 2, () -> found(POCL));
        assertEquals(0, named.openClDevice(), "auto takes a device named by --device, whatever its kind");
    }

    @Test
    void aDeviceWithoutInt64AtomicsDoesNotQualify() {
        // auto passes over it to the next GPU, or to Java when it is alone, naming the missing extension.
        assertEquals(1, BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 1,
                () -> found(OLD_GPU, device(1, "new", "GPU", true))).openClDevice());
        assertEquals(1, BackendChoice.resolve(BackendChoice.Requested.OPENCL, null, 1,
                () -> found(OLD_GPU, device(1, "cpu", "CPU", true))).openClDevice());
        BackendChoice.Resolved r = BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 2, () -> found(OLD_GPU));
        assertEquals("java", r.name());
        assertEquals("backend auto: using Java (device 0 Old GPU (GPU) lacks cl_khr_int64_base_atomics)", r.note());
        BadInputException e = assertThrows(BadInputException.class,
                () -> BackendChoice.resolve(BackendChoice.Requested.OPENCL, 0, 1, () -> found(OLD_GPU)));
        assertEquals("--backend opencl: device 0 Old GPU (GPU) lacks cl_khr_int64_base_atomics; use --backend java "
                + "or auto", e.getMessage());
    }

    @Test
    void openClIsRefusedWithoutADeviceAndJavaNeverAsksForDevices() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> BackendChoice.resolve(BackendChoice.Requested.OPENCL, null, 1, () -> NONE));
        assertEquals("--backend opencl: no OpenCL device: no OpenCL platform found; use --backend java or auto",
                e.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> BackendChoice.resolve(BackendChoice.Requested.OPENCL, 3, 1, () -> found(POCL, GPU)));
        assertEquals("--device 3: no such OpenCL device (found 2; see 'doseengine devices')", missing.getMessage());
        BackendChoice.Resolved chosen = BackendChoice.resolve(BackendChoice.Requested.OPENCL, 0, 1,
                () -> found(POCL, GPU));
        assertEquals(0, chosen.openClDevice());
        assertTrue(chosen.openClRequired());
        assertNull(chosen.note());

        BackendChoice.Resolved java = BackendChoice.resolve(BackendChoice.Requested.JAVA, null, 2,
                () -> { throw new AssertionError("discovery must not run for --backend java"); });
        assertNull(java.note());
        assertThrows(BadInputException.class, () -> BackendChoice.Requested.parse("cuda"));
        assertEquals(BackendChoice.Requested.OPENCL, BackendChoice.Requested.parse("OpenCL"));
        assertThrows(BadInputException.class,
                () -> BackendChoice.resolve(BackendChoice.Requested.JAVA, -1, 1, () -> NONE));
    }

    /** A 5^3 water cube of 2 mm voxels with Lu-177 at the centre of the centre voxel. */
    private static final int N = 5;

    private static VoxelGeometry cube() {
        return TransportFixtures.uniform(N, 0.2f, 1.0f);
    }

    private static PhysicsTables tables(VoxelGeometry g) {
        return TransportFixtures.tables(List.of("water_liquid"), "Lu-177", TransportParameters.defaults(), g);
    }

    private static final PointSource CENTRE = new PointSource(0.5f, 0.5f, 0.5f, 62);

    @Test
    void javaBackendMakesTheJavaHistoryDrivers() {
        BackendChoice.Resolved javaBackend = BackendChoice.resolve(BackendChoice.Requested.JAVA, null, 1, () -> NONE);
        VoxelGeometry g = cube();
        PhysicsTables tables = tables(g);
        try (BackendChoice.BackendHistoryDriver k = javaBackend.open(TransportMethod.MONTE_CARLO, tables, g, CENTRE, 7, 1,
                w -> fail("no warning expected: " + w))) {
            assertInstanceOf(JavaHistoryDriver.class, k.driver());
            assertSame(javaBackend, k.backend());
            VoxelEnergyTally tally = new VoxelEnergyTally(N, N, N);
            k.driver().run(0, 200, tally);
            // Energy is conserved exactly in fixed point, and most of Lu-177's electron energy stays in the cube.
            assertEquals(tally.emittedUnits(), tally.depositedUnits() + tally.escapedUnits());
            assertTrue(tally.depositedUnits() > 0.5 * tally.emittedUnits());
        }
        try (BackendChoice.BackendHistoryDriver led = javaBackend.open(TransportMethod.LOCAL_DEPOSITION, tables, g, CENTRE, 7,
                1, w -> fail(w))) {
            assertInstanceOf(LocalDepositionDriver.class, led.driver());
        }
    }

    /** When the OpenCL driver cannot be made, auto runs Java with one warning line and says so in its note. */
    @Test
    void autoFallsBackToJavaWhenTheOpenClDriverCannotBeMade() {
        BackendChoice.Resolved auto = BackendChoice.resolve(BackendChoice.Requested.AUTO, null, 3, () -> found(GPU));
        VoxelGeometry g = cube();
        PhysicsTables tables = tables(g);
        BackendChoice.OpenClOpener broken = (device, t, geometry, source, seed) -> {
            throw new OpenClHistoryDrivers.Unusable("the transport kernels failed to build: error: x undeclared", null);
        };
        List<String> warnings = new ArrayList<>();
        try (BackendChoice.BackendHistoryDriver k = auto.open(TransportMethod.MONTE_CARLO, tables, g, CENTRE, 7, 3,
                warnings::add, broken)) {
            assertInstanceOf(JavaHistoryDriver.class, k.driver());
            assertEquals("java", k.backend().name());
            assertEquals("Java, 3 threads", k.backend().device());
            assertEquals("backend auto: fell back to Java (the transport kernels failed to build: error: x "
                    + "undeclared)", k.backend().note());
        }
        assertEquals(List.of("OpenCL backend unusable, running Java instead: the transport kernels failed to build: "
                + "error: x undeclared"), warnings);

        BackendChoice.Resolved required = BackendChoice.resolve(BackendChoice.Requested.OPENCL, null, 3,
                () -> found(GPU));
        BadInputException e = assertThrows(BadInputException.class, () -> required.open(TransportMethod.MONTE_CARLO,
                tables, g, CENTRE, 7, 3, w -> fail(w), broken));
        assertEquals("--backend opencl: the transport kernels failed to build: error: x undeclared", e.getMessage());

        // Local deposition has no OpenCL kernel: it runs in Java whatever the backend, and the backend says so.
        try (BackendChoice.BackendHistoryDriver led = auto.open(TransportMethod.LOCAL_DEPOSITION, tables, g, CENTRE, 7, 3,
                w -> fail(w), broken)) {
            assertInstanceOf(LocalDepositionDriver.class, led.driver());
            assertEquals("java", led.backend().name());
            assertTrue(led.backend().note().contains("method led runs on the Java backend"), led.backend().note());
        }
    }

    /** On a real device: the OpenCL backend's Monte Carlo driver is the OpenCL transport, and it conserves energy. */
    @Test
    void openClBackendMakesTheOpenClDriverOnARealDevice() {
        int device = OpenClTestSupport.deviceIndex();
        BackendChoice.Resolved r = BackendChoice.resolve(BackendChoice.Requested.OPENCL, device, 1,
                OpenClDiscovery::discover);
        VoxelGeometry g = cube();
        try (BackendChoice.BackendHistoryDriver k = r.open(TransportMethod.MONTE_CARLO, tables(g), g, CENTRE, 7, 1,
                w -> fail(w))) {
            HistoryDriver driver = k.driver();
            assertInstanceOf(OpenClHistoryDriver.class, driver);
            assertEquals(1, driver.maxConcurrentCalls());
            assertEquals("opencl", k.backend().name());
            VoxelEnergyTally tally = new VoxelEnergyTally(N, N, N);
            driver.run(0, 200, tally);
            assertEquals(tally.emittedUnits(), tally.depositedUnits() + tally.escapedUnits());
            assertTrue(tally.depositedUnits() > 0.5 * tally.emittedUnits());
        }
    }
}
