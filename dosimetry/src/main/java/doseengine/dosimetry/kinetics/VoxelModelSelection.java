package doseengine.dosimetry.kinetics;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * {@link ModelSelection}'s rule for millions of curves that share their times (the voxels of one cycle): the same
 * models ({@link MonoExponential}, {@link BiExponential} with physical decay as the floor on the washout,
 * {@link TrapezoidWithTail}), the same starts, the same weighted least squares with known per-point uncertainties,
 * the same covariance and delta-method TIA uncertainty, and the same choice (AICc, AIC at n = 4, the chi-square
 * tests at 5 % and 0.1 %), but without objects per curve: one instance holds its scratch arrays and is reused for
 * every curve of one thread, the chi-square critical values are computed once, and the minimiser is a
 * Levenberg-Marquardt on 2 or 3 parameters written out over plain arrays (Commons Math's, which
 * {@link WeightedLeastSquares} uses, allocates matrices at every step and costs about 0.5 ms per curve; this one
 * about 100 times less). The mono-exponential starts from the closed-form weighted log-linear line
 * ({@link LogLinear}), as {@link MonoExponential} does.
 *
 * <p>Both minimisers stop at the same weighted least-squares optimum, so on the same curve they give the same TIA to
 * the minimisers' tolerance; where the objective has several local minima (a bi-exponential on noisy points) they may
 * end in different ones. {@code VoxelModelSelectionTest} measures the agreement.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class VoxelModelSelection {
    /** Every activity is zero: TIA 0. */
    public static final int ZERO = 0;
    /** The mono-exponential was chosen. */
    public static final int MONO = 1;
    /** The bi-exponential was chosen. */
    public static final int BI = 2;
    /** The trapezoid with a physical-decay tail: no fit usable, or the chosen fit rejected by its chi-square test. */
    public static final int TRAPEZOID = 3;

    private static final int F_MONO = 0;
    private static final int F_BI = 1;
    private static final int F_BI_FIXED = 2;
    private static final double[] UPTAKE_OVER_WASHOUT = {3, 10, 30, 100};
    private static final int MAX_ITERATIONS = 1000;
    private static final double RELATIVE_TOLERANCE = 1e-10;
    /** As {@link WeightedLeastSquares}'s threshold on the normal matrix's decomposition. */
    private static final double SINGULARITY_THRESHOLD = 1e-14;

    private final double[] t;
    private final int n;
    private final double lp;
    private final ActivityUncertainty uncertainty;
    private final double[] trapezoidWeights;
    /** Critical chi-square values by degrees of freedom: 95 % (mono test) and 99.9 % (inadequate fit). */
    private final double[] critical95;
    private final double[] critical999;

    private double[] s;
    private final double[] y;
    private final double[] p = new double[3];
    private final double[] trial = new double[3];
    private final double[] step = new double[3];
    private final double[] grad = new double[3];
    private final double[] jtr = new double[3];
    private final double[][] jtj = new double[3][3];
    private final double[][] a = new double[3][3];
    private final double[][] cov = new double[3][3];
    private final double[][] augmented = new double[3][6];

    private double tia;
    private double sigma;
    private int model;

    // the last fit of each kind: usable, TIA, sigma, chi2
    private boolean monoUsable;
    private double monoTia;
    private double monoSigma;
    private double monoChi2;
    private boolean biUsable;
    private double biTia;
    private double biSigma;
    private double biChi2;

    /**
     * @param hours       the time points (h after injection), increasing, each > 0
     * @param decay       the floor on clearance
     * @param uncertainty the per-point uncertainty model, as for the structures
     */
    public VoxelModelSelection(double[] hours, PhysicalDecay decay, ActivityUncertainty uncertainty) {
        this.t = hours.clone();
        this.n = hours.length;
        for (int i = 1; i < n; i++) {
            if (!(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("hours must increase: " + java.util.Arrays.toString(hours));
            }
        }
        this.lp = decay.lambdaPerHour();
        this.uncertainty = uncertainty;
        this.trapezoidWeights = TrapezoidWithTail.weights(t, lp);
        this.critical95 = new double[n + 1];
        this.critical999 = new double[n + 1];
        for (int dof = 1; dof <= n; dof++) {
            ChiSquaredDistribution chi2 = new ChiSquaredDistribution(dof);
            critical95[dof] = chi2.inverseCumulativeProbability(1 - ModelSelection.REJECTION_LEVEL);
            critical999[dof] = chi2.inverseCumulativeProbability(1 - ModelSelection.INADEQUATE_LEVEL);
        }
        this.y = new double[n];
    }

    /**
     * Chooses the model for the activities {@code activitiesMBq} (>= 0, one per time point) and returns its code
     * ({@link #ZERO}, {@link #MONO}, {@link #BI}, {@link #TRAPEZOID}); {@link #tiaMBqH()} and {@link #sigmaMBqH()}
     * then hold its TIA and standard uncertainty.
     */
    public int select(double[] activitiesMBq) {
        System.arraycopy(activitiesMBq, 0, y, 0, n);
        s = uncertainty.sigmasMBq(t, y);
        double trapTia = 0;
        double trapVar = 0;
        boolean allZero = true;
        for (int i = 0; i < n; i++) {
            trapTia += trapezoidWeights[i] * y[i];
            trapVar += trapezoidWeights[i] * trapezoidWeights[i] * s[i] * s[i];
            allZero &= y[i] == 0;
        }
        if (allZero) {
            return set(ZERO, trapTia, Math.sqrt(trapVar));
        }
        fitMono();
        fitBi();
        int chosen;
        double chosenChi2;
        int k;
        if (monoUsable && biUsable && n >= 4) {
            // n >= 5: AICc; n = 4: AIC (ModelSelection's rules 1 and 2; both have the same penalty difference
            // structure, computed here as KineticFit does)
            double monoCrit = n >= 5 ? aicc(monoChi2, MonoExponential.K) : monoChi2 + 2.0 * MonoExponential.K;
            double biCrit = n >= 5 ? aicc(biChi2, BiExponential.K) : biChi2 + 2.0 * BiExponential.K;
            chosen = biCrit < monoCrit ? BI : MONO;
        } else if (monoUsable) {
            int dof = n - MonoExponential.K;
            if (dof == 0 || monoChi2 <= critical95[dof]) {
                chosen = MONO;
            } else {
                chosen = biUsable ? BI : TRAPEZOID;
            }
        } else {
            chosen = biUsable ? BI : TRAPEZOID;
        }
        if (chosen == TRAPEZOID) {
            return set(TRAPEZOID, trapTia, Math.sqrt(trapVar));
        }
        chosenChi2 = chosen == MONO ? monoChi2 : biChi2;
        k = chosen == MONO ? MonoExponential.K : BiExponential.K;
        int dof = n - k;
        if (dof > 0 && chosenChi2 > critical999[dof]) {
            return set(TRAPEZOID, trapTia, Math.sqrt(trapVar));
        }
        return chosen == MONO ? set(MONO, monoTia, monoSigma) : set(BI, biTia, biSigma);
    }

    /** The chosen model's TIA (MBq h) after {@link #select}. */
    public double tiaMBqH() {
        return tia;
    }

    /** Its standard uncertainty (MBq h). */
    public double sigmaMBqH() {
        return sigma;
    }

    /** The code {@link #select} returned last. */
    public int model() {
        return model;
    }

    /** The model's name as {@link KineticFit#model()} writes it, or "zero" for {@link #ZERO}. */
    public static String name(int code) {
        return switch (code) {
            case MONO -> MonoExponential.NAME;
            case BI -> BiExponential.NAME;
            case TRAPEZOID -> TrapezoidWithTail.NAME;
            default -> "zero";
        };
    }

    private int set(int code, double tiaMBqH, double sigmaMBqH) {
        this.model = code;
        this.tia = tiaMBqH;
        this.sigma = sigmaMBqH;
        return code;
    }

    private double aicc(double chi2, int k) {
        return chi2 + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /** {@link MonoExponential#fit}: free fit from the log-linear line, else the physical-decay floor. */
    private void fitMono() {
        monoUsable = false;
        if (n < MonoExponential.K) {
            return;
        }
        double[] start = LogLinear.start(t, y, s, 0, lp);
        p[0] = start[0];
        p[1] = start[1];
        double chi2 = minimise(F_MONO, 2);
        if (Double.isNaN(chi2)) {
            return; // did not converge
        }
        double a0 = p[0];
        double lambda = p[1];
        if (lambda < lp) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(-lp * t[i]);
                double w = 1 / (s[i] * s[i]);
                num += y[i] * e * w;
                den += e * e * w;
            }
            double floorA0 = num / den;
            if (!(floorA0 > 0)) {
                return;
            }
            double c = 0;
            for (int i = 0; i < n; i++) {
                double r = (y[i] - floorA0 * Math.exp(-lp * t[i])) / s[i];
                c += r * r;
            }
            // As MonoExponential: the uncertainty keeps lambda's, from the normal matrix of both parameters at
            // the bound point; A0's alone only where that matrix is singular.
            double sigma = Math.sqrt(1 / den) / lp;
            p[0] = floorA0;
            p[1] = lp;
            normal(F_MONO, 2, p);
            if (invert(2)) {
                grad[0] = 1 / lp;
                grad[1] = -floorA0 / (lp * lp);
                double var = delta(2);
                if (!(var >= 0) || !Double.isFinite(var)) {
                    return;
                }
                sigma = Math.sqrt(var);
            }
            monoUsable = true;
            monoTia = floorA0 / lp;
            monoSigma = sigma;
            monoChi2 = c;
            return;
        }
        if (!(a0 > 0) || !invert(2)) {
            return;
        }
        grad[0] = 1 / lambda;
        grad[1] = -a0 / (lambda * lambda);
        double var = delta(2);
        if (!(var >= 0) || !Double.isFinite(var)) {
            return;
        }
        monoUsable = true;
        monoTia = a0 / lambda;
        monoSigma = Math.sqrt(var);
        monoChi2 = chi2;
    }

    /** {@link BiExponential#fit}: the best of several starts, swapped if need be, else at the floor. */
    private void fitBi() {
        biUsable = false;
        if (n < BiExponential.K) {
            return;
        }
        double[] tail = LogLinear.start(t, y, s, n - 2, lp * 1.01);
        double bestChi2 = Double.NaN;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double ratio = y[0] / (tail[0] * Math.exp(-tail[1] * t[0]));
        int starts = UPTAKE_OVER_WASHOUT.length + 1;
        for (int k = 0; k < starts; k++) {
            p[0] = tail[0];
            p[1] = tail[1];
            if (k == 0) {
                if (!(ratio > 0 && ratio < 1)) {
                    continue;
                }
                p[2] = tail[1] - Math.log(1 - ratio) / t[0];
            } else {
                p[2] = tail[1] * UPTAKE_OVER_WASHOUT[k - 1];
            }
            double c = minimise(F_BI, 3);
            if (!Double.isNaN(c) && (Double.isNaN(bestChi2) || c < bestChi2)) {
                bestChi2 = c;
                b0 = p[0];
                b1 = p[1];
                b2 = p[2];
            }
        }
        if (Double.isNaN(bestChi2)) {
            return;
        }
        if (b2 < b1) { // the same curve with the exponentials swapped and A0 negated
            double x = b1;
            b1 = b2;
            b2 = x;
            b0 = -b0;
        }
        double a0;
        double lw;
        double lu;
        double chi2;
        boolean singular;
        if (b1 < lp) {
            p[0] = b0;
            p[1] = Math.max(b2, 2 * lp);
            chi2 = minimise(F_BI_FIXED, 2);
            if (Double.isNaN(chi2)) {
                return;
            }
            a0 = p[0];
            lw = lp;
            lu = p[1];
            // As BiExponential: the covariance of all three parameters at the bound point (lw free), else the
            // fixed fit's (A0, lu) embedded with lw's variance 0.
            double[] q = {a0, lw, lu};
            normal(F_BI, 3, q);
            singular = !invert(3);
            if (singular) {
                q[0] = a0;
                q[1] = lu;
                normal(F_BI_FIXED, 2, q);
                singular = !invert(2);
                if (!singular) { // embed (A0, lu) in (A0, lw, lu) with lw fixed
                    cov[0][2] = cov[0][1];
                    cov[2][0] = cov[1][0];
                    cov[2][2] = cov[1][1];
                    cov[0][1] = cov[1][0] = cov[1][1] = cov[1][2] = cov[2][1] = 0;
                }
            }
        } else {
            // the normal matrix at the best point, in the order (A0, lw, lu)
            p[0] = b0;
            p[1] = b1;
            p[2] = b2;
            chi2 = normal(F_BI, 3, p);
            a0 = b0;
            lw = b1;
            lu = b2;
            singular = !invert(3);
        }
        if (!(a0 > 0) || !(lu > lw) || singular) {
            return;
        }
        grad[0] = 1 / lw - 1 / lu;
        grad[1] = -a0 / (lw * lw);
        grad[2] = a0 / (lu * lu);
        double var = delta(3);
        if (!(var >= 0) || !Double.isFinite(var)) {
            return;
        }
        biUsable = true;
        biTia = a0 * (1 / lw - 1 / lu);
        biSigma = Math.sqrt(var);
        biChi2 = chi2;
    }

    /**
     * Levenberg-Marquardt (Marquardt's diagonal scaling) of model {@code f} with {@code k} parameters from
     * {@code p}; leaves the optimum in {@code p} and returns its chi square, or NaN when it does not converge within
     * {@link #MAX_ITERATIONS} or leaves the finite numbers.
     */
    private double minimise(int f, int k) {
        double chi2 = normal(f, k, p);
        if (!Double.isFinite(chi2)) {
            return Double.NaN;
        }
        double mu = 1e-3;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int r = 0; r < k; r++) {
                System.arraycopy(jtj[r], 0, a[r], 0, k);
                a[r][r] = jtj[r][r] * (1 + mu);
            }
            if (!solve(k)) {
                mu *= 10;
                if (mu > 1e20) {
                    return Double.NaN;
                }
                continue;
            }
            boolean small = true;
            for (int c = 0; c < k; c++) {
                trial[c] = p[c] + step[c];
                small &= Math.abs(step[c]) <= RELATIVE_TOLERANCE * (Math.abs(p[c]) + RELATIVE_TOLERANCE);
            }
            double c2 = chi2Of(f, k, trial);
            if (Double.isFinite(c2) && c2 <= chi2) {
                double decrease = chi2 - c2;
                System.arraycopy(trial, 0, p, 0, k);
                chi2 = normal(f, k, p);
                mu = Math.max(mu / 10, 1e-12);
                if (small || decrease <= RELATIVE_TOLERANCE * chi2 || chi2 < 1e-28) {
                    return chi2;
                }
            } else {
                if (small) {
                    return chi2; // no smaller step improves: at the minimum to rounding
                }
                mu *= 10;
                if (mu > 1e20) {
                    return chi2;
                }
            }
        }
        return Double.NaN;
    }

    /** Fills {@code jtj} and {@code jtr} at {@code q} and returns the chi square there. */
    private double normal(int f, int k, double[] q) {
        for (int r = 0; r < k; r++) {
            jtr[r] = 0;
            for (int c = 0; c < k; c++) {
                jtj[r][c] = 0;
            }
        }
        double chi2 = 0;
        double[] g = grad;
        for (int i = 0; i < n; i++) {
            double w = 1 / s[i];
            double v = valueAndGradient(f, t[i], q, g);
            double res = (y[i] - v) * w;
            chi2 += res * res;
            for (int r = 0; r < k; r++) {
                double gr = g[r] * w;
                jtr[r] += gr * res;
                for (int c = 0; c <= r; c++) {
                    jtj[r][c] += gr * g[c] * w;
                }
            }
        }
        for (int r = 0; r < k; r++) {
            for (int c = r + 1; c < k; c++) {
                jtj[r][c] = jtj[c][r];
            }
        }
        return chi2;
    }

    private double chi2Of(int f, int k, double[] q) {
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double res = (y[i] - value(f, t[i], q)) / s[i];
            chi2 += res * res;
        }
        return chi2;
    }

    private double value(int f, double time, double[] q) {
        return switch (f) {
            case F_MONO -> q[0] * Math.exp(-q[1] * time);
            case F_BI -> q[0] * (Math.exp(-q[1] * time) - Math.exp(-q[2] * time));
            default -> q[0] * (Math.exp(-lp * time) - Math.exp(-q[1] * time));
        };
    }

    private double valueAndGradient(int f, double time, double[] q, double[] g) {
        switch (f) {
            case F_MONO -> {
                double e = Math.exp(-q[1] * time);
                g[0] = e;
                g[1] = -q[0] * time * e;
                return q[0] * e;
            }
            case F_BI -> {
                double ew = Math.exp(-q[1] * time);
                double eu = Math.exp(-q[2] * time);
                g[0] = ew - eu;
                g[1] = -q[0] * time * ew;
                g[2] = q[0] * time * eu;
                return q[0] * (ew - eu);
            }
            default -> {
                double ew = Math.exp(-lp * time);
                double eu = Math.exp(-q[1] * time);
                g[0] = ew - eu;
                g[1] = q[0] * time * eu;
                return q[0] * (ew - eu);
            }
        }
    }

    /** Solves {@code a step = jtr} ({@code k x k}, symmetric) by Gaussian elimination; false when singular. */
    private boolean solve(int k) {
        double[] b = trial; // scratch: trial is rewritten after the solve
        System.arraycopy(jtr, 0, b, 0, k);
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 0) || !Double.isFinite(a[pivot][col])) {
                return false;
            }
            if (pivot != col) {
                double[] row = a[pivot];
                a[pivot] = a[col];
                a[col] = row;
                double x = b[pivot];
                b[pivot] = b[col];
                b[col] = x;
            }
            for (int r = col + 1; r < k; r++) {
                double m = a[r][col] / a[col][col];
                for (int c = col; c < k; c++) {
                    a[r][c] -= m * a[col][c];
                }
                b[r] -= m * b[col];
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double v = b[r];
            for (int c = r + 1; c < k; c++) {
                v -= a[r][c] * step[c];
            }
            step[r] = v / a[r][r];
            if (!Double.isFinite(step[r])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code cov = jtj^-1} ({@code k x k}, the normal matrix of the last {@link #normal} call); false when it is
     * singular: a pivot of its elimination at or below {@link #SINGULARITY_THRESHOLD}, absolute (as Commons Math's
     * decomposition in {@link WeightedLeastSquares}) or relative to its diagonal.
     */
    private boolean invert(int k) {
        double[][] m = augmented;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                m[r][c] = jtj[r][c];
                m[r][k + c] = r == c ? 1 : 0;
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double d = m[pivot][col];
            if (!(Math.abs(d) > SINGULARITY_THRESHOLD) || !(Math.abs(d) > SINGULARITY_THRESHOLD * jtj[col][col])
                    || !Double.isFinite(d)) {
                return false;
            }
            double[] row = m[pivot];
            m[pivot] = m[col];
            m[col] = row;
            for (int c = 0; c < 2 * k; c++) {
                m[col][c] /= d;
            }
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = m[r][col];
                    for (int c = 0; c < 2 * k; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                cov[r][c] = m[r][k + c];
            }
        }
        return true;
    }

    /** {@code grad^T cov grad} over the first {@code k} parameters. */
    private double delta(int k) {
        double v = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                v += grad[r] * cov[r][c] * grad[c];
            }
        }
        return v;
    }
}
