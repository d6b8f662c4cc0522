package doseengine.kernels.source;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.kernels.UniformSource;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SourceSamplerTest {
    /** Uniforms made as the project's Philox streams make them: (x >>> 8) * 2^-24. */
    static UniformSource uniforms(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return () -> (r.nextInt() >>> 8) * 0x1p-24f;
    }

    @Test
    void columnIsTheExactFloorOfA48BitUniformTimesN() {
        SplittableRandom r = new SplittableRandom(31);
        for (int n : new int[] {1, 2, 3, 1000, 16_777_216, 157_286_400, Integer.MAX_VALUE}) {
            assertEquals(0, SourceSampler.column(0f, 0f, n));
            float top = 1f - 0x1p-24f;
            assertEquals(n - 1, SourceSampler.column(top, top, n), "n " + n);
            for (int t = 0; t < 2000; t++) {
                int hi = r.nextInt(1 << 24), lo = r.nextInt(1 << 24);
                BigInteger u48 = BigInteger.valueOf(((long) hi << 24) | lo);
                long want = u48.multiply(BigInteger.valueOf(n)).shiftRight(48).longValueExact();
                assertEquals(want, SourceSampler.column(hi * 0x1p-24f, lo * 0x1p-24f, n));
            }
        }
    }

    @Test
    void voxelFrequenciesFollowTheTable() {
        // Two columns: column 0 keeps voxel 7 with probability 0.25, else gives voxel 9; column 1 is voxel 9.
        // P(7) = 0.25 / 2 = 0.125. Binomial SE with N = 400000 is 5.2e-4; 4 SE tolerance.
        SourceSampler s = new SourceSampler(new float[] {0.25f, 1f}, new int[] {9, 9}, new int[] {7, 9},
                4, 4, 1, 0.1f, 0.1f, 0.1f);
        UniformSource u = uniforms(32);
        int n = 400_000, sevens = 0;
        for (int t = 0; t < n; t++) {
            int v = s.sampleVoxel(u);
            assertTrue(v == 7 || v == 9);
            if (v == 7) {
                sevens++;
            }
        }
        double se = Math.sqrt(0.125 * 0.875 / n);
        assertEquals(0.125, (double) sevens / n, 4 * se);
    }

    @Test
    void positionsAreUniformInsideTheVoxel() {
        // Voxel (3,1,2) of a 5x4x3 grid with 0.2 x 0.3 x 0.5 cm voxels. A uniform on [a, a+s] has mean a + s/2,
        // variance s^2/12; SE of the mean sqrt(s^2/12/N), SE of the sample variance sqrt((mu4 - sigma^4)/N) with
        // mu4 = s^4/80. Tolerance 4 SE per moment.
        int nx = 5, ny = 4, nz = 3;
        int voxel = 3 + nx * (1 + ny * 2);
        float[] s = {0.2f, 0.3f, 0.5f};
        int[] idx = {3, 1, 2};
        SourceSampler sampler = new SourceSampler(new float[] {1f}, new int[] {voxel}, new int[] {voxel},
                nx, ny, nz, s[0], s[1], s[2]);
        UniformSource u = uniforms(33);
        int n = 200_000;
        double[] sum = new double[3], sumSq = new double[3];
        float[] p = new float[3];
        for (int t = 0; t < n; t++) {
            assertEquals(voxel, sampler.sample(u, p));
            for (int a = 0; a < 3; a++) {
                assertTrue(p[a] >= idx[a] * s[a] && p[a] <= (idx[a] + 1) * s[a], "axis " + a + " at " + p[a]);
                sum[a] += p[a];
                sumSq[a] += (double) p[a] * p[a];
            }
        }
        for (int a = 0; a < 3; a++) {
            double mean = sum[a] / n;
            double var = sumSq[a] / n - mean * mean;
            double sa = s[a];
            assertEquals((idx[a] + 0.5) * sa, mean, 4 * Math.sqrt(sa * sa / 12 / n), "mean, axis " + a);
            double varSe = Math.sqrt((Math.pow(sa, 4) / 80 - Math.pow(sa * sa / 12, 2)) / n);
            assertEquals(sa * sa / 12, var, 4 * varSe, "variance, axis " + a);
        }
    }

    @Test
    void rejectsInconsistentTables() {
        assertThrows(IllegalArgumentException.class, () -> new SourceSampler(new float[] {1f}, new int[] {0},
                new int[] {8}, 2, 2, 2, 1f, 1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new SourceSampler(new float[] {1.5f}, new int[] {0},
                new int[] {0}, 2, 2, 2, 1f, 1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new SourceSampler(new float[] {1f, 1f}, new int[] {0},
                new int[] {0}, 2, 2, 2, 1f, 1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new SourceSampler(new float[] {1f}, new int[] {0},
                new int[] {0}, 2, 2, 2, 0f, 1f, 1f));
    }

    @Test
    void pointSourceAlwaysGivesItsPoint() {
        PointSource ps = new PointSource(1.5f, -2f, 0.25f, 42);
        float[] p = new float[3];
        assertEquals(42, ps.sample(() -> {
            throw new AssertionError("a point source draws no uniform");
        }, p));
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, p);
    }
}
