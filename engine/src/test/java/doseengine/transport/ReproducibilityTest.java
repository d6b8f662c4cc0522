package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.TransportParameters;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One seed, one answer: a history draws only from its own Philox stream (seed, history, 0) and the tally sums are
 * exact integers, so the tally must be bit-identical however the histories are split over threads and calls
 * (DESIGN.md 3.4, 3.5). I-131 in the heterogeneous grid exercises photons, electrons and both stacks' orders.
 */
class ReproducibilityTest {
    private static final int HISTORIES = 1200;

    private final VoxelGeometry grid = TransportFixtures.heterogeneous(10);
    private final TransportProblem problem = TransportFixtures.problem(TransportFixtures.HETEROGENEOUS_MATERIALS,
            "I-131", TransportParameters.defaults(), grid, TransportFixtures.centralBlock(grid, 4), 99L);

    @Test
    void sameSeedGivesBitIdenticalTalliesOnOneTwoAndFourThreads() throws Exception {
        long[] one = runChunks(problem, 1, new int[] {HISTORIES});
        long[] two = runChunks(problem, 2, new int[] {600, 600});
        long[] four = runChunks(problem, 4, new int[] {1, 299, 7, 93, 400, 17, 383});
        long[] manySmall = runChunks(problem, 4, chunksOf(HISTORIES, 13));
        assertArrayEquals(one, two, "1 thread vs 2 threads");
        assertArrayEquals(one, four, "1 thread vs 4 threads, uneven chunks");
        assertArrayEquals(one, manySmall, "1 thread vs 4 threads, chunks of 13");
        assertTrue(Arrays.stream(one).limit(grid.voxelCount()).filter(u -> u > 0).count() > 100,
                "the test must score many voxels to mean something");
    }

    @Test
    void anotherSeedGivesAnotherTally() throws Exception {
        long[] a = runChunks(problem, 1, new int[] {HISTORIES});
        long[] b = runChunks(problem.withSeed(100L), 1, new int[] {HISTORIES});
        assertFalse(Arrays.equals(a, b));
    }

    /**
     * Runs histories 0 .. sum(chunks) - 1 as consecutive ranges of the given sizes, submitted to a pool of
     * {@code threads} threads (in reverse order, so that later histories tend to run first), into one tally.
     */
    private static long[] runChunks(TransportProblem p, int threads, int[] chunks) throws Exception {
        JavaHistoryDriver kernel = new JavaHistoryDriver(p);
        VoxelGeometry g = p.geometry();
        VoxelEnergyTally tally = new VoxelEnergyTally(g.nx(), g.ny(), g.nz());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            long first = 0;
            long[] starts = new long[chunks.length];
            for (int c = 0; c < chunks.length; c++) {
                starts[c] = first;
                first += chunks[c];
            }
            for (int c = chunks.length - 1; c >= 0; c--) {
                long start = starts[c];
                int count = chunks[c];
                done.add(pool.submit(() -> kernel.run(start, count, tally)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return tally.units().clone();
    }

    private static int[] chunksOf(int total, int size) {
        int n = (total + size - 1) / size;
        int[] chunks = new int[n];
        for (int c = 0; c < n; c++) {
            chunks[c] = Math.min(size, total - c * size);
        }
        return chunks;
    }
}
