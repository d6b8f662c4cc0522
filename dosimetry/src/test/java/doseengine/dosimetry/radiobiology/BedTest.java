package doseengine.dosimetry.radiobiology;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class BedTest {
    private static final TissueParameters KIDNEY = new TissueParameters(2.6, 2.8);

    @Test
    void instantUptakeMonoExponentialClearanceIsTheClosedForm() {
        double d = 20;
        double lambda = Math.log(2) / 50;
        double mu = KIDNEY.repairRatePerHour();
        double bed = Bed.of(DoseRateCurve.monoExponential(d, lambda), KIDNEY);
        double closed = d * (1 + d * lambda / ((mu + lambda) * KIDNEY.alphaBetaGy()));
        assertEquals(closed, bed, 1e-12 * closed);
        // By hand: lambda / (lambda + mu) = (1/50) / (1/50 + 1/2.8) = 2.8 / 52.8; BED = 20 + 400 * 2.8 / (52.8 * 2.6).
        assertEquals(28.15850815850816, bed, 1e-12 * bed);
    }

    @Test
    void repairAsFastAsClearanceHasNoSingularity() {
        double mu = KIDNEY.repairRatePerHour();
        DoseRateCurve curve = DoseRateCurve.monoExponential(10, mu);
        // G = D^2 lambda / (lambda + mu) = D^2 / 2 at lambda = mu.
        assertEquals(50, curve.leaCatchesideGy2(mu), 1e-12 * 50);
    }

    @Test
    void uptakeAndWashoutAgreesWithANumericDoubleIntegral() {
        double mu = KIDNEY.repairRatePerHour();
        DoseRateCurve curve = DoseRateCurve.uptakeWashout(15, 0.5, Math.log(2) / 60);
        assertEquals(15, curve.doseGy(), 1e-12 * 15);
        double numeric = numericLeaCatcheside(curve, mu);
        double closed = curve.leaCatchesideGy2(mu);
        assertEquals(numeric, closed, 1e-6 * numeric);
        // The uptake phase spreads the dose in time: G is below that of an instant uptake with the same washout.
        assertTrue(closed < DoseRateCurve.monoExponential(15, Math.log(2) / 60).leaCatchesideGy2(mu));
    }

    @Test
    void threeTermsAgreeWithANumericDoubleIntegral() {
        double mu = Math.log(2) / 1.5;
        DoseRateCurve curve = new DoseRateCurve(new double[] {0.2, 0.1, -0.3}, new double[] {0.01, 0.1, 1.0});
        double numeric = numericLeaCatcheside(curve, mu);
        assertEquals(numeric, curve.leaCatchesideGy2(mu), 1e-6 * numeric);
    }

    @Test
    void shapeFactorDoesNotDependOnTheActivity() {
        double mu = KIDNEY.repairRatePerHour();
        DoseRateCurve small = DoseRateCurve.uptakeWashout(3, 0.7, 0.02);
        DoseRateCurve large = DoseRateCurve.uptakeWashout(30, 0.7, 0.02);
        assertEquals(small.shapeFactor(mu), large.shapeFactor(mu), 1e-12);
        assertEquals(Bed.of(large, KIDNEY), Bed.of(30, small.shapeFactor(mu), 2.6), 1e-10);
    }

    @Test
    void eqd2AndCyclesByHand() {
        // EQD2 = 46 / (1 + 2 / 2.6) = 46 * 2.6 / 4.6 = 26.
        assertEquals(26, Bed.eqd2(46, 2.6), 1e-12);
        assertEquals(22.5, Bed.overCycles(10, 12.5), 1e-12);
        assertEquals(0, Bed.overCycles(), 0);
        BadInputException e = assertThrows(BadInputException.class, () -> Bed.overCycles(10, -1));
        assertTrue(e.getMessage().contains("cycle 2"), e.getMessage());
    }

    @Test
    void refusesANegativeDoseRateOrRate() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new DoseRateCurve(new double[] {1, -2}, new double[] {0.1, 1}));
        assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
        assertThrows(BadInputException.class, () -> new DoseRateCurve(new double[] {1}, new double[] {0}));
        assertThrows(BadInputException.class, () -> new DoseRateCurve(new double[] {1, 1}, new double[] {0.1}));
        assertThrows(BadInputException.class, () -> DoseRateCurve.uptakeWashout(1, 0.01, 0.1));
        assertThrows(BadInputException.class, () -> new TissueParameters(0, 2.8));
        assertThrows(BadInputException.class, () -> new TissueParameters(2.6, -1));
    }

    /**
     * {@code 2 int_0^T R(t) int_0^t R(s) e^{-mu(t-s)} ds dt} by nested 20-point Gauss-Legendre on panels that double
     * in width away from 0 (and, for the inner integral, away from t), up to T = 4096 h.
     */
    private static double numericLeaCatcheside(DoseRateCurve r, double mu) {
        double[] edges = new double[16];
        for (int k = 1; k < edges.length; k++) {
            edges[k] = 0.25 * Math.pow(2, k - 1);
        }
        return 2 * integrate(t -> r.rateAt(t) * integrate(s -> r.rateAt(s) * Math.exp(-mu * (t - s)),
                innerEdges(edges, t)), edges);
    }

    private static double[] innerEdges(double[] edges, double t) {
        return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(edges).filter(e -> e < t),
                        java.util.Arrays.stream(edges).map(e -> t - e).filter(e -> e > 0))
                .sorted().distinct().toArray();
    }

    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    private static double integrate(DoubleUnaryOperator f, double[] edges) {
        double sum = 0;
        for (int k = 0; k + 1 < edges.length; k++) {
            if (edges[k + 1] > edges[k]) {
                GaussIntegrator g = GAUSS.legendre(20, edges[k], edges[k + 1]);
                sum += g.integrate(f::applyAsDouble);
            }
        }
        return sum;
    }
}
