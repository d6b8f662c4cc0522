package doseengine.source;

/**
 * A Walker alias table over {@code n} weights, built with Vose's method (M. D. Vose, IEEE Trans. Softw. Eng. 17
 * (1991) 972), in double and stored as float probabilities.
 *
 * <p>Column {@code c} keeps itself with probability {@code prob[c]} and otherwise yields {@code alias[c]}, so
 * item {@code i} is drawn with probability {@code (prob[i] + sum over c with alias[c] == i of (1 - prob[c])) / n},
 * which equals {@code w[i] / sum(w)} up to the float rounding of {@code prob} (at most 2^-25 per column).
 * Columns left over by rounding (and all columns of exactly average weight) get {@code prob = 1} and alias
 * themselves.
 */
public final class AliasTable {
    private final float[] prob;
    private final int[] alias;

    private AliasTable(float[] prob, int[] alias) {
        this.prob = prob;
        this.alias = alias;
    }

    /** Builds the table; weights must be finite and >= 0 with a positive sum (checked by the callers). */
    public static AliasTable build(double[] weights) {
        int n = weights.length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("alias table weights must have a positive finite sum, got " + total);
        }
        double[] p = new double[n];
        double scale = n / total;
        // Small columns (p < 1) stack up from the front of one work array, large ones from the back.
        int[] work = new int[n];
        int small = 0, large = n;
        for (int i = 0; i < n; i++) {
            p[i] = weights[i] * scale;
            if (p[i] < 1) {
                work[small++] = i;
            } else {
                work[--large] = i;
            }
        }
        float[] prob = new float[n];
        int[] alias = new int[n];
        while (small > 0 && large < n) {
            int s = work[--small];
            int l = work[large];
            prob[s] = (float) p[s];
            alias[s] = l;
            p[l] = (p[l] + p[s]) - 1; // Vose's order of operations, the numerically stable one
            if (p[l] < 1) {
                large++;
                work[small++] = l;
            }
        }
        while (large < n) {
            int l = work[large++];
            prob[l] = 1f;
            alias[l] = l;
        }
        while (small > 0) {
            int s = work[--small]; // only reachable through rounding: its p is 1 within a few ulps
            prob[s] = 1f;
            alias[s] = s;
        }
        return new AliasTable(prob, alias);
    }

    public int size() { return prob.length; }

    /** The probabilities (shared, not copied). */
    public float[] prob() { return prob; }

    /** The alias columns (shared, not copied). */
    public int[] alias() { return alias; }
}
