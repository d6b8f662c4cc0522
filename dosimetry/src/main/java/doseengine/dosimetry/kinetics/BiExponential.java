package doseengine.dosimetry.kinetics;

import java.util.ArrayList;
import java.util.List;

/**
 * Uptake and washout, {@code A(t) = A0 (exp(-lambda_w t) - exp(-lambda_u t))} with
 * {@code lambda_u > lambda_w >= lambda_phys}; TIA {@code = A0 (1/lambda_w - 1/lambda_u)} (MBq h), the integral from
 * 0 to infinity. Needs at least 3 points. With exactly 3 points the fit has 0 degrees of freedom: it passes through
 * the points, its covariance (from the stated uncertainties, not the residuals) is still defined and gives the TIA
 * uncertainty, but no AICc exists for it ({@link KineticFit#aicc()}), so {@link ModelSelection} does not rank it by
 * AICc.
 *
 * <p>Fitted from several starts (the washout from the last two points, the uptake from the first point and a few
 * multiples of the washout) and the best converged fit kept. When the washout is slower than physical decay the
 * curve is refitted with {@code lambda_w = lambda_phys} fixed ({@link KineticFit#atPhysicalFloor()}). A fit with
 * {@code A0 <= 0} or no uptake faster than the washout is unphysical and not usable. TIA uncertainty by the delta
 * method (JCGM 100:2008, GUM eq. 13) with gradient {@code (1/lw - 1/lu, -A0/lw^2, A0/lu^2)}.
 */
public final class BiExponential {
    public static final String NAME = "bi-exponential";
    static final int K = 3;
    private static final double[] UPTAKE_OVER_WASHOUT = {3, 10, 30, 100};

    private BiExponential() {
    }

    private static final WeightedLeastSquares.Model FREE = new WeightedLeastSquares.Model() {
        @Override
        public double value(double t, double[] p) {
            return p[0] * (Math.exp(-p[1] * t) - Math.exp(-p[2] * t));
        }

        @Override
        public double[] gradient(double t, double[] p) {
            double ew = Math.exp(-p[1] * t);
            double eu = Math.exp(-p[2] * t);
            return new double[] {ew - eu, -p[0] * t * ew, p[0] * t * eu};
        }
    };

    /** Washout fixed at {@code lambda}: parameters (A0, lambda_u). */
    private static WeightedLeastSquares.Model washoutFixed(double lambda) {
        return new WeightedLeastSquares.Model() {
            @Override
            public double value(double t, double[] p) {
                return p[0] * (Math.exp(-lambda * t) - Math.exp(-p[1] * t));
            }

            @Override
            public double[] gradient(double t, double[] p) {
                double ew = Math.exp(-lambda * t);
                double eu = Math.exp(-p[1] * t);
                return new double[] {ew - eu, p[0] * t * eu};
            }
        };
    }

    public static KineticFit fit(TimeActivityCurve curve, PhysicalDecay decay) {
        int n = curve.size();
        if (n < K) {
            return KineticFit.unusable(NAME, n, K, "needs >= 3 time points, got " + n);
        }
        double[] t = curve.hours();
        double[] y = curve.activitiesMBq();
        double[] s = curve.sigmasMBq();
        double lp = decay.lambdaPerHour();
        double[] tail = LogLinear.start(t, y, s, n - 2, lp * 1.01);
        List<double[]> starts = new ArrayList<>();
        double ratio = y[0] / (tail[0] * Math.exp(-tail[1] * t[0]));
        if (ratio > 0 && ratio < 1) {
            starts.add(new double[] {tail[0], tail[1], tail[1] - Math.log(1 - ratio) / t[0]});
        }
        for (double m : UPTAKE_OVER_WASHOUT) {
            starts.add(new double[] {tail[0], tail[1], tail[1] * m});
        }
        WeightedLeastSquares.Result best = null;
        for (double[] start : starts) {
            WeightedLeastSquares.Result r = WeightedLeastSquares.fit(FREE, start, t, y, s);
            if (r != null && (best == null || r.chiSquare() < best.chiSquare())) {
                best = r;
            }
        }
        if (best == null) {
            return KineticFit.unusable(NAME, n, K, "the fit did not converge from any start");
        }
        double a0 = best.parameters()[0];
        double lw = best.parameters()[1];
        double lu = best.parameters()[2];
        if (lu < lw) { // the same curve with the exponentials swapped and A0 negated
            double x = lw;
            lw = lu;
            lu = x;
            a0 = -a0;
            best = swapped(best);
        }
        if (lw < lp) {
            return atFloor(t, y, s, lp, n, a0, lu);
        }
        return result(a0, lw, lu, best.covariance(), best.chiSquare(), n, false, "fitted");
    }

    private static KineticFit atFloor(double[] t, double[] y, double[] s, double lp, int n, double a0, double lu) {
        double[] start = {a0, Math.max(lu, 2 * lp)};
        WeightedLeastSquares.Result r = WeightedLeastSquares.fit(washoutFixed(lp), start, t, y, s);
        if (r == null) {
            return KineticFit.unusable(NAME, n, K, "the fit at the physical-decay floor did not converge");
        }
        double[] p = {r.parameters()[0], lp, r.parameters()[1]};
        // The floor fixes the estimate, not the knowledge: the data still constrain lambda_w only as well as the
        // tail's points do. The covariance of all three parameters at the bound point keeps that uncertainty;
        // without it (lambda_w's variance 0) the reported sigma of tumours with a washout near physical decay
        // covered the truth in 18 % of replicas instead of 68 % (docs/kinetics.md, coverage).
        double[][] cov = WeightedLeastSquares.covarianceAt(FREE, p, t, s);
        if (cov == null && r.covariance() != null) {
            double[][] c2 = r.covariance();
            cov = new double[][] {{c2[0][0], 0, c2[0][1]}, {0, 0, 0}, {c2[1][0], 0, c2[1][1]}};
        }
        return result(p[0], lp, p[2], cov, r.chiSquare(), n, true,
            "washout slower than physical decay: lambda_w fixed at lambda_phys, A0 and lambda_u fitted; "
                + "uncertainty with lambda_w free");
    }

    private static KineticFit result(double a0, double lw, double lu, double[][] cov, double chi2, int n,
                                     boolean floor, String note) {
        if (!(a0 > 0)) {
            return KineticFit.unusable(NAME, n, K, "unphysical: A0 = " + a0 + " MBq (negative uptake)");
        }
        if (!(lu > lw)) {
            return KineticFit.unusable(NAME, n, K, "unphysical: no uptake faster than the washout");
        }
        if (cov == null) {
            return KineticFit.unusable(NAME, n, K, "parameters not identifiable (singular covariance)");
        }
        double tia = a0 * (1 / lw - 1 / lu);
        double[] g = {1 / lw - 1 / lu, -a0 / (lw * lw), a0 / (lu * lu)};
        double var = WeightedLeastSquares.deltaMethodVariance(g, cov);
        if (!(var >= 0) || !Double.isFinite(var)) {
            return KineticFit.unusable(NAME, n, K, "TIA variance not finite");
        }
        return new KineticFit(NAME, true, List.of("A0_MBq", "lambda_washout_per_h", "lambda_uptake_per_h"),
            new double[] {a0, lw, lu}, tia, Math.sqrt(var), chi2, n, K, floor, note, cov);
    }

    /** The covariance of (-A0, lu, lw) from that of (A0, lw, lu). */
    private static WeightedLeastSquares.Result swapped(WeightedLeastSquares.Result r) {
        double[][] c = r.covariance();
        if (c == null) {
            return r;
        }
        int[] perm = {0, 2, 1};
        double[] sign = {-1, 1, 1};
        double[][] d = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                d[a][b] = sign[a] * sign[b] * c[perm[a]][perm[b]];
            }
        }
        return new WeightedLeastSquares.Result(r.parameters(), r.chiSquare(), d);
    }
}
