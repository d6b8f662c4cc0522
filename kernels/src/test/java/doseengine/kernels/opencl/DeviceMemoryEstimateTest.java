package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The arithmetic of {@link DeviceMemoryEstimate} for a voxel grid and its refusal messages, without a device
 * (the engine's DeviceMemoryEstimateTest checks the estimate against what a device really holds).
 */
class DeviceMemoryEstimateTest {
    private static OpenClDeviceInfo device(long global, long maxAlloc) {
        return new OpenClDeviceInfo(0, "platform", "OpenCL 3.0", "Test GPU", "GPU", "OpenCL 3.0", 80, global,
                maxAlloc, true);
    }

    /**
     * Parts of a 100 x 100 x 100 grid with 1000 active voxels and 5 MB of tables: 1 byte + 4 bytes per voxel of
     * grid, 12 bytes per active voxel of alias table, 8 bytes per voxel plus two slots of tally plus the 20 bytes of
     * counters; the largest buffer is the tally.
     */
    @Test
    void partsOfAVoxelGrid() {
        long n = 1_000_000;
        DeviceMemoryEstimate e = DeviceMemoryEstimate.forVoxelGrid(n, 1000, 5_000_000, 400_000);
        assertEquals(5 * n, e.gridBytes());
        assertEquals(5_000_000, e.tableBytes());
        assertEquals(12_000, e.sourceBytes());
        assertEquals(8 * (n + 2) + 20, e.tallyBytes());
        assertEquals(5 * n + 5_000_000 + 12_000 + 8 * (n + 2) + 20, e.totalBytes());
        assertEquals(8 * (n + 2), e.largestBufferBytes());
        assertEquals("the tally", e.largestBuffer());
        e.requireFits(device(1L << 30, 1L << 28));
    }

    @Test
    void tooLittleMemoryIsRefusedWithTheSizes() {
        DeviceMemoryEstimate e = DeviceMemoryEstimate.forVoxelGrid(512L * 512 * 600, 512L * 512 * 600, 10_000_000,
                1_000_000);
        InsufficientDeviceMemoryException total = assertThrows(InsufficientDeviceMemoryException.class,
                () -> e.requireFits(device(3_000_000_000L, 3_000_000_000L)));
        assertEquals("the OpenCL run needs 3.94 GB of device memory (grid 0.79 GB, tables 0.01 GB, source 1.89 GB, "
                + "tally 1.26 GB) but Test GPU has 3.00 GB", total.getMessage());
        InsufficientDeviceMemoryException one = assertThrows(InsufficientDeviceMemoryException.class,
                () -> e.requireFits(device(8_000_000_000L, 1L << 30)));
        assertEquals("the OpenCL run needs one buffer of 1.26 GB (the tally) but Test GPU allocates at most 1.07 GB "
                + "at once", one.getMessage());
        assertTrue(e.totalBytes() < 4_000_000_000L);
    }

    /**
     * Double buffering: a second copy of the tally and its counters, each its own buffer (so the largest buffer stays
     * one tally); two copies when they fit the device, one otherwise, and a message naming the copies.
     */
    @Test
    void twoTallyCopiesWhereTheyFit() {
        long n = 1_000_000;
        DeviceMemoryEstimate one = DeviceMemoryEstimate.forVoxelGrid(n, 1000, 5_000_000, 400_000);
        DeviceMemoryEstimate two = one.withTallyCopies(2);
        assertEquals(2, two.tallyCopies());
        assertEquals(2 * (8 * (n + 2) + 20), two.tallyBytes());
        assertEquals(one.totalBytes() + 8 * (n + 2) + 20, two.totalBytes());
        assertEquals(one.largestBufferBytes(), two.largestBufferBytes());
        assertEquals(one, two.withTallyCopies(1));
        assertTrue(two.parts().endsWith("tally 0.02 GB (2 copies)"), two.parts());

        long between = (one.totalBytes() + two.totalBytes()) / 2;
        assertEquals(1, DeviceMemoryEstimate.preferTwoTallies(one, device(between, 1L << 28)).tallyCopies());
        assertEquals(2, DeviceMemoryEstimate.preferTwoTallies(one, device(two.totalBytes(), 1L << 28)).tallyCopies());
        assertTrue(two.fits(device(two.totalBytes(), 1L << 28)));
        assertFalse(two.fits(device(two.totalBytes() - 1, 1L << 28)));
        assertFalse(two.fits(device(1L << 30, two.largestBufferBytes() - 1)));
        assertThrows(IllegalArgumentException.class, () -> one.withTallyCopies(3));
    }

    @Test
    void impossibleSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DeviceMemoryEstimate.forVoxelGrid(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DeviceMemoryEstimate.forVoxelGrid(10, 11, 0, 0));
    }
}
