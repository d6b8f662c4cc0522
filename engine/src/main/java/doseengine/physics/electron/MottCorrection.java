package doseengine.physics.electron;

import static doseengine.physics.electron.ElectronConstants.FINE_STRUCTURE;

import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;

/**
 * Spin (Mott) correction of the screened Rutherford cross section of one material, to first order in alpha Z.
 *
 * <p>Mott-to-Rutherford ratio (McKinley and Feshbach, Phys. Rev. 74 (1948) 1759), with mu = sin^2(theta/2) =
 * (1 - cos theta)/2: R = 1 - beta^2 mu + pi alpha Z beta (sqrt(mu) - mu). It is first order in alpha Z, good for
 * the light elements of tissue (alpha Z = 0.15 for Ca) and weak for heavy traces (iodine, alpha Z = 0.39).
 *
 * <p>Compound: element i contributes n_i Z_i (Z_i + 1) R(Z_i) / (x + 2 eta)^2 with the model's common screening,
 * and R is linear in Z, so the sum is sum_i n_i Z_i (Z_i + 1) times R with Z replaced by
 * Z_eff = sum_i n_i Z_i^2 (Z_i + 1) / sum_i n_i Z_i (Z_i + 1) (exact, no further approximation).
 *
 * <p>The kernels sample the Wentzel shape 1/(x + 2 eta)^2 (x = 1 - cos theta) and cannot apply R by rejection, so
 * the correction is carried by the amplitude: A' = k A with k = int_0^2 x R / (x + 2 eta)^2 dx / int_0^2 x / (x +
 * 2 eta)^2 dx, which gives the Wentzel form the first transport cross section T1 of the Mott-corrected one and keeps
 * Moliere's screening. Why the amplitude and not the screening: docs/physics-transport.md ("Elastic scattering: spin
 * correction"). EGSnrc also fixes a free parameter by T1 (its screening, against partial-wave cross sections, with R
 * kept as a rejection factor on top; PIRS-701, "Elastic scattering with spin").
 */
public final class MottCorrection {
    /** Gauss-Legendre panels in v are at most this wide (the integrands are analytic in v). */
    private static final double MAX_PANEL = 0.25;
    private static final double[] GL_X = {
        -0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
        0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] GL_W = {
        0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
        0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    private final double effectiveZ;

    public MottCorrection(Material material) {
        int[] z = material.atomicNumbers();
        double[] w = material.massFractions();
        double num = 0;
        double den = 0;
        for (int i = 0; i < z.length; i++) {
            double n = w[i] / Elements.atomicWeight(z[i]);
            num += n * z[i] * (double) z[i] * (z[i] + 1.0);
            den += n * z[i] * (z[i] + 1.0);
        }
        effectiveZ = num / den;
    }

    /** Z_eff = sum n_i Z_i^2 (Z_i + 1) / sum n_i Z_i (Z_i + 1). */
    public double effectiveZ() { return effectiveZ; }

    /** McKinley-Feshbach ratio R at mu = (1 - cos theta)/2 in [0, 1], speed beta, atomic number z. */
    public static double ratio(double mu, double beta, double z) {
        return 1 - beta * beta * mu + Math.PI * FINE_STRUCTURE * z * beta * (Math.sqrt(mu) - mu);
    }

    /**
     * Moments of the Mott-corrected Wentzel cross section per unit amplitude: {int R dx, int x R dx,
     * int 1.5 x (2 - x) R dx}, each over x in [0, 2] with weight 1/(x + A_s)^2, for this material's Z_eff.
     */
    public double[] moments(double beta, double as) {
        // x = A_s (exp(v^2) - 1): dx / (x + A_s)^2 = (2 v exp(-v^2) / A_s) dv, and sqrt(x) is analytic in v, so
        // the peak at x ~ A_s and the square root at x = 0 both become smooth; v runs to sqrt(ln(1 + 2 / A_s)).
        double vMax = Math.sqrt(Math.log1p(2 / as));
        int panels = Math.max(1, (int) Math.ceil(vMax / MAX_PANEL));
        double h = vMax / panels;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * h;
            for (int g = 0; g < GL_X.length; g++) {
                double v = mid + 0.5 * h * GL_X[g];
                double v2 = v * v;
                double x = Math.min(2, as * Math.expm1(v2));
                double r = ratio(0.5 * x, beta, effectiveZ);
                double weight = GL_W[g] * 0.5 * h * 2 * v * Math.exp(-v2) / as * r;
                s0 += weight;
                s1 += weight * x;
                s2 += weight * 1.5 * x * (2 - x);
            }
        }
        return new double[] {s0, s1, s2};
    }

    /** First transport cross section of the Wentzel form per unit amplitude: ln(1 + 2/A_s) - 2/(2 + A_s). */
    static double wentzelTransport1(double as) {
        return Math.log1p(2 / as) - 2 / (2 + as);
    }

    /**
     * k = T1 of the Mott-corrected Wentzel cross section / T1 of the Wentzel cross section, both with screening eta,
     * at speed beta: the factor on the amplitude that gives the Wentzel form the Mott-corrected T1.
     */
    public double transport1Factor(double eta, double beta) {
        double as = 2 * eta;
        return moments(beta, as)[1] / wentzelTransport1(as);
    }
}
