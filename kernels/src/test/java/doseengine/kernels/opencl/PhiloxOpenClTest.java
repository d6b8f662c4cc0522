package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.rng.Philox4x32;
import doseengine.kernels.rng.PhiloxStream;
import doseengine.kernels.rng.Random123KnownAnswers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * include/philox.clh on the OpenCL device equals the Java Philox4x32 / PhiloxStream bit for bit
 * (Random123's idea: one known-answer table for every backend). Needs an OpenCL device.
 */
class PhiloxOpenClTest {

    @RegisterExtension
    static final TestProgram DEVICE = new TestProgram("test_rng.cl");

    /** Random123 known answers (provenance in {@link Random123KnownAnswers}). */
    @Test
    void reproducesRandom123KnownAnswers() {
        int[][] kat = Random123KnownAnswers.PHILOX4X32_10;
        int[] counters = new int[4 * kat.length];
        int[] keys = new int[2 * kat.length];
        for (int i = 0; i < kat.length; i++) {
            System.arraycopy(kat[i], 0, counters, 4 * i, 4);
            System.arraycopy(kat[i], 4, keys, 2 * i, 2);
        }
        int[] out = deviceBlocks(counters, keys);
        for (int i = 0; i < kat.length; i++) {
            for (int w = 0; w < 4; w++) {
                assertEquals(kat[i][6 + w], out[4 * i + w], "vector " + i + " word " + w);
            }
        }
    }

    /** 100 000 blocks at random counters and keys: every word equal to the Java block. */
    @Test
    void randomCountersAndKeysEqualJava() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(0x5EED_1234L);
        int[] counters = new int[4 * n];
        int[] keys = new int[2 * n];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = random.nextInt();
        }
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextInt();
        }
        int[] out = deviceBlocks(counters, keys);
        int[] expected = new int[4];
        for (int i = 0; i < n; i++) {
            Philox4x32.block(counters[4 * i], counters[4 * i + 1], counters[4 * i + 2], counters[4 * i + 3],
                    keys[2 * i], keys[2 * i + 1], expected);
            for (int w = 0; w < 4; w++) {
                if (expected[w] != out[4 * i + w]) {
                    assertEquals(expected[w], out[4 * i + w], "block " + i + " word " + w);
                }
            }
        }
    }

    /**
     * The streams of 4096 histories, 37 floats each (37 is not a multiple of 4, so block boundaries fall
     * mid-word-group), with history indices crossing 2^32 (the high counter word) and a seed using all 64
     * bits: float bits equal to PhiloxStream's.
     */
    @Test
    void historyStreamsEqualJavaFloatForFloat() {
        int histories = 4096;
        int draws = 37;
        long seed = 0xF00D_CAFE_1234_5678L;
        long firstHistory = (1L << 32) - histories / 2;
        int purpose = 0x8000_0003;
        float[] out = new float[histories * draws];
        try (DeviceBuffer buffer = DeviceBuffer.allocate(DEVICE.context(), (long) out.length * Float.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("generate_uniform_floats")) {
            kernel.arg(0, seed).arg(1, firstHistory).arg(2, purpose).arg(3, draws).arg(4, buffer).run(histories);
            buffer.read(out);
        }
        PhiloxStream stream = new PhiloxStream(seed, firstHistory, purpose);
        for (int h = 0; h < histories; h++) {
            stream.restart(firstHistory + h, purpose);
            for (int j = 0; j < draws; j++) {
                float expected = stream.nextFloat();
                float actual = out[h * draws + j];
                if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
                    assertEquals(Float.toHexString(expected), Float.toHexString(actual),
                            "history " + (firstHistory + h) + " draw " + j);
                }
            }
        }
    }

    /** Word-to-float conversion: the edge words and 65 536 random ones, float bits equal to Java's. */
    @Test
    void uintToFloatEqualsJavaBitForBit() {
        int[] words = new int[65_536];
        int[] edges = {0, 0xFF, 0x100, 0x1FF, 0x7FFFFFFF, 0x80000000, 0xFFFFFF00, 0xFFFFFFFF};
        System.arraycopy(edges, 0, words, 0, edges.length);
        SplittableRandom random = new SplittableRandom(77L);
        for (int i = edges.length; i < words.length; i++) {
            words[i] = random.nextInt();
        }
        float[] out = new float[words.length];
        try (DeviceBuffer in = DeviceBuffer.copyOf(DEVICE.context(), words);
                DeviceBuffer result = DeviceBuffer.allocate(DEVICE.context(), (long) out.length * Float.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("convert_uints_to_floats")) {
            kernel.arg(0, in).arg(1, result).run(words.length);
            result.read(out);
        }
        for (int i = 0; i < words.length; i++) {
            float expected = Philox4x32.toUnitFloat(words[i]);
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(out[i])) {
                assertEquals(Float.toHexString(expected), Float.toHexString(out[i]),
                        "word " + Integer.toHexString(words[i]));
            }
        }
    }

    /**
     * -ln(1 - u) on the device is within 4 ulp of Java's: OpenCL 1.2 (section 7.4, table 7.1) allows float
     * log 3 ulp, and Java's double log rounded to float adds at most about 1/2 ulp; so not bit-identical
     * by contract, though a device may well be. Tested on the u grid ends and 65 536 random u.
     */
    @Test
    void expSampleWithinTheOpenClLogErrorBound() {
        float[] u = new float[65_536];
        u[0] = 0f;
        u[1] = 0x1p-24f;
        u[2] = 0.5f;
        u[3] = 1f - 0x1p-24f;
        SplittableRandom random = new SplittableRandom(78L);
        for (int i = 4; i < u.length; i++) {
            u[i] = Philox4x32.toUnitFloat(random.nextInt());
        }
        float[] out = new float[u.length];
        try (DeviceBuffer in = DeviceBuffer.copyOf(DEVICE.context(), u);
                DeviceBuffer result = DeviceBuffer.allocate(DEVICE.context(), (long) out.length * Float.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("generate_exp_samples")) {
            kernel.arg(0, in).arg(1, result).run(u.length);
            result.read(out);
        }
        double worstUlps = 0;
        for (int i = 0; i < u.length; i++) {
            float expected = PhiloxStream.expSample(u[i]);
            double ulps = Math.abs(out[i] - expected) / Math.ulp(expected);
            worstUlps = Math.max(worstUlps, ulps);
            assertTrue(ulps <= 4, "u = " + Float.toHexString(u[i]) + ": device " + Float.toHexString(out[i])
                    + ", Java " + Float.toHexString(expected));
        }
        System.out.printf("philox_exp_sample on %s: largest difference from Java %.0f ulp%n",
                DEVICE.context().info().deviceName(), worstUlps);
    }

    private static int[] deviceBlocks(int[] counters, int[] keys) {
        int[] out = new int[counters.length];
        try (DeviceBuffer c = DeviceBuffer.copyOf(DEVICE.context(), counters);
                DeviceBuffer k = DeviceBuffer.copyOf(DEVICE.context(), keys);
                DeviceBuffer result = DeviceBuffer.allocate(DEVICE.context(), (long) out.length * Integer.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("generate_philox_blocks")) {
            kernel.arg(0, c).arg(1, k).arg(2, result).run(counters.length / 4);
            result.read(out);
        }
        return out;
    }
}
