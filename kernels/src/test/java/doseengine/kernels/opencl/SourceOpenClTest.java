package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.rng.PhiloxStream;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.source.IsotropicDirection;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.source.SourceSampler;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * include/source.clh on the OpenCL device against the Java SourceSampler, PointSource and IsotropicDirection,
 * history by history from the same Philox streams (tables-source.md). Needs an OpenCL device.
 */
class SourceOpenClTest {

    private static final long SEED = 0x50_0FCE_5EEDL;
    private static final int PURPOSE = 7;

    private static OpenClContext cl;
    private static OpenClProgram aliasProgram;
    private static OpenClProgram pointProgram;

    /** Per test rather than @BeforeAll, so that without a device each test is reported as skipped. */
    @BeforeEach
    void build() {
        if (cl == null) {
            cl = OpenClTestSupport.open();
            aliasProgram = OpenClProgram.build(cl, KernelSource.load("test_source.cl"), DeviceAliasSource.BUILD_OPTION);
            pointProgram = OpenClProgram.build(cl, KernelSource.load("test_source.cl"), DevicePointSource.BUILD_OPTION);
        }
    }

    @AfterAll
    static void release() {
        if (aliasProgram != null) {
            aliasProgram.close();
        }
        if (pointProgram != null) {
            pointProgram.close();
        }
        if (cl != null) {
            cl.close();
        }
    }

    /**
     * The column of the 48-bit uniform is exactly floor(u * n), checked against BigInteger arithmetic for
     * column counts from 1 to 2^31 - 1 (beyond the 157 M voxels of a 512 x 512 x 600 grid), at the extreme
     * uniforms (0 and 1 - 2^-24 in each half) and 20 000 random pairs per count.
     */
    @Test
    void aliasColumnIsExactlyTheFloorOfThe48BitUniformTimesN() {
        int[] counts = {1, 2, 3, 7, 1000, 10_000_000, 157_286_400, Integer.MAX_VALUE};
        int perCount = 20_004;
        int total = counts.length * perCount;
        float[] u1 = new float[total];
        float[] u2 = new float[total];
        int[] n = new int[total];
        float top = 1f - 0x1p-24f;
        SplittableRandom random = new SplittableRandom(0xC01L);
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < perCount; k++) {
                int i = c * perCount + k;
                n[i] = counts[c];
                u1[i] = k == 1 || k == 3 ? top : (k < 4 ? 0f : random.nextInt(1 << 24) * 0x1p-24f);
                u2[i] = k == 2 || k == 3 ? top : (k < 4 ? 0f : random.nextInt(1 << 24) * 0x1p-24f);
            }
        }
        int[] column = new int[total];
        try (DeviceBuffer a = DeviceBuffer.copyOf(cl, u1);
                DeviceBuffer b = DeviceBuffer.copyOf(cl, u2);
                DeviceBuffer cn = DeviceBuffer.copyOf(cl, n);
                DeviceBuffer out = DeviceBuffer.allocate(cl, (long) total * Integer.BYTES);
                OpenClKernel kernel = aliasProgram.kernel("compute_alias_columns")) {
            kernel.arg(0, a).arg(1, b).arg(2, cn).arg(3, out).run(total);
            out.read(column);
        }
        for (int i = 0; i < total; i++) {
            BigInteger u48 = BigInteger.valueOf((long) (u1[i] * 0x1p24f)).shiftLeft(24)
                    .add(BigInteger.valueOf((long) (u2[i] * 0x1p24f)));
            long expected = u48.multiply(BigInteger.valueOf(n[i])).shiftRight(48).longValueExact();
            if (expected != Integer.toUnsignedLong(column[i])) {
                assertEquals(expected, Integer.toUnsignedLong(column[i]),
                        "u1 = " + u1[i] + ", u2 = " + u2[i] + ", n = " + n[i]);
            }
        }
        assertEquals(Integer.MAX_VALUE - 1, column[counts.length * perCount - perCount + 3], "top uniform, top column");
    }

    /**
     * 100 000 decays from an alias table over a 23 x 17 x 11 grid of 0.4 x 0.25 x 0.3 cm voxels, with
     * keep-probabilities including exactly 0 and 1: voxel, position and the number of uniforms drawn equal
     * Java's bit for bit (integer and exact float arithmetic only, nothing rounded differently); then the
     * isotropic direction from the same stream: w bit for bit (exact arithmetic), u and v within the cos/sin
     * error bound below.
     */
    @Test
    void aliasSourceDecaysEqualJavaHistoryByHistory() {
        int nx = 23;
        int ny = 17;
        int nz = 11;
        int voxels = nx * ny * nz;
        SplittableRandom random = new SplittableRandom(0xA11A5L);
        int columns = 1500;
        float[] prob = new float[columns];
        int[] alias = new int[columns];
        int[] voxelIndex = new int[columns];
        for (int c = 0; c < columns; c++) {
            prob[c] = c % 50 == 0 ? 0f : (c % 50 == 1 ? 1f : random.nextInt(1 << 24) * 0x1p-24f);
            voxelIndex[c] = random.nextInt(voxels);
            alias[c] = random.nextInt(voxels);
        }
        SourceSampler sampler = new SourceSampler(prob, alias, voxelIndex, nx, ny, nz, 0.4f, 0.25f, 0.3f);
        try (DeviceDecaySource device = DeviceDecaySource.upload(cl, sampler)) {
            assertEquals(DeviceAliasSource.BUILD_OPTION, device.buildOption());
            compareDecays(sampler, device, aliasProgram, 100_000, 8);
        }
    }

    /** A point source: position and voxel as given, no uniform drawn for them; the direction as above. */
    @Test
    void pointSourceDecaysEqualJavaHistoryByHistory() {
        PointSource point = new PointSource(1.5f, -2.25f, 0.125f, 4242);
        try (DeviceDecaySource device = DeviceDecaySource.upload(cl, point)) {
            assertEquals(DevicePointSource.BUILD_OPTION, device.buildOption());
            compareDecays(point, device, pointProgram, 20_000, 2);
        }
    }

    /** The device's 2 pi is Java's (float) (2 pi). */
    @Test
    void twoPiIsJavasFloat() {
        float[] out = new float[1];
        try (DeviceBuffer b = DeviceBuffer.allocate(cl, Float.BYTES);
                OpenClKernel kernel = aliasProgram.kernel("write_source_constants")) {
            kernel.arg(0, b).run(1);
            b.read(out);
        }
        assertEquals((float) (2 * Math.PI), out[0]);
    }

    /**
     * Tolerance of u = s cos(phi) and v = s sin(phi), in ulps of the Java value: OpenCL 1.2 allows cos and sin
     * 4 ulp (section 7.4, table 7.1), Java's double result rounded to float is within 0.5 ulp, and each side
     * rounds the product by 0.5 ulp: 5.5 ulp of the exact value, which is at most 11 ulp of a float just above a
     * power of two. s is bit-identical where sqrt is correctly rounded; otherwise sqrt's 3 ulp add 6.
     */
    private static double directionTolerance(OpenClProgram program) {
        return program.correctlyRoundedDivideSqrt() ? 11 : 17;
    }

    private static void compareDecays(DecaySource java, DeviceDecaySource device, OpenClProgram program, int n,
            int expectedDraws) {
        long firstHistory = (1L << 32) - 1000; // crosses the high counter word
        int[] voxel = new int[n];
        float[] position = new float[3 * n];
        float[] direction = new float[3 * n];
        int[] draws = new int[n];
        try (DeviceBuffer v = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                DeviceBuffer p = DeviceBuffer.allocate(cl, 3L * n * Float.BYTES);
                DeviceBuffer d = DeviceBuffer.allocate(cl, 3L * n * Float.BYTES);
                DeviceBuffer dr = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                OpenClKernel kernel = program.kernel("sample_decay_origins")) {
            int next = device.bind(kernel, 0);
            kernel.arg(next, SEED).arg(next + 1, firstHistory).arg(next + 2, PURPOSE).arg(next + 3, v)
                    .arg(next + 4, p).arg(next + 5, d).arg(next + 6, dr).run(n);
            v.read(voxel);
            p.read(position);
            d.read(direction);
            dr.read(draws);
        }
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, PURPOSE);
        float[] pos = new float[3];
        float[] dir = new float[3];
        UlpDifference directionUlps = new UlpDifference();
        double tolerance = directionTolerance(program);
        for (int i = 0; i < n; i++) {
            stream.restart(firstHistory + i, PURPOSE);
            int[] counted = {0};
            int v = java.sample(() -> {
                counted[0]++;
                return stream.nextFloat();
            }, pos);
            IsotropicDirection.sample(() -> {
                counted[0]++;
                return stream.nextFloat();
            }, dir);
            String where = "history " + (firstHistory + i);
            assertEquals(expectedDraws, counted[0], where);
            assertEquals(counted[0], draws[i], where + ": uniforms drawn");
            assertEquals(v, voxel[i], where + ": voxel");
            for (int a = 0; a < 3; a++) {
                if (Float.floatToRawIntBits(pos[a]) != Float.floatToRawIntBits(position[3 * i + a])) {
                    assertEquals(pos[a], position[3 * i + a], where + ": position " + a);
                }
            }
            assertEquals(Float.floatToRawIntBits(dir[2]), Float.floatToRawIntBits(direction[3 * i + 2]), where + ": w");
            for (int a = 0; a < 2; a++) {
                double ulps = directionUlps.add(dir[a], direction[3 * i + a]);
                if (!(ulps <= tolerance)) {
                    fail(where + ": direction " + a + " Java " + dir[a] + ", device "
                        + direction[3 * i + a] + " (" + ulps + " ulp)");
                }
            }
        }
        System.out.printf("isotropic direction on %s: largest difference of u, v from Java %.1f ulp over %d values%n",
                cl.info().deviceName(), directionUlps.largest(), directionUlps.compared());
    }
}
