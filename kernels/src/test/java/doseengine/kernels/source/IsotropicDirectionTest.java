package doseengine.kernels.source;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.kernels.UniformSource;
import org.junit.jupiter.api.Test;

class IsotropicDirectionTest {

    @Test
    void momentsAreThoseOfTheUniformSphere() {
        // On the unit sphere: E[u] = 0, E[u^2] = 1/3, E[u^4] = 1/5, E[uv] = 0, E[u^2 v^2] = 1/15.
        // SEs with N = 400000: mean sqrt(1/3/N) = 9.1e-4; second moment sqrt((1/5 - 1/9)/N) = 4.7e-4;
        // cross moment sqrt(1/15/N) = 4.1e-4. Tolerance 4 SE each.
        UniformSource u = SourceSamplerTest.uniforms(41);
        int n = 400_000;
        double[] m1 = new double[3], m2 = new double[3], cross = new double[3];
        float[] d = new float[3];
        for (int t = 0; t < n; t++) {
            IsotropicDirection.sample(u, d);
            double norm = (double) d[0] * d[0] + (double) d[1] * d[1] + (double) d[2] * d[2];
            assertEquals(1.0, norm, 1e-6);
            for (int a = 0; a < 3; a++) {
                m1[a] += d[a];
                m2[a] += (double) d[a] * d[a];
                cross[a] += (double) d[a] * d[(a + 1) % 3];
            }
        }
        for (int a = 0; a < 3; a++) {
            assertEquals(0, m1[a] / n, 4 * Math.sqrt(1.0 / 3 / n), "mean " + a);
            assertEquals(1.0 / 3, m2[a] / n, 4 * Math.sqrt((1.0 / 5 - 1.0 / 9) / n), "second moment " + a);
            assertEquals(0, cross[a] / n, 4 * Math.sqrt(1.0 / 15 / n), "cross moment " + a);
        }
    }

    @Test
    void polarCosineTakesSymmetricMidpointsAndNeverAPole() {
        float[] d = new float[3];
        IsotropicDirection.sample(sequence(0f, 0f), d);
        assertEquals(1f - 0x1p-24f, d[2]);
        IsotropicDirection.sample(sequence(1f - 0x1p-24f, 0f), d);
        assertEquals(-1f + 0x1p-24f, d[2]);
        IsotropicDirection.sample(sequence(0.5f, 0f), d);
        assertEquals(-0x1p-24f, d[2]);
        IsotropicDirection.sample(sequence(0.5f - 0x1p-24f, 0f), d);
        assertEquals(0x1p-24f, d[2]);
    }

    private static UniformSource sequence(float... values) {
        int[] i = {0};
        return () -> values[i[0]++];
    }
}
