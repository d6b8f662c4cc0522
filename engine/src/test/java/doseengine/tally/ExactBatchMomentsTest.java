package doseengine.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact (integer) batch statistics: against a BigInteger reference, and independent of order and grouping. */
class ExactBatchMomentsTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger unsigned(long hi, long lo) {
        return new BigInteger(Long.toUnsignedString(hi)).multiply(TWO_64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    /**
     * Values of every magnitude; in the first three batches many within a few units of 2^63 - 1, the largest a
     * batch may hold (four squares of that size fill 128 bits).
     */
    private static long randomUnits(Random r, int batch) {
        return switch (r.nextInt(4)) {
            case 0 -> batch < 3 ? Long.MAX_VALUE - r.nextInt(1000) : r.nextLong() >>> 4;
            case 1 -> r.nextLong() >>> (batch < 3 ? 1 : 4);
            case 2 -> (r.nextLong() >>> 1) >>> r.nextInt(63);
            default -> r.nextInt(3);
        };
    }

    @Test
    void roundingTo128BitDoubleMatchesBigInteger() {
        Random r = new Random(11);
        List<long[]> cases = new ArrayList<>(List.of(new long[] {0, 0}, new long[] {0, -1}, new long[] {-1, -1},
                new long[] {1, 0}, new long[] {0, Long.MIN_VALUE}, new long[] {0, (1L << 53) + 1},
                new long[] {0, (1L << 54) + 2}, new long[] {0, (1L << 54) + 6}, new long[] {1L << 40, 1},
                new long[] {1L << 40, 0}, new long[] {Long.MIN_VALUE, 1L << 10}, new long[] {Long.MIN_VALUE, 0}));
        for (int i = 0; i < 200_000; i++) {
            long hi = r.nextInt(3) == 0 ? 0 : r.nextLong() >>> r.nextInt(64);
            long lo = r.nextLong();
            if (r.nextInt(5) == 0) {
                lo &= ~((1L << r.nextInt(40)) - 1); // exact halves and ties
                lo |= r.nextBoolean() ? 1L << r.nextInt(20) : 0;
            }
            cases.add(new long[] {hi, lo});
        }
        for (long[] c : cases) {
            double expected = unsigned(c[0], c[1]).doubleValue();
            assertEquals(expected, UInt128.toDouble(c[0], c[1]), 0,
                    () -> Long.toHexString(c[0]) + " " + Long.toHexString(c[1]));
        }
    }

    @Test
    void exactSumsEqualBigIntegerSumsNear2To63() {
        Random r = new Random(63);
        int bins = 50, batches = 37;
        long n = 12_345;
        BatchMoments m = BatchMoments.exact(bins);
        BigInteger[] u1 = new BigInteger[bins], u2 = new BigInteger[bins];
        java.util.Arrays.fill(u1, BigInteger.ZERO);
        java.util.Arrays.fill(u2, BigInteger.ZERO);
        for (int b = 0; b < batches; b++) {
            long[] units = new long[bins + 2];
            for (int i = 0; i < bins; i++) {
                units[i] = randomUnits(r, b);
                u1[i] = u1[i].add(BigInteger.valueOf(units[i]));
                u2[i] = u2[i].add(BigInteger.valueOf(units[i]).pow(2));
            }
            m.foldBatch(units, n);
        }
        for (int i = 0; i < bins; i++) {
            double s1 = new BigDecimal(u1[i]).doubleValue() * 0x1p-30;
            double s2 = new BigDecimal(u2[i]).doubleValue() * 0x1p-60 / n;
            assertEquals(s1, m.sum(i), 0, "S1 of bin " + i);
            assertEquals(s2, m.sumOfSquares(i), 0, "S2 of bin " + i);
        }
        assertEquals(batches, m.batches());
        assertEquals(batches * n, m.decays());
    }

    @Test
    void theSameBatchesInShuffledGroupsGiveIdenticalDoubles() throws IOException {
        Random r = new Random(5);
        int bins = 300, batches = 40;
        long n = 1000;
        List<long[]> all = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            long[] units = new long[bins];
            for (int i = 0; i < bins; i++) {
                units[i] = r.nextInt(4) == 0 ? 0 : (long) (r.nextDouble() * 1e13 * (1 + i % 7));
            }
            all.add(units);
        }
        BatchMoments whole = BatchMoments.exact(bins);
        for (long[] u : all) {
            whole.foldBatch(u.clone(), n);
        }
        for (int trial = 0; trial < 5; trial++) {
            List<long[]> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, r);
            List<BatchMoments> groups = new ArrayList<>();
            int at = 0;
            while (at < batches) {
                int size = 1 + r.nextInt(9);
                BatchMoments g = BatchMoments.exact(bins);
                for (int k = at; k < Math.min(batches, at + size); k++) {
                    g.foldBatch(shuffled.get(k).clone(), n);
                }
                groups.add(roundTrip(g));
                at += size;
            }
            Collections.shuffle(groups, r);
            BatchMoments merged = BatchMoments.exact(bins);
            for (BatchMoments g : groups) {
                merged.addAll(g);
            }
            assertEquals(whole.batches(), merged.batches());
            assertEquals(whole.decays(), merged.decays());
            for (int i = 0; i < bins; i++) {
                assertEquals(whole.sum(i), merged.sum(i), 0, "S1 of bin " + i);
                assertEquals(whole.sumOfSquares(i), merged.sumOfSquares(i), 0, "S2 of bin " + i);
                assertEquals(whole.relativeStandardError(i), merged.relativeStandardError(i), 0, "error of bin " + i);
            }
        }
        // The doubles summed in another order do move in the last bits: what the exact sums avoid.
        BatchMoments inOrder = new BatchMoments(bins), reversed = new BatchMoments(bins);
        for (int b = 0; b < batches; b++) {
            inOrder.foldBatch(all.get(b).clone(), n);
            reversed.foldBatch(all.get(batches - 1 - b).clone(), n);
        }
        int differ = 0;
        for (int i = 0; i < bins; i++) {
            differ += inOrder.sumOfSquares(i) != reversed.sumOfSquares(i) ? 1 : 0;
        }
        assertEquals(true, differ > 0, "double sums in reverse order should differ somewhere");
    }

    private static BatchMoments roundTrip(BatchMoments g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.writeExact(out);
        assertEquals(g.exactBytes(), out.size());
        return BatchMoments.readExact(new ByteArrayInputStream(out.toByteArray()), g.bins(), g.batches(),
                g.batchDecays());
    }

    @Test
    void refusesUnequalBatchesOverflowAndShortStreams() {
        BatchMoments m = BatchMoments.exact(2);
        m.foldBatch(new long[] {1, 2}, 10);
        assertThrows(IllegalArgumentException.class, () -> m.foldBatch(new long[] {1, 2}, 11));
        BatchMoments big = BatchMoments.exact(1);
        assertThrows(IllegalStateException.class, () -> {
            for (int b = 0; b < 5; b++) {
                big.foldBatch(new long[] {Long.MAX_VALUE}, 1);
            }
        });
        assertThrows(EOFException.class, () -> BatchMoments.readExact(new ByteArrayInputStream(new byte[40]), 2, 1, 1));
    }
}
