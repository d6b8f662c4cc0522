package doseengine.dosimetry.convolution;

/**
 * The energy density (MeV per mm^3 per decay) of the far shells of a radial kernel, the shells from
 * {@code firstShell} on: as scored (constant over each shell) and smoothed (log-linear between shell centres,
 * tabulated on a fine radial step so that a lookup costs no search).
 */
final class FarDensity {
    private final double[] edges;
    private final double[] density;
    private final int first;
    private final double step;
    private final double[] table;

    FarDensity(DosePointKernel kernel, int firstShell, double stepMm) {
        this.edges = kernel.edgesMm();
        this.first = firstShell;
        this.step = stepMm;
        double[] e = kernel.meVPerDecay();
        density = new double[e.length];
        for (int s = firstShell; s < e.length; s++) {
            double r0 = edges[s];
            double r1 = edges[s + 1];
            density[s] = e[s] / (4.0 / 3.0 * Math.PI * (r1 * r1 * r1 - r0 * r0 * r0));
        }
        int n = (int) Math.ceil(edges[edges.length - 1] / stepMm) + 2;
        table = new double[n];
        int s = firstShell;
        for (int i = 0; i < n; i++) {
            double r = i * stepMm;
            if (r < edges[firstShell] || r >= edges[edges.length - 1]) {
                continue;
            }
            while (s + 1 < e.length && mid(s + 1) <= r) {
                s++;
            }
            // Between the centres of shells s and s+1 (or flat before the first centre and after the last one).
            if (r <= mid(first) || s + 1 >= e.length || r < mid(s)) {
                table[i] = density[Math.max(s, first)];
                continue;
            }
            double a = density[s];
            double b = density[s + 1];
            double t = (r - mid(s)) / (mid(s + 1) - mid(s));
            table[i] = a > 0 && b > 0 ? Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a))) : a + t * (b - a);
        }
    }

    private double mid(int s) {
        return 0.5 * (edges[s] + edges[s + 1]);
    }

    /** The scored density at radius r: the far shell's constant, 0 inside the near zone and beyond the kernel. */
    double shell(double r) {
        if (r < edges[first] || r >= edges[edges.length - 1]) {
            return 0;
        }
        int lo = first;
        int hi = edges.length - 1;
        while (hi - lo > 1) {
            int m = (lo + hi) >>> 1;
            if (edges[m] <= r) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return density[lo];
    }

    /** The smoothed density at radius r, linear between table points. */
    double smooth(double r) {
        double u = r / step;
        int i = (int) u;
        if (i + 1 >= table.length) {
            return 0;
        }
        double t = u - i;
        return table[i] + t * (table[i + 1] - table[i]);
    }
}
