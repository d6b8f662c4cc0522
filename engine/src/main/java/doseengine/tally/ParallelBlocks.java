package doseengine.tally;

import java.util.stream.IntStream;

/** Splits {@code [0, n)} into contiguous blocks of about 64 K items and runs them on the common pool. */
final class ParallelBlocks {
    interface Action {
        void run(int block, int from, int to);
    }

    private ParallelBlocks() {}

    /** How many blocks {@link #run} uses for n items (at least 1, at most 1024). */
    static int count(int n) {
        return Math.max(1, Math.min(1024, n / 65536));
    }

    static void run(int n, Action action) {
        int blocks = count(n);
        IntStream.range(0, blocks).parallel().forEach(b ->
                action.run(b, (int) ((long) n * b / blocks), (int) ((long) n * (b + 1) / blocks)));
    }
}
