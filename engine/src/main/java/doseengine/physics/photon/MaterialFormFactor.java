package doseengine.physics.photon;

import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;

/**
 * The coherent-scattering form factor of a material in the independent-atom approximation,
 * F^2(x) = sum_i n_i F_i^2(x) / sum_i n_i with n_i = w_i / A_i (atoms of element i per gram, over N_A), and its
 * cumulative distribution in x^2 on [0, x2Max]: P(x^2) = int_0^{x^2} F^2 d(x^2) / int_0^{x2Max} F^2 d(x^2).
 * The Rayleigh angular distribution is (1 + cos^2 theta)/2 F^2(x) with x^2 = k^2 (1 - cos theta)/2.
 *
 * <p>The cumulative integral is a trapezoid rule in ln x^2 on {@value #FINE_POINTS} points from
 * x^2 = {@value #X2_FLOOR} 1/Angstrom^2 (below it F^2 = F^2(0)) to x2Max; between points, P is linear in x^2
 * (F^2 constant across a fine interval, whose width is 0.3 % in x^2).
 */
public final class MaterialFormFactor {
    static final int FINE_POINTS = 12001;
    static final double X2_FLOOR = 1e-12;

    private final int[] z;
    private final double[] atomFraction;
    private final ScatteringFactors factors;
    private final double[] x2;
    private final double[] cumulative;
    private final double f2AtZero;

    public MaterialFormFactor(Material material, ScatteringFactors factors, double x2Max) {
        if (!(x2Max > X2_FLOOR)) {
            throw new IllegalArgumentException("x^2 range must exceed " + X2_FLOOR + ": " + x2Max);
        }
        this.factors = factors;
        this.z = material.atomicNumbers();
        double[] w = material.massFractions();
        this.atomFraction = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            atomFraction[i] = w[i] / Elements.atomicWeight(z[i]);
            sum += atomFraction[i];
        }
        for (int i = 0; i < z.length; i++) {
            atomFraction[i] /= sum;
        }
        this.f2AtZero = squared(0);
        this.x2 = new double[FINE_POINTS];
        this.cumulative = new double[FINE_POINTS];
        double t0 = Math.log(X2_FLOOR);
        double dt = (Math.log(x2Max) - t0) / (FINE_POINTS - 1);
        double previous = 0;
        for (int j = 0; j < FINE_POINTS; j++) {
            x2[j] = j == FINE_POINTS - 1 ? x2Max : Math.exp(t0 + j * dt);
            double g = squared(Math.sqrt(x2[j])) * x2[j]; // F^2 d(x^2) = F^2 x^2 d(ln x^2)
            cumulative[j] = j == 0 ? f2AtZero * X2_FLOOR : cumulative[j - 1] + 0.5 * (previous + g) * dt;
            previous = g;
        }
    }

    /** F^2(x) per atom, x in 1/Angstrom. */
    public double squared(double x) {
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double f = factors.formFactor(z[i], x);
            s += atomFraction[i] * f * f;
        }
        return s;
    }

    public double x2Max() {
        return x2[FINE_POINTS - 1];
    }

    /** P(x^2 <= value), value in [0, x2Max]. */
    public double cumulativeFraction(double value) {
        double total = cumulative[FINE_POINTS - 1];
        if (value <= x2[0]) {
            return Math.max(0, value) * f2AtZero / total;
        }
        if (value >= x2[FINE_POINTS - 1]) {
            return 1;
        }
        int j = lastAtOrBelow(x2, value);
        double f = (value - x2[j]) / (x2[j + 1] - x2[j]);
        return (cumulative[j] + f * (cumulative[j + 1] - cumulative[j])) / total;
    }

    /** The x^2 at which the cumulative fraction reaches p, p in [0, 1]. */
    public double inverseCumulative(double p) {
        double target = p * cumulative[FINE_POINTS - 1];
        if (target <= cumulative[0]) {
            return Math.max(0, target) / f2AtZero;
        }
        if (p >= 1) {
            return x2[FINE_POINTS - 1];
        }
        int j = lastAtOrBelow(cumulative, target);
        double f = (target - cumulative[j]) / (cumulative[j + 1] - cumulative[j]);
        return x2[j] + f * (x2[j + 1] - x2[j]);
    }

    private static int lastAtOrBelow(double[] a, double v) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
