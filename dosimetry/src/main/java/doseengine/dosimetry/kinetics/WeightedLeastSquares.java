package doseengine.dosimetry.kinetics;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.util.Pair;

/**
 * Weighted least squares with Commons Math's Levenberg-Marquardt: minimises {@code sum ((y_i - f(t_i))/s_i)^2} by
 * fitting {@code f/s} to {@code y/s}. The per-point uncertainties are taken as known (absolute weights), so the
 * parameter covariance is {@code (J^T W J)^-1} unscaled by the residuals (Press et al., Numerical Recipes, 3rd ed.,
 * ch. 15); with 0 degrees of freedom it is still defined.
 */
final class WeightedLeastSquares {
    /** A model value and its gradient with respect to the parameters. */
    interface Model {
        double value(double t, double[] p);

        double[] gradient(double t, double[] p);
    }

    /** Converged parameters, chi square and covariance; {@code covariance == null} when it is singular. */
    record Result(double[] parameters, double chiSquare, double[][] covariance) {
    }

    private static final int MAX_EVALUATIONS = 2000;
    private static final double SINGULARITY_THRESHOLD = 1e-14;
    /** Pivot below which the unit-diagonal information matrix counts as singular (condition number ~1e12). */
    private static final double SCALED_SINGULARITY = 1e-12;

    private WeightedLeastSquares() {
    }

    /** The fit from {@code start}, or null when it does not converge or ends on non-finite numbers. */
    static Result fit(Model f, double[] start, double[] t, double[] y, double[] s) {
        int n = t.length;
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = y[i] / s[i];
        }
        LeastSquaresBuilder b = new LeastSquaresBuilder()
            .start(start)
            .target(target)
            .maxEvaluations(MAX_EVALUATIONS)
            .maxIterations(MAX_EVALUATIONS)
            .model(point -> {
                double[] p = point.toArray();
                double[] v = new double[n];
                double[][] j = new double[n][];
                for (int i = 0; i < n; i++) {
                    v[i] = f.value(t[i], p) / s[i];
                    double[] g = f.gradient(t[i], p);
                    for (int c = 0; c < g.length; c++) {
                        g[c] /= s[i];
                    }
                    j[i] = g;
                }
                return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
            });
        try {
            Optimum o = new LevenbergMarquardtOptimizer().optimize(b.build());
            double[] p = o.getPoint().toArray();
            double cost = o.getCost();
            for (double v : p) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            double[][] cov;
            try {
                RealMatrix c = o.getCovariances(SINGULARITY_THRESHOLD);
                cov = c.getData();
            } catch (RuntimeException singular) {
                cov = null;
            }
            return new Result(p, cost * cost, cov);
        } catch (MathIllegalStateException | IllegalArgumentException notConverged) {
            return null;
        }
    }

    /**
     * The covariance {@code (J^T W J)^-1} of {@code f}'s parameters at the point {@code p}, which need not be the
     * free optimum: a fit held at a bound (the physical-decay floor) uses it to keep the uncertainty of the parameter
     * the bound fixed. Null when singular.
     */
    static double[][] covarianceAt(Model f, double[] p, double[] t, double[] s) {
        int k = p.length;
        double[][] info = new double[k][k];
        for (int i = 0; i < t.length; i++) {
            double[] g = f.gradient(t[i], p);
            double w = 1 / (s[i] * s[i]);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    info[a][b] += g[a] * g[b] * w;
                }
            }
        }
        // Scaled to unit diagonal so that the singularity test does not depend on the parameters' units.
        double[] d = new double[k];
        for (int a = 0; a < k; a++) {
            if (!(info[a][a] > 0) || !Double.isFinite(info[a][a])) {
                return null;
            }
            d[a] = Math.sqrt(info[a][a]);
        }
        double[][] scaled = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                scaled[a][b] = info[a][b] / (d[a] * d[b]);
            }
        }
        try {
            double[][] inv = new LUDecomposition(new Array2DRowRealMatrix(scaled, false), SCALED_SINGULARITY)
                .getSolver().getInverse().getData();
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    inv[a][b] /= d[a] * d[b];
                }
            }
            return inv;
        } catch (SingularMatrixException singular) {
            return null;
        }
    }

    /** {@code g^T C g}: the variance of a function of the parameters by the delta method. */
    static double deltaMethodVariance(double[] gradient, double[][] covariance) {
        double v = 0;
        for (int a = 0; a < gradient.length; a++) {
            for (int b = 0; b < gradient.length; b++) {
                v += gradient[a] * covariance[a][b] * gradient[b];
            }
        }
        return v;
    }
}
