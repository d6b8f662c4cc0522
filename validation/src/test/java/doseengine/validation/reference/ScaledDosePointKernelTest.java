package doseengine.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Integrals, X90 and interpolation of kernels whose answers are known in closed form. */
class ScaledDosePointKernelTest {
    @Test
    void pointValuesOfALinearDosePointKernelIntegrateExactly() {
        // j = 2x on [0, 1]: the trapezoid rule is exact for a linear j, cumulative x^2, X90 = sqrt(0.9).
        double[] x = {0, 0.25, 0.5, 1.0};
        double[] j = {0, 0.5, 1.0, 2.0};
        ScaledDosePointKernel k = ScaledDosePointKernel.points("linear", 1, x, j);
        assertEquals(1.0, k.integral(), 1e-15);
        assertEquals(0.36, k.cumulative(0.6), 1e-15);
        assertEquals(Math.sqrt(0.9), k.x90(), 1e-10);
        assertEquals(2.0, k.peak());
        assertEquals(1.5, k.valueAt(0.75), 1e-15);
        assertTrue(Double.isNaN(k.valueAt(1.01)), "no extrapolation beyond the table");
    }

    @Test
    void shellMeansAreConstantInsideTheirShells() {
        // Four shells of width 0.25 holding 0.1, 0.2, 0.3, 0.4 of E0: X90 lies 3/4 into the last shell.
        double[] x = {0.125, 0.375, 0.625, 0.875};
        double[] j = {0.4, 0.8, 1.2, 1.6};
        ScaledDosePointKernel k = ScaledDosePointKernel.shellMidpoints("shells", 1, x, j);
        assertEquals(1.0, k.integral(), 1e-15);
        assertEquals(0.1 + 0.2 * 0.5, k.cumulative(0.375), 1e-15);
        assertEquals(0.75 + 0.25 * (0.9 - 0.6) / 0.4, k.x90(), 1e-10);
    }

    @Test
    void midpointEdgesAreHalfwayWithTheFirstAtZero() {
        // Midpoints 0.029, 0.076 (EGSnrc style): edges 0, 0.0525, 0.0995; unit j gives the last edge as total.
        ScaledDosePointKernel k = ScaledDosePointKernel.shellMidpoints("m", 1, new double[] {0.029, 0.076}, new double[] {1, 1});
        assertEquals(0.0995, k.integral(), 1e-15);
        assertEquals(0.0525, k.cumulative(0.0525), 1e-15);
    }

    @Test
    void kernelThatNeverReachesNinetyPercentHasNoX90() {
        ScaledDosePointKernel k = ScaledDosePointKernel.points("low", 1, new double[] {0, 1}, new double[] {0.5, 0.5});
        assertTrue(Double.isNaN(k.x90()));
    }

    @Test
    void decreasingAbscissaeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ScaledDosePointKernel.points("bad", 1, new double[] {0, 0.2, 0.1}, new double[] {1, 1, 1}));
    }
}
