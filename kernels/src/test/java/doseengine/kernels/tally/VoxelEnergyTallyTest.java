package doseengine.kernels.tally;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VoxelEnergyTallyTest {
    private static final int NX = 16, NY = 12, NZ = 10, HISTORIES = 20_000;

    /**
     * A stand-in for one transport history: deposits that depend only on the history index (as with Philox
     * streams), clustered around a random voxel so that threads collide on the same bins.
     */
    private static void runHistory(VoxelEnergyTally t, int h) {
        SplittableRandom r = new SplittableRandom(1000L + h);
        int centre = r.nextInt(8); // few centres: heavy contention
        float emitted = 0;
        int steps = 5 + r.nextInt(20);
        for (int s = 0; s < steps; s++) {
            float e = (float) (r.nextDouble() * 0.05);
            emitted += e;
            int v = Math.floorMod(centre * 97 + r.nextInt(7) - 3, NX * NY * NZ);
            if (r.nextInt(10) == 0) {
                t.escape(e);
            } else {
                t.deposit(v, e);
            }
        }
        t.emit(emitted);
    }

    private static long[] runWithThreads(int threads) throws InterruptedException {
        VoxelEnergyTally t = new VoxelEnergyTally(NX, NY, NZ);
        AtomicInteger next = new AtomicInteger();
        List<Thread> pool = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            // Histories are handed out dynamically, so which thread runs which history varies from run to run.
            Thread th = new Thread(() -> {
                for (int h; (h = next.getAndIncrement()) < HISTORIES; ) {
                    runHistory(t, h);
                }
            });
            pool.add(th);
            th.start();
        }
        for (Thread th : pool) {
            th.join();
        }
        return t.units().clone();
    }

    @Test
    void twoAndEightThreadsGiveIdenticalTallies() throws InterruptedException {
        VoxelEnergyTally serial = new VoxelEnergyTally(NX, NY, NZ);
        for (int h = HISTORIES - 1; h >= 0; h--) { // reverse order, single thread
            runHistory(serial, h);
        }
        long[] two = runWithThreads(2);
        long[] eight = runWithThreads(8);
        assertArrayEquals(serial.units(), two);
        assertArrayEquals(serial.units(), eight);
        assertTrue(serial.depositedUnits() > 0 && serial.escapedUnits() > 0 && serial.emittedUnits() > 0);
    }

    @Test
    void countersSitAfterTheBins() {
        VoxelEnergyTally t = new VoxelEnergyTally(2, 3, 4);
        assertEquals(24, t.bins());
        assertEquals(24, t.escapedSlot());
        assertEquals(25, t.emittedSlot());
        assertEquals(26, t.units().length);
        t.deposit(23, 1f);
        t.deposit(23, 0.5f);
        t.escape(0.25f);
        t.emit(2f);
        assertEquals(3L << 29, t.units()[23]);
        assertEquals(1L << 28, t.escapedUnits());
        assertEquals(1L << 31, t.emittedUnits());
        // 1.5 + 0.25 of 2 MeV: the balance deposited + escaped = emitted is off by exactly the 0.25 not deposited.
        assertEquals(t.emittedUnits() - (1L << 28), t.depositedUnits() + t.escapedUnits());
        t.reset();
        for (long u : t.units()) {
            assertEquals(0, u);
        }
    }

    @Test
    void indexBeyondTheGridDoesNotReachTheCounters() {
        VoxelEnergyTally t = new VoxelEnergyTally(2, 2, 2);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> t.deposit(8, 1f));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> t.deposit(-1, 1f));
        assertEquals(0, t.escapedUnits());
    }
}
