package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The band of a fitted curve, {@code u(A(t))} by the delta method from the fit's covariance, checked three ways:
 * the analytic gradient against central finite differences (1e-6 relative); against sampling the parameters from
 * the normal distribution with that covariance (2e4 draws: the sample standard deviation's own spread is about
 * 0.5 %, the tolerance 3 % leaves room for the curve's curvature over the parameters' spread); and against refitting
 * 1000 noisy data sets drawn from the same truth (a check that the covariance kept is the fit's: the spread of the
 * refitted curves, tolerance 10 % against the estimate's own 2.2 %).
 */
class CurveUncertaintyTest {
    static final double[] HOURS = {1, 4, 24, 48, 96, 168};
    static final double[] PLOT_TIMES = {0.5, 2, 10, 30, 72, 150, 250};
    static final double REL = 0.02;

    static double mono(double[] p, double t) {
        return p[0] * Math.exp(-p[1] * t);
    }

    static double bi(double[] p, double t) {
        return p[0] * (Math.exp(-p[1] * t) - Math.exp(-p[2] * t));
    }

    static final double[] MONO_TRUTH = {200, Math.log(2) / 40};
    static final double[] BI_TRUTH = {300, Math.log(2) / 60, Math.log(2) / 3};

    static TimeActivityCurve curve(BiFunction<double[], Double, Double> f, double[] truth, Random noise) {
        List<TimePoint> pts = new ArrayList<>();
        for (double t : HOURS) {
            double a = f.apply(truth, t);
            double sigma = REL * a; // stated from the truth, so that every data set has the same weights
            pts.add(new TimePoint(t, a + (noise == null ? 0 : sigma * noise.nextGaussian()), sigma));
        }
        return TimeActivityCurve.of(pts, ActivityUncertainty.standard());
    }

    static KineticFit fit(boolean isMono, TimeActivityCurve c) {
        return isMono ? MonoExponential.fit(c, PhysicalDecay.LU177) : BiExponential.fit(c, PhysicalDecay.LU177);
    }

    @Test
    void gradientAgreesWithFiniteDifferences() {
        for (boolean isMono : new boolean[] {true, false}) {
            BiFunction<double[], Double, Double> f = isMono ? CurveUncertaintyTest::mono : CurveUncertaintyTest::bi;
            KineticFit fit = fit(isMono, curve(f, isMono ? MONO_TRUTH : BI_TRUTH, null));
            assertTrue(CurveUncertainty.hasBand(fit), fit.note());
            double[] p = fit.parameters();
            double[][] c = fit.covariance();
            for (double t : PLOT_TIMES) {
                double[] g = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    double h = 1e-6 * Math.abs(p[i]);
                    double[] up = p.clone();
                    double[] dn = p.clone();
                    up[i] += h;
                    dn[i] -= h;
                    g[i] = (f.apply(up, t) - f.apply(dn, t)) / (2 * h);
                }
                double expected = Math.sqrt(WeightedLeastSquares.deltaMethodVariance(g, c));
                double sigma = CurveUncertainty.sigmaMBq(fit, t).orElseThrow();
                assertEquals(expected, sigma, 1e-6 * expected, fit.model() + " at " + t + " h");
            }
        }
    }

    @Test
    void sigmaAgreesWithSamplingTheParameters() {
        Random rng = new Random(7);
        for (boolean isMono : new boolean[] {true, false}) {
            BiFunction<double[], Double, Double> f = isMono ? CurveUncertaintyTest::mono : CurveUncertaintyTest::bi;
            KineticFit fit = fit(isMono, curve(f, isMono ? MONO_TRUTH : BI_TRUTH, null));
            RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(fit.covariance()), 1e-9, 1e-300).getL();
            int n = 20000;
            double[] sum = new double[PLOT_TIMES.length];
            double[] sum2 = new double[PLOT_TIMES.length];
            double[] p = fit.parameters();
            for (int s = 0; s < n; s++) {
                double[] z = new double[p.length];
                for (int i = 0; i < z.length; i++) {
                    z[i] = rng.nextGaussian();
                }
                double[] q = p.clone();
                double[] lz = l.operate(z);
                for (int i = 0; i < q.length; i++) {
                    q[i] += lz[i];
                }
                for (int k = 0; k < PLOT_TIMES.length; k++) {
                    double a = f.apply(q, PLOT_TIMES[k]);
                    sum[k] += a;
                    sum2[k] += a * a;
                }
            }
            for (int k = 0; k < PLOT_TIMES.length; k++) {
                double mean = sum[k] / n;
                double sd = Math.sqrt((sum2[k] / n - mean * mean) * n / (n - 1));
                double sigma = CurveUncertainty.sigmaMBq(fit, PLOT_TIMES[k]).orElseThrow();
                assertEquals(1, sigma / sd, 0.03, fit.model() + " at " + PLOT_TIMES[k] + " h");
            }
        }
    }

    @Test
    void sigmaAgreesWithTheSpreadOfRefittedNoisyData() {
        Random rng = new Random(11);
        for (boolean isMono : new boolean[] {true, false}) {
            BiFunction<double[], Double, Double> f = isMono ? CurveUncertaintyTest::mono : CurveUncertaintyTest::bi;
            double[] truth = isMono ? MONO_TRUTH : BI_TRUTH;
            KineticFit reference = fit(isMono, curve(f, truth, null));
            int used = 0;
            double[] sum = new double[PLOT_TIMES.length];
            double[] sum2 = new double[PLOT_TIMES.length];
            for (int s = 0; s < 1000; s++) {
                KineticFit r = fit(isMono, curve(f, truth, rng));
                assertTrue(r.usable() && !r.atPhysicalFloor(), r.note());
                used++;
                for (int k = 0; k < PLOT_TIMES.length; k++) {
                    double a = f.apply(r.parameters(), PLOT_TIMES[k]);
                    sum[k] += a;
                    sum2[k] += a * a;
                }
            }
            for (int k = 0; k < PLOT_TIMES.length; k++) {
                double mean = sum[k] / used;
                double sd = Math.sqrt((sum2[k] / used - mean * mean) * used / (used - 1));
                double sigma = CurveUncertainty.sigmaMBq(reference, PLOT_TIMES[k]).orElseThrow();
                assertEquals(1, sigma / sd, 0.10, reference.model() + " at " + PLOT_TIMES[k] + " h");
            }
        }
    }

    @Test
    void aFitAtThePhysicalFloorKeepsTheHeldRatesUncertaintyInItsBand() {
        // clearance slower than physical decay: lambda is held at lambda_phys, but its uncertainty stays in the
        // covariance (at the bound point), as in the TIA's: the band is the full delta method, wider than A0's alone
        double lp = PhysicalDecay.LU177.lambdaPerHour();
        double[] slow = {100, lp / 2};
        KineticFit fit = MonoExponential.fit(curve(CurveUncertaintyTest::mono, slow, null), PhysicalDecay.LU177);
        assertTrue(fit.atPhysicalFloor());
        double[][] c = fit.covariance();
        assertTrue(c[1][1] > 0, "the held rate keeps its variance");
        double a0 = fit.parameters()[0];
        double t = 50;
        double[] g = {Math.exp(-lp * t), -a0 * t * Math.exp(-lp * t)};
        double var = g[0] * g[0] * c[0][0] + 2 * g[0] * g[1] * c[0][1] + g[1] * g[1] * c[1][1];
        assertEquals(Math.sqrt(var), CurveUncertainty.sigmaMBq(fit, t).orElseThrow(), 1e-12 * Math.sqrt(var));
        // the TIA's uncertainty comes from the same matrix: A0/lambda with gradient (1/lambda, -A0/lambda^2)
        double[] gt = {1 / lp, -a0 / (lp * lp)};
        double tiaVar = gt[0] * gt[0] * c[0][0] + 2 * gt[0] * gt[1] * c[0][1] + gt[1] * gt[1] * c[1][1];
        assertEquals(Math.sqrt(tiaVar), fit.tiaSigmaMBqH(), 1e-9 * Math.sqrt(tiaVar));
    }

    @Test
    void theTrapezoidHasNoBandAndSaysWhy() {
        KineticFit t = TrapezoidWithTail.integrate(curve(CurveUncertaintyTest::mono, MONO_TRUTH, null),
            PhysicalDecay.LU177);
        assertFalse(CurveUncertainty.hasBand(t));
        assertTrue(CurveUncertainty.sigmaMBq(t, 10).isEmpty());
        assertNotNull(CurveUncertainty.reasonWithoutBand(t.model()));
    }
}
