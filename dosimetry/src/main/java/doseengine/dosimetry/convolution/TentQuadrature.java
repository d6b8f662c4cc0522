package doseengine.dosimetry.convolution;

/**
 * Quadrature for the difference of two uniform variables on [-s/2, s/2] (a tent of half-width s): the product of
 * two 3-point Gauss-Legendre rules, exact for polynomials up to degree 5 in each variable.
 */
final class TentQuadrature {
    private static final double[] NODES = {-Math.sqrt(0.6), 0, Math.sqrt(0.6)};
    private static final double[] WEIGHTS = {5.0 / 18, 8.0 / 18, 5.0 / 18};

    private TentQuadrature() {
    }

    /** {point, weight} pairs; the weights sum to 1. */
    static double[][] points(double side) {
        double[][] p = new double[9][];
        int n = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                p[n++] = new double[] {0.5 * side * (NODES[a] - NODES[b]), WEIGHTS[a] * WEIGHTS[b]};
            }
        }
        return p;
    }
}
