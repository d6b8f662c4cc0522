package doseengine.kernels.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.opencl.DeviceBuffer;
import doseengine.kernels.opencl.KernelSource;
import doseengine.kernels.opencl.OpenClContext;
import doseengine.kernels.opencl.OpenClKernel;
import doseengine.kernels.opencl.OpenClProgram;
import doseengine.kernels.opencl.OpenClTestSupport;
import doseengine.kernels.opencl.TestProgram;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * include/directions.clh on the OpenCL device against {@link Directions}, sample by sample. The rotation and the
 * sines use only +, -, *, / and sqrt, in the same order on both sides with contraction off, so where the device
 * rounds division and sqrt correctly ({@link OpenClProgram#correctlyRoundedDivideSqrt()}) every component is
 * Java's float bits. Elsewhere OpenCL 1.2 allows 2.5 ulp for division and 3 for sqrt (section 7.4, table 7.1);
 * the tolerance then is 16 ulp of 1, a few roundings of those errors through the formula's products and the
 * final normalisation. Here in the package of the package-private {@link Directions}, not in
 * {@code doseengine.kernels.opencl}. Needs an OpenCL device.
 */
class DirectionsOpenClTest {

    @RegisterExtension
    static final TestProgram DEVICE = new TestProgram("test_directions.cl");

    /**
     * 200 000 rotations: random unit directions, every tenth on a pole (the branch without the division by
     * sqrt(u^2 + v^2)), a few just off it (rho^2 near the 1e-12 switch), random polar and azimuthal angles,
     * and the sines of cosines in [-1.25, 2.25] (outside [-1, 1] and [0, 2] both return 0).
     */
    @Test
    void rotationAndSinesEqualJava() {
        int n = 200_000;
        SplittableRandom r = new SplittableRandom(0xD1EC7L);
        float[] direction = new float[3 * n];
        float[] angles = new float[4 * n];
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            double z = 2 * r.nextDouble() - 1;
            if (i % 10 == 0) {
                z = i % 20 == 0 ? 1 : -1;
            } else if (i % 10 == 1) {
                z = 1 - 1e-12 * r.nextDouble() * 4;
            }
            double azimuth = 2 * Math.PI * r.nextDouble();
            double s = Math.sqrt(Math.max(0, 1 - z * z));
            direction[3 * i] = (float) (s * Math.cos(azimuth));
            direction[3 * i + 1] = (float) (s * Math.sin(azimuth));
            direction[3 * i + 2] = (float) z;
            float cosTheta = (float) (2 * r.nextDouble() - 1);
            double phi = 2 * Math.PI * r.nextDouble();
            angles[4 * i] = cosTheta;
            angles[4 * i + 1] = Directions.sinFromCos(cosTheta);
            angles[4 * i + 2] = (float) Math.cos(phi);
            angles[4 * i + 3] = (float) Math.sin(phi);
            c[i] = (float) (3.5 * r.nextDouble() - 1.25);
        }
        float[] out = new float[3 * n];
        float[] sinFromCos = new float[n];
        float[] sinFromOneMinusCos = new float[n];
        try (DeviceBuffer d = DeviceBuffer.copyOf(DEVICE.context(), direction);
                DeviceBuffer a = DeviceBuffer.copyOf(DEVICE.context(), angles);
                DeviceBuffer cb = DeviceBuffer.copyOf(DEVICE.context(), c);
                DeviceBuffer o = DeviceBuffer.allocate(DEVICE.context(), (long) out.length * Float.BYTES);
                DeviceBuffer s1 = DeviceBuffer.allocate(DEVICE.context(), (long) n * Float.BYTES);
                DeviceBuffer s2 = DeviceBuffer.allocate(DEVICE.context(), (long) n * Float.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("rotate_directions")) {
            kernel.arg(0, d).arg(1, a).arg(2, cb).arg(3, o).arg(4, s1).arg(5, s2).run(n);
            o.read(out);
            s1.read(sinFromCos);
            s2.read(sinFromOneMinusCos);
        }
        double tolerance = DEVICE.program().correctlyRoundedDivideSqrt() ? 0 : 16 * Math.ulp(1f);
        float[] expected = new float[3];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            Directions.rotate(direction[3 * i], direction[3 * i + 1], direction[3 * i + 2], angles[4 * i],
                    angles[4 * i + 1], angles[4 * i + 2], angles[4 * i + 3], expected);
            for (int k = 0; k < 3; k++) {
                if (Math.abs(expected[k] - out[3 * i + k]) > tolerance) {
                    assertEquals(expected[k], out[3 * i + k], tolerance, "rotation " + i + ", component " + k);
                }
            }
            float sc = Directions.sinFromCos(c[i]);
            float so = Directions.sinFromOneMinusCos(c[i]);
            if (sc == 0f) {
                zeros++;
            }
            if (Math.abs(sc - sinFromCos[i]) > tolerance || Math.abs(so - sinFromOneMinusCos[i]) > tolerance) {
                assertEquals(sc, sinFromCos[i], tolerance, "sin from cos " + c[i]);
                assertEquals(so, sinFromOneMinusCos[i], tolerance, "sin from 1 - cos " + c[i]);
            }
        }
        assertTrue(zeros > n / 10, "cosines outside [-1, 1] were drawn: " + zeros);
    }

    @Test
    void twoPiIsJavas() {
        float[] out = new float[1];
        try (DeviceBuffer b = DeviceBuffer.allocate(DEVICE.context(), Float.BYTES);
                OpenClKernel kernel = DEVICE.program().kernel("write_directions_constants")) {
            kernel.arg(0, b).run(1);
            b.read(out);
        }
        assertEquals(Float.floatToRawIntBits(Directions.TWO_PI), Float.floatToRawIntBits(out[0]));
    }
}
