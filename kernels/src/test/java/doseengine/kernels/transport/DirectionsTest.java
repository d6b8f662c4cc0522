package doseengine.kernels.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirectionsTest {
    /**
     * For random unit directions (including the poles, where the general formula divides by zero) and random
     * angles: the result is a unit vector, makes the polar angle theta with the old direction (dot product =
     * cos theta), and rotating by phi and phi + pi gives directions symmetric about the old one (their sum is
     * 2 cos theta times it). Float arithmetic: tolerances of a few float ulps times the condition of each quantity.
     */
    @Test
    void rotationKeepsUnitLengthAndTheRequestedAngles() {
        SplittableRandom r = new SplittableRandom(3);
        float[] out = new float[3];
        float[] opposite = new float[3];
        for (int n = 0; n < 200_000; n++) {
            float u;
            float v;
            float w;
            if (n % 10 == 0) {
                u = 0f;
                v = 0f;
                w = n % 20 == 0 ? 1f : -1f;
            } else {
                double z = 2 * r.nextDouble() - 1;
                double phi = 2 * Math.PI * r.nextDouble();
                double s = Math.sqrt(1 - z * z);
                u = (float) (s * Math.cos(phi));
                v = (float) (s * Math.sin(phi));
                w = (float) z;
            }
            float cosTheta = (float) (2 * r.nextDouble() - 1);
            float sinTheta = Directions.sinFromCos(cosTheta);
            double azimuth = 2 * Math.PI * r.nextDouble();
            float cosPhi = (float) Math.cos(azimuth);
            float sinPhi = (float) Math.sin(azimuth);
            Directions.rotate(u, v, w, cosTheta, sinTheta, cosPhi, sinPhi, out);
            Directions.rotate(u, v, w, cosTheta, sinTheta, -cosPhi, -sinPhi, opposite);
            double norm = Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]);
            assertEquals(1.0, norm, 1e-6);
            double dot = out[0] * u + out[1] * v + out[2] * w;
            assertEquals(cosTheta, dot, 2e-6, "n = " + n);
            for (int i = 0; i < 3; i++) {
                double old = i == 0 ? u : (i == 1 ? v : w);
                assertEquals(2 * cosTheta * old, out[i] + opposite[i], 4e-6, "n = " + n);
            }
        }
    }

    @Test
    void sinesFromCosineAndOneMinusCosine() {
        assertEquals(0f, Directions.sinFromCos(1f));
        assertEquals(0f, Directions.sinFromCos(-1f));
        assertEquals(1f, Directions.sinFromCos(0f));
        // Small angles: 1 - cos = 1e-10 is far below float resolution near 1, but sin = sqrt(2e-10) is exact.
        assertEquals(Math.sqrt(2e-10), Directions.sinFromOneMinusCos(1e-10f), 1e-12);
        assertEquals(0f, Directions.sinFromOneMinusCos(2f));
    }
}
