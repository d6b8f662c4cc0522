package doseengine.validation.reference;

import java.util.Arrays;

/**
 * A scaled dose point kernel j(x) = d(E/E0)/dx of x = r/r0, the fraction of the emitted energy E0 absorbed per
 * unit r/r0 (r0 a range that scales the radius: the CSDA range for monoenergetic electrons), either as point
 * values (integrated by the trapezoid rule, zero beyond the last point) or as shell means (constant inside
 * each shell). Both the references and the engine's results take this form, so one set of integrals, X90
 * and interpolation serves both. Immutable.
 */
public final class ScaledDosePointKernel {
    private static final double NINETY_PERCENT = 0.9;

    private final String label;
    private final double energyMeV;
    private final double[] x;
    private final double[] j;
    /** Shell edges (length n + 1) for shell means; null for point values. */
    private final double[] edges;

    private ScaledDosePointKernel(String label, double energyMeV, double[] x, double[] j, double[] edges) {
        if (x.length < 2 || x.length != j.length) {
            throw new IllegalArgumentException(label + ": a kernel needs at least two (x, j) pairs of equal count");
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0) || (i > 0 && !(x[i] > x[i - 1])) || !(j[i] >= 0) || !Double.isFinite(j[i])) {
                throw new IllegalArgumentException(label + ": x must be >= 0 and increasing and j finite and >= 0;"
                        + " row " + i + ": x = " + x[i] + ", j = " + j[i]);
            }
        }
        if (edges != null) {
            if (edges.length != x.length + 1) {
                throw new IllegalArgumentException(label + ": shell means need n + 1 edges");
            }
            for (int i = 0; i < x.length; i++) {
                if (!(edges[i] >= 0 && edges[i] <= x[i] && x[i] <= edges[i + 1] && edges[i] < edges[i + 1])) {
                    throw new IllegalArgumentException(label + ": shell " + i + " [" + edges[i] + ", " + edges[i + 1]
                            + ") does not hold its abscissa " + x[i]);
                }
            }
        }
        this.label = label;
        this.energyMeV = energyMeV;
        this.x = x.clone();
        this.j = j.clone();
        this.edges = edges == null ? null : edges.clone();
    }

    /** Point values j(x[i]). */
    public static ScaledDosePointKernel points(String label, double energyMeV, double[] x, double[] j) {
        return new ScaledDosePointKernel(label, energyMeV, x, j, null);
    }

    /** Shell means j[i] over [edges[i], edges[i+1]), plotted and interpolated at x[i]. */
    public static ScaledDosePointKernel shells(String label, double energyMeV, double[] x, double[] edges, double[] j) {
        return new ScaledDosePointKernel(label, energyMeV, x, j, edges);
    }

    /**
     * Shell means given only at their midpoints: edges halfway between midpoints, the first at 0, the last as far
     * beyond the last midpoint as the edge before it lies below it.
     */
    public static ScaledDosePointKernel shellMidpoints(String label, double energyMeV, double[] x, double[] j) {
        int n = x.length;
        double[] e = new double[n + 1];
        for (int i = 1; i < n; i++) {
            e[i] = 0.5 * (x[i - 1] + x[i]);
        }
        e[n] = x[n - 1] + (x[n - 1] - e[n - 1]);
        return new ScaledDosePointKernel(label, energyMeV, x, j, e);
    }

    public String label() {
        return label;
    }

    /** E0 (MeV) of a monoenergetic source, or the mean emitted energy per decay of a nuclide. */
    public double energyMeV() {
        return energyMeV;
    }

    public double[] x() {
        return x.clone();
    }

    public double[] j() {
        return j.clone();
    }

    public int size() {
        return x.length;
    }

    public boolean isShellMeans() {
        return edges != null;
    }

    /** The largest tabulated j. */
    public double peak() {
        return Arrays.stream(j).max().orElseThrow();
    }

    /** Total fraction of E0 absorbed: the integral of j over all x. */
    public double integral() {
        return cumulative(Double.POSITIVE_INFINITY);
    }

    /** Fraction of E0 absorbed inside r/r0 &lt; {@code upper}. */
    public double cumulative(double upper) {
        double sum = 0;
        if (edges != null) {
            for (int i = 0; i < x.length && edges[i] < upper; i++) {
                sum += j[i] * (Math.min(edges[i + 1], upper) - edges[i]);
            }
            return sum;
        }
        for (int i = 0; i + 1 < x.length && x[i] < upper; i++) {
            double b = Math.min(x[i + 1], upper);
            double jb = j[i] + (j[i + 1] - j[i]) * (b - x[i]) / (x[i + 1] - x[i]);
            sum += 0.5 * (j[i] + jb) * (b - x[i]);
        }
        return sum;
    }

    /**
     * X90/r0: the r/r0 inside which 90 % of E0 is absorbed (Berger's X90), or NaN when less than 90 % is absorbed
     * over the whole kernel. The cumulative is continuous and non-decreasing, so bisection finds it to 1e-12.
     */
    public double x90() {
        double hi = edges != null ? edges[edges.length - 1] : x[x.length - 1];
        if (cumulative(hi) < NINETY_PERCENT) {
            return Double.NaN;
        }
        double lo = 0;
        for (int it = 0; it < 100 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            if (cumulative(mid) >= NINETY_PERCENT) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** j at {@code at} by linear interpolation between the tabulated abscissae; NaN outside them. */
    public double valueAt(double at) {
        return interpolate(x, j, at);
    }

    /** Linear interpolation of (xs, ys) at {@code at}; NaN outside [xs[0], xs[n-1]]. */
    static double interpolate(double[] xs, double[] ys, double at) {
        if (!(at >= xs[0] && at <= xs[xs.length - 1])) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(xs, at);
        if (i >= 0) {
            return ys[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (at - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + w * (ys[hi] - ys[lo]);
    }

    @Override
    public String toString() {
        return label + " (" + x.length + " values)";
    }
}
