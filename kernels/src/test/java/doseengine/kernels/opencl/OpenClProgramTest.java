package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Building programs: options, the FP_CONTRACT contract, build failures. Needs an OpenCL device. */
class OpenClProgramTest {

    private static OpenClContext cl;

    /** Per test rather than @BeforeAll, so that without a device each test is reported as skipped. */
    @BeforeEach
    void open() {
        if (cl == null) {
            cl = OpenClTestSupport.open();
        }
    }

    @AfterAll
    static void close() {
        if (cl != null) {
            cl.close();
        }
    }

    @Test
    void buildFailureCarriesTheBuildLog() {
        KernelBuildException e = assertThrows(KernelBuildException.class,
                () -> OpenClProgram.build(cl, KernelSource.load("testsources/broken.cl")).close());
        assertTrue(e.buildLog().contains("no_such_function"), e.buildLog());
        assertTrue(e.getMessage().contains("testsources/broken.cl"), e.getMessage());
    }

    @Test
    void accuracyTradingOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> OpenClProgram.build(cl, KernelSource.load("test_rng.cl"), "-cl-fast-relaxed-math"));
        assertThrows(IllegalArgumentException.class,
                () -> OpenClProgram.build(cl, KernelSource.load("test_rng.cl"), "-DX=1 -cl-mad-enable"));
    }

    /**
     * a = b = 1 + 2^-12, c = -(1 + 2^-11): a*b = 1 + 2^-11 + 2^-24 rounds (tie to even) to 1 + 2^-11, so
     * a*b + c is 0 with a rounded product (Java, and the device with FP_CONTRACT OFF) and 2^-24 if the
     * compiler fused it into an fma. The kernel also #errors unless -DFP_CONTRACT_OFF was passed.
     */
    @Test
    void multiplyAddIsNotFused() {
        float a = 1f + 0x1p-12f;
        float c = -(1f + 0x1p-11f);
        assertEquals(0f, a * a + c, "Java reference");
        float[] out = new float[1];
        try (OpenClProgram program = OpenClProgram.build(cl, KernelSource.load("testsources/fp_contract.cl"));
                DeviceBuffer result = DeviceBuffer.allocate(cl, Float.BYTES)) {
            program.kernel("multiply_add").arg(0, a).arg(1, a).arg(2, c).arg(3, result).run(1);
            result.read(out);
        }
        assertEquals(Float.floatToRawIntBits(a * a + c), Float.floatToRawIntBits(out[0]),
                "device gave " + Float.toHexString(out[0]));
    }

    /**
     * Where the device offers correctly rounded float division and sqrt, programs are built with them, and
     * 1 000 000 quotients and roots of random positive floats (every exponent) have Java's bits. Without the
     * capability the option must be absent (the driver would reject it) and nothing is compared.
     */
    @Test
    void divisionAndSqrtAreCorrectlyRoundedWhereTheDeviceCan() {
        try (OpenClProgram program = OpenClProgram.build(cl, KernelSource.load("testsources/divide_sqrt.cl"))) {
            assertEquals(cl.correctlyRoundedDivideSqrt(), program.correctlyRoundedDivideSqrt(), program.options());
            if (!program.correctlyRoundedDivideSqrt()) {
                return;
            }
            int n = 1_000_000;
            SplittableRandom random = new SplittableRandom(0xD1DL);
            float[] a = new float[n];
            float[] b = new float[n];
            int maxBits = Float.floatToRawIntBits(Float.MAX_VALUE);
            for (int i = 0; i < n; i++) {
                a[i] = Float.intBitsToFloat(1 + random.nextInt(maxBits));
                b[i] = Float.intBitsToFloat(1 + random.nextInt(maxBits));
            }
            float[] quotient = new float[n];
            float[] root = new float[n];
            try (DeviceBuffer da = DeviceBuffer.copyOf(cl, a);
                    DeviceBuffer db = DeviceBuffer.copyOf(cl, b);
                    DeviceBuffer dq = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                    DeviceBuffer dr = DeviceBuffer.allocate(cl, (long) n * Float.BYTES)) {
                program.kernel("divide_and_sqrt").arg(0, da).arg(1, db).arg(2, dq).arg(3, dr).run(n);
                dq.read(quotient);
                dr.read(root);
            }
            for (int i = 0; i < n; i++) {
                float q = a[i] / b[i];
                float r = (float) Math.sqrt(a[i]);
                if (Float.floatToRawIntBits(q) != Float.floatToRawIntBits(quotient[i])
                        || Float.floatToRawIntBits(r) != Float.floatToRawIntBits(root[i])) {
                    assertEquals(Float.toHexString(q) + " " + Float.toHexString(r),
                            Float.toHexString(quotient[i]) + " " + Float.toHexString(root[i]),
                            Float.toHexString(a[i]) + " / " + Float.toHexString(b[i]));
                }
            }
        }
    }
}
