package doseengine.kernels.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The counter layout of a history's stream (RNG.md), checked against Commons RNG's Philox4x32. */
class PhiloxStreamTest {

    /**
     * Seed 0x0123456789ABCDEF gives key (0x89ABCDEF, 0x01234567); history 0x0000000500000009 gives
     * counter words c0 = 9, c1 = 5; purpose 3 is c2; blocks 0, 1, 2 are c3. Literal words, so the layout
     * is pinned independently of the code under test; the oracle is Commons RNG.
     */
    @Test
    void drawsTheDocumentedCountersInOrder() {
        PhiloxStream stream = new PhiloxStream(0x0123456789ABCDEFL, 0x0000000500000009L, 3);
        for (int block = 0; block < 3; block++) {
            int[] expected = CommonsPhilox.blocks(9, 5, 3, block, 0x89ABCDEF, 0x01234567, 1);
            for (int w = 0; w < 4; w++) {
                assertEquals(expected[w], stream.nextInt(), "block " + block + " word " + w);
            }
        }
    }

    /** 2000 blocks of one stream (a block index crossing no boundary of c0..c2) against the oracle. */
    @Test
    void longStreamEqualsOracleWordForWord() {
        long seed = -7_046_029_254_386_353_131L;
        long history = 0xFFFF_FFFFL;          // c0 all ones, c1 zero: c0 must not carry into c1
        PhiloxStream stream = new PhiloxStream(seed, history, 0x7FFF_FFFF);
        for (int block = 0; block < 2000; block++) {
            int[] expected = CommonsPhilox.blocks(-1, 0, 0x7FFF_FFFF, block, Philox4x32.keyLow(seed),
                    Philox4x32.keyHigh(seed), 1);
            for (int w = 0; w < 4; w++) {
                float expectedFloat = Philox4x32.toUnitFloat(expected[w]);
                assertEquals(Float.floatToRawIntBits(expectedFloat), Float.floatToRawIntBits(stream.nextFloat()),
                        "block " + block + " word " + w);
            }
        }
    }

    @Test
    void historyPurposeAndSeedEachChangeTheNumbers() {
        float base = new PhiloxStream(1L, 42L, 0).nextFloat();
        assertNotEquals(base, new PhiloxStream(1L, 43L, 0).nextFloat());
        assertNotEquals(base, new PhiloxStream(1L, 42L + (1L << 32), 0).nextFloat());
        assertNotEquals(base, new PhiloxStream(1L, 42L, 1).nextFloat());
        assertNotEquals(base, new PhiloxStream(2L, 42L, 0).nextFloat());
        assertNotEquals(base, new PhiloxStream(1L + (1L << 32), 42L, 0).nextFloat());
    }

    @Test
    void restartReproducesAFreshStream() {
        PhiloxStream reused = new PhiloxStream(99L, 5L, 2);
        for (int i = 0; i < 11; i++) {
            reused.nextFloat();
        }
        reused.restart(6L, 1);
        PhiloxStream fresh = new PhiloxStream(99L, 6L, 1);
        for (int i = 0; i < 9; i++) {
            assertEquals(fresh.nextInt(), reused.nextInt(), "draw " + i);
        }
    }

    /** Block 2^32 - 1 is the last; one more would repeat block 0, so the stream refuses. */
    @Test
    void refusesToWrapItsBlockIndex() {
        PhiloxStream stream = new PhiloxStream(1L, 2L, 3, (1L << 32) - 1);
        int[] last = CommonsPhilox.blocks(2, 0, 3, -1, 1, 0, 1);
        for (int w = 0; w < 4; w++) {
            assertEquals(last[w], stream.nextInt());
        }
        assertThrows(IllegalStateException.class, stream::nextInt);
    }

    /**
     * -ln(1 - u): 0 at u = 0 and 24 ln 2 at the largest u, 1 - 2^-24 (reference value computed in double,
     * compared within one float ulp because the float result is the double result rounded once).
     */
    @Test
    void exponentialSampleIsFiniteAtTheEnds() {
        assertEquals(0f, PhiloxStream.expSample(0f), 0f);
        float largest = PhiloxStream.expSample(Philox4x32.toUnitFloat(-1));
        assertEquals(24 * Math.log(2), largest, Math.ulp(largest));
        assertEquals(0x1p-24, PhiloxStream.expSample(0x1p-24f), Math.ulp(0x1p-24f));
    }
}
