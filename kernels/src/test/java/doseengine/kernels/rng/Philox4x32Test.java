package doseengine.kernels.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Philox4x32-10 against Random123's known answers and against Apache Commons RNG 1.7's independent
 * implementation, bit for bit.
 */
class Philox4x32Test {

    @Test
    void reproducesRandom123KnownAnswers() {
        int[] out = new int[4];
        for (int[] v : Random123KnownAnswers.PHILOX4X32_10) {
            Philox4x32.block(v[0], v[1], v[2], v[3], v[4], v[5], out);
            assertArrayEquals(new int[] {v[6], v[7], v[8], v[9]}, out, () -> "counter/key " + hex(v, 6));
        }
    }

    /** Guards the oracle mapping below: Commons RNG itself must give the known answers through it. */
    @Test
    void commonsOracleMappingGivesTheKnownAnswers() {
        for (int[] v : Random123KnownAnswers.PHILOX4X32_10) {
            assertArrayEquals(new int[] {v[6], v[7], v[8], v[9]},
                    CommonsPhilox.blocks(v[0], v[1], v[2], v[3], v[4], v[5], 1), () -> "counter/key " + hex(v, 6));
        }
    }

    /**
     * 4096 blocks: 8 runs of 512 consecutive counters (Commons RNG counts c0 fastest with carries into
     * c1..c3) from random starts and from starts just below the carry and 2^128 wrap boundaries, each
     * under a key made from a 64-bit seed.
     */
    @Test
    void equalsCommonsRngOnConsecutiveCounters() {
        SplittableRandom random = new SplittableRandom(20240611L);
        int[][] starts = {
            {0, 0, 0, 0},
            {-256, 0, 7, 0},                  // carry c0 -> c1
            {-256, -1, 7, 3},                 // carry c0 -> c1 -> c2
            {-256, -1, -1, -1},               // wraps 2^128 -> 0
            {random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt()},
            {random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt()},
            {random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt()},
            {random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt()},
        };
        int blocks = 512;
        int[] out = new int[4];
        for (int[] start : starts) {
            long seed = random.nextLong();
            int k0 = Philox4x32.keyLow(seed);
            int k1 = Philox4x32.keyHigh(seed);
            int[] expected = CommonsPhilox.blocks(start[0], start[1], start[2], start[3], k0, k1, blocks);
            int[] c = start.clone();
            for (int b = 0; b < blocks; b++) {
                Philox4x32.block(c[0], c[1], c[2], c[3], k0, k1, out);
                for (int w = 0; w < 4; w++) {
                    assertEquals(expected[4 * b + w], out[w], "block " + b + " word " + w + " from " + hex(start, 4));
                }
                CommonsPhilox.increment(c);
            }
        }
    }

    /** The seed's low 32 bits are k0 and its high 32 bits k1 (RNG.md), written out literally here. */
    @Test
    void keyWordsOfASeed() {
        long seed = 0x0123456789ABCDEFL;
        assertEquals(0x89ABCDEF, Philox4x32.keyLow(seed));
        assertEquals(0x01234567, Philox4x32.keyHigh(seed));
        assertEquals(0xFFFFFFFF, Philox4x32.keyHigh(-1L));
    }

    /** (x >>> 8) * 2^-24: the extremes and the smallest steps, exactly. */
    @Test
    void unitFloatConversion() {
        assertEquals(0f, Philox4x32.toUnitFloat(0));
        assertEquals(0f, Philox4x32.toUnitFloat(0xFF));            // the low 8 bits are dropped
        assertEquals(0x1p-24f, Philox4x32.toUnitFloat(0x100));
        assertEquals(0.5f, Philox4x32.toUnitFloat(0x80000000));    // sign bit handled as unsigned
        assertEquals(1f - 0x1p-24f, Philox4x32.toUnitFloat(0xFFFFFFFF));
        assertEquals(0x1.fffffep-1f, Philox4x32.toUnitFloat(-1));  // the largest float below 1
    }

    static String hex(int[] v, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(String.format("%08x ", v[i]));
        }
        return s.toString().trim();
    }
}
