package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.ct.HuToMaterial;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.opencl.DeviceMemoryEstimate;
import doseengine.kernels.opencl.OpenClContext;
import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClTestSupport;
import doseengine.kernels.opencl.OpenClHistoryDriver;
import doseengine.kernels.source.SourceSampler;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The device memory of an OpenCL run: the estimate made before allocating, and what a CT needs. */
class OpenClMemoryTest {
    /**
     * The estimate is exactly what the kernel allocates on the device (its uploads, tallies and counters): two tally
     * copies where they fit (any device has room for this 10^3 grid), one when the kernel is limited to one, which
     * then says so in one line.
     */
    @Test
    void theEstimateIsWhatTheDeviceHolds() {
        TransportProblem p = OpenClTransportTest.heterogeneous("I-131", 1L);
        DeviceMemoryEstimate single = DeviceMemoryEstimate.of(p, new VoxelEnergyTally(10, 10, 10));
        DeviceMemoryEstimate expected = single.withTallyCopies(2);
        try (OpenClContext cl = OpenClTestSupport.open()) {
            try (OpenClHistoryDriver k = OpenClHistoryDriver.create(cl, p)) {
                assertEquals(expected, k.memory());
                assertEquals(expected.totalBytes(), k.deviceBytes());
                assertEquals(2, k.batchesInFlight());
                assertNull(k.singleTallyNote());
            }
            try (OpenClHistoryDriver k = OpenClHistoryDriver.create(cl, p,
                    OpenClHistoryDriver.defaultStackCapacity(p.parameters()), 1)) {
                assertEquals(single, k.memory());
                assertEquals(single.totalBytes(), k.deviceBytes());
                assertEquals(1, k.batchesInFlight());
                String note = k.singleTallyNote();
                assertTrue(note.startsWith("OpenCL: " + cl.info().deviceName() + " holds one voxel tally, not two"),
                        note);
                assertFalse(note.contains("\n"), note);
            }
        }
    }

    /**
     * A 512 x 512 x 600 CT (157 M voxels) with activity in every voxel (the largest alias table) and the tables of the
     * default CT calibration's materials for I-131 (the longest emission table) fits in 4 GB: grid 0.79 GB, alias
     * table 1.89 GB, tally 1.26 GB, tables 1 MB (7 materials); 3.93 GB in all. The tables do not depend on the grid's size, so they are built
     * on one voxel per material. No device needed.
     */
    @Test
    void aLargeCtFitsInFourGigabytes() {
        List<String> names = HuToMaterial.schneider2000Collapsed().materialNames();
        int m = names.size();
        byte[] material = new byte[m];
        float[] density = new float[m];
        for (int i = 0; i < m; i++) {
            material[i] = (byte) i;
            density[i] = 1.9f; // the densest bone: the majorant does not change the table sizes anyway
        }
        VoxelGeometry g = new VoxelGeometry(m, 1, 1, 0.1f, 0.1f, 0.1f, material, density);
        TransportProblem p = TransportFixtures.problem(names, "I-131", TransportParameters.defaults(), g,
                new SourceSampler(new float[] {1f}, new int[] {0}, new int[] {0}, m, 1, 1, 0.1f, 0.1f, 0.1f), 1L);
        long[] largest = {0};
        long tables = DeviceMemoryEstimate.tableBytes(p.emissions(), p.photonCrossSections(), p.photonMajorant(),
                p.rayleigh(), p.compton(), p.electrons(), largest);
        long voxels = 512L * 512 * 600;
        DeviceMemoryEstimate ct = DeviceMemoryEstimate.forVoxelGrid(voxels, voxels, tables, largest[0]);
        System.out.printf(Locale.ROOT, "512 x 512 x 600 CT, %d materials: %.3f GB (%s)%n", m, ct.totalBytes() / 1e9,
                ct.parts());
        assertTrue(ct.totalBytes() <= 4_000_000_000L, ct.parts());
        assertEquals(voxels * 5, ct.gridBytes());
        assertEquals((voxels + 2) * 8 + 20, ct.tallyBytes());
        assertTrue(tables > 100_000 && tables < 50_000_000, "tables " + tables);
        assertEquals("the tally", ct.largestBuffer());

        // Double buffering adds a second tally (1.26 GB): 5.19 GB, too much for 4 GB, where the run keeps one.
        DeviceMemoryEstimate two = ct.withTallyCopies(2);
        assertEquals(2 * ct.tallyBytes(), two.tallyBytes());
        assertTrue(two.totalBytes() > 5_000_000_000L && two.totalBytes() < 5_300_000_000L, two.parts());
        OpenClDeviceInfo fourGb = new OpenClDeviceInfo(0, "p", "OpenCL 3.0", "4 GB GPU", "GPU", "OpenCL 3.0", 40,
                4_000_000_000L, 2_000_000_000L, true);
        OpenClDeviceInfo eightGb = new OpenClDeviceInfo(0, "p", "OpenCL 3.0", "8 GB GPU", "GPU", "OpenCL 3.0", 40,
                8_000_000_000L, 2_000_000_000L, true);
        assertEquals(1, DeviceMemoryEstimate.preferTwoTallies(ct, fourGb).tallyCopies());
        assertEquals(2, DeviceMemoryEstimate.preferTwoTallies(ct, eightGb).tallyCopies());
    }
}
