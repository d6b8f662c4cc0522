package doseengine.kernels.photon;

/**
 * Reference moments of the Klein-Nishina distribution for an electron at rest, from the analytic
 * differential cross section (Klein and Nishina, Z. Phys. 52 (1929) 853)
 * dsigma/dcos ~ eps^2 (eps + 1/eps - sin^2 theta), eps = 1 / (1 + k (1 - cos theta)), k = E / (m c^2),
 * integrated over cos theta by Simpson's rule on 20000 intervals (error below 1e-12 for these smooth
 * integrands; {@link #totalOverPiRe2} is checked against the closed form of Evans, The Atomic Nucleus (1955)).
 */
final class KleinNishina {
    private static final int INTERVALS = 20_000;

    private KleinNishina() {}

    static double dsigmaDcos(double k, double cos) {
        double eps = 1 / (1 + k * (1 - cos));
        return eps * eps * (eps + 1 / eps - (1 - cos * cos));
    }

    /** Integral of weight(cos) * dsigma/dcos over [-1, 1]. */
    static double integrate(double k, java.util.function.DoubleUnaryOperator weight) {
        double h = 2.0 / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double c = -1 + i * h;
            double w = i == 0 || i == INTERVALS ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * weight.applyAsDouble(c) * dsigmaDcos(k, c);
        }
        return sum * h / 3;
    }

    static double meanCos(double k) {
        return integrate(k, c -> c) / integrate(k, c -> 1);
    }

    /** Mean fraction of the photon energy given to the electron, 1 - eps. */
    static double meanEnergyTransferFraction(double k) {
        return integrate(k, c -> 1 - 1 / (1 + k * (1 - c))) / integrate(k, c -> 1);
    }

    /** sigma_KN / (pi r_e^2), Evans (1955): 2 {(1+k)/k^2 [2(1+k)/(1+2k) - ln(1+2k)/k] + ln(1+2k)/(2k) - (1+3k)/(1+2k)^2}. */
    static double totalOverPiRe2(double k) {
        double l = Math.log1p(2 * k);
        return 2 * ((1 + k) / (k * k) * (2 * (1 + k) / (1 + 2 * k) - l / k) + l / (2 * k)
                - (1 + 3 * k) / ((1 + 2 * k) * (1 + 2 * k)));
    }
}
