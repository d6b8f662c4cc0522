package doseengine.dosimetry.kinetics;

import java.util.List;

/**
 * {@code A(t) = A0 exp(-lambda t)} with {@code lambda >= lambda_phys}, fitted by weighted least squares; TIA
 * {@code = A0 / lambda} (MBq h). The constraint is enforced by refitting: when the free fit wants a slower
 * clearance than physical decay, lambda is fixed at {@code lambda_phys} and only A0 is fitted (linear, exact), and
 * the result says so ({@link KineticFit#atPhysicalFloor()}). TIA uncertainty by the delta method,
 * {@code var = g^T C g} with {@code g = (1/lambda, -A0/lambda^2)} (JCGM 100:2008, GUM eq. 13).
 */
public final class MonoExponential {
    public static final String NAME = "mono-exponential";
    static final int K = 2;

    private MonoExponential() {
    }

    static final WeightedLeastSquares.Model MODEL = new WeightedLeastSquares.Model() {
        @Override
        public double value(double t, double[] p) {
            return p[0] * Math.exp(-p[1] * t);
        }

        @Override
        public double[] gradient(double t, double[] p) {
            double e = Math.exp(-p[1] * t);
            return new double[] {e, -p[0] * t * e};
        }
    };

    public static KineticFit fit(TimeActivityCurve curve, PhysicalDecay decay) {
        int n = curve.size();
        if (n < K) {
            return KineticFit.unusable(NAME, n, K, "needs >= 2 time points, got " + n);
        }
        double[] t = curve.hours();
        double[] y = curve.activitiesMBq();
        double[] s = curve.sigmasMBq();
        double lp = decay.lambdaPerHour();
        double[] start = LogLinear.start(t, y, s, 0, lp);
        WeightedLeastSquares.Result r = WeightedLeastSquares.fit(MODEL, start, t, y, s);
        if (r == null) {
            return KineticFit.unusable(NAME, n, K, "the fit did not converge");
        }
        double a0 = r.parameters()[0];
        double lambda = r.parameters()[1];
        if (lambda < lp) {
            return atFloor(t, y, s, lp, n);
        }
        if (!(a0 > 0)) {
            return KineticFit.unusable(NAME, n, K, "unphysical: A0 = " + a0 + " MBq");
        }
        if (r.covariance() == null) {
            return KineticFit.unusable(NAME, n, K, "parameters not identifiable (singular covariance)");
        }
        double tia = a0 / lambda;
        double[] g = {1 / lambda, -a0 / (lambda * lambda)};
        double sigma = Math.sqrt(WeightedLeastSquares.deltaMethodVariance(g, r.covariance()));
        return new KineticFit(NAME, true, List.of("A0_MBq", "lambda_per_h"), new double[] {a0, lambda}, tia, sigma,
            r.chiSquare(), n, K, false, "fitted", r.covariance());
    }

    /** Weighted linear least squares for A0 with lambda = lambda_phys: {@code A0 = sum(y e/s^2) / sum(e^2/s^2)}. */
    private static KineticFit atFloor(double[] t, double[] y, double[] s, double lp, int n) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(-lp * t[i]);
            double w = 1 / (s[i] * s[i]);
            num += y[i] * e * w;
            den += e * e * w;
        }
        double a0 = num / den;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (y[i] - a0 * Math.exp(-lp * t[i])) / s[i];
            chi2 += r * r;
        }
        if (!(a0 > 0)) {
            return KineticFit.unusable(NAME, n, K, "unphysical: A0 = " + a0 + " MBq at the physical-decay floor");
        }
        // As for the bi-exponential's floor: the TIA's uncertainty keeps lambda's, from the covariance of both
        // parameters at the bound point; A0's alone (1/den) only when that is singular (2 points at one time).
        double[][] cov = WeightedLeastSquares.covarianceAt(MODEL, new double[] {a0, lp}, t, s);
        double sigma = cov == null ? Math.sqrt(1 / den) / lp
            : Math.sqrt(WeightedLeastSquares.deltaMethodVariance(new double[] {1 / lp, -a0 / (lp * lp)}, cov));
        return new KineticFit(NAME, true, List.of("A0_MBq", "lambda_per_h"), new double[] {a0, lp}, a0 / lp,
            sigma, chi2, n, K, true,
            "clearance slower than physical decay: lambda fixed at lambda_phys, only A0 fitted; uncertainty with "
                + "lambda free",
            cov != null ? cov : new double[][] {{1 / den, 0}, {0, 0}});
    }
}
