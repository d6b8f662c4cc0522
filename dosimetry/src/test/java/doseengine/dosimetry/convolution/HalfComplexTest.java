package doseengine.dosimetry.convolution;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class HalfComplexTest {
    /**
     * The unpacked spectrum of JTransforms' realForward equals the DFT {@code X_f = sum x_t exp(-2 pi i f t / m)}
     * summed directly, for even and odd lengths (the packing differs) and the degenerate length 1.
     */
    @Test
    void unpackGivesTheDirectDft() {
        Random r = new Random(1);
        for (int m = 1; m <= 12; m++) {
            double[] x = r.doubles(m, -1, 1).toArray();
            double[] a = x.clone();
            new DoubleFFT_1D(m).realForward(a);
            double[] c = new double[2 * HalfComplex.size(m)];
            HalfComplex.unpack(a, m, c, 0);
            for (int f = 0; f <= m / 2; f++) {
                double re = 0, im = 0;
                for (int t = 0; t < m; t++) {
                    re += x[t] * Math.cos(2 * Math.PI * f * t / m);
                    im -= x[t] * Math.sin(2 * Math.PI * f * t / m);
                }
                assertEquals(re, c[2 * f], 1e-12, "Re, m = " + m + ", f = " + f);
                assertEquals(im, c[2 * f + 1], 1e-12, "Im, m = " + m + ", f = " + f);
                assertEquals(re, HalfComplex.real(a, m, f), 1e-12, "real(), m = " + m + ", f = " + f);
            }
        }
    }

    /** pack is unpack's inverse, so realInverse gets back the line it was given. */
    @Test
    void packThenRealInverseRestoresTheLine() {
        Random r = new Random(2);
        for (int m = 1; m <= 12; m++) {
            double[] x = r.doubles(m, -1, 1).toArray();
            double[] a = x.clone();
            DoubleFFT_1D fft = new DoubleFFT_1D(m);
            fft.realForward(a);
            double[] c = new double[2 * HalfComplex.size(m) + 3];
            HalfComplex.unpack(a, m, c, 3); // at an offset, as the pipeline's slabs use it
            double[] b = new double[m];
            HalfComplex.pack(c, 3, m, b);
            fft.realInverse(b, true);
            assertArrayEquals(x, b, 1e-12, "m = " + m);
        }
    }
}
