package doseengine.kernels.rng;

import org.apache.commons.rng.core.source32.Philox4x32;

/**
 * Apache Commons RNG 1.7's {@code Philox4x32} used as an independent oracle. Its state is
 * {key0, key1, counter0..3}, and it increments the 128-bit counter (counter0 least significant) BEFORE
 * producing each block, so to get the block at counter c it must be started at c - 1.
 */
final class CommonsPhilox {

    private CommonsPhilox() {}

    /** {@code count} consecutive blocks starting at counter (c0..c3) under key (k0, k1), as 4*count words. */
    static int[] blocks(int c0, int c1, int c2, int c3, int k0, int k1, int count) {
        int[] before = {c0, c1, c2, c3};
        decrement(before);
        Philox4x32 oracle = new Philox4x32(new int[] {k0, k1, before[0], before[1], before[2], before[3]});
        int[] words = new int[4 * count];
        for (int i = 0; i < words.length; i++) {
            words[i] = oracle.nextInt();
        }
        return words;
    }

    /** Adds one to the 128-bit counter c[0] + 2^32 c[1] + 2^64 c[2] + 2^96 c[3], wrapping at 2^128. */
    static void increment(int[] c) {
        for (int i = 0; i < 4 && ++c[i] == 0; i++) {
            // carry on
        }
    }

    static void decrement(int[] c) {
        for (int i = 0; i < 4 && c[i]-- == 0; i++) {
            // borrow on
        }
    }
}
