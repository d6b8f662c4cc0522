package doseengine.physics.electron;

import static doseengine.physics.electron.ElectronConstants.CLASSICAL_ELECTRON_RADIUS_CM;
import static doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV;
import static doseengine.physics.electron.ElectronConstants.FINE_STRUCTURE;

import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;

/**
 * Elastic scattering of electrons in one material: the screened Rutherford (Wentzel) cross section with Moliere's
 * screening parameter, Z(Z+1) to include scattering by the atomic electrons.
 *
 * <p>Per atom, dsigma/dOmega = Z(Z+1) r_e^2 / (beta^4 gamma^2) / (1 - cos theta + 2 eta)^2 (screened Rutherford,
 * Wentzel, Z. Phys. 40 (1927) 590; in this form in Bielajew and Rogers, NIM B 18 (1987) 165, and the EGSnrc manual
 * PIRS-701, single elastic scattering). With x = 1 - cos theta and A_s = 2 eta: dsigma/dx = A / (x + A_s)^2, where
 * per gram A = 2 pi r_e^2 N_A sum_i (w_i/A_i) Z_i (Z_i + 1) / (beta^4 gamma^2).
 *
 * <p>Moliere screening per element (Moliere, Z. Naturforsch. 3a (1948) 78): eta_i = chi_a^2 / 4,
 * chi_a^2 = (alpha m c Z^{1/3} / (0.885 p))^2 [1.13 + 3.76 (alpha Z / beta)^2]. For a compound, ln eta is averaged
 * with weights n_i Z_i (Z_i + 1), the rule Moliere and Bethe (Phys. Rev. 89 (1953) 1256) give for mixtures.
 *
 * <p>Closed forms (integrals of dsigma/dx over x): total 2A / (A_s (2 + A_s)); first transport
 * (weight x) A [ln(1 + 2/A_s) - 2/(2 + A_s)]; second transport (weight 1 - P2 = 1.5 x (2 - x)); and the same
 * restricted to the hard part x &gt;= x_c or the soft part x &lt; x_c.
 *
 * <p>Spin: with the correction on (the default), {@link #amplitude} is multiplied by the factor of
 * {@link MottCorrection#transport1Factor} so that the Wentzel form has the first transport cross section of the
 * Mott-corrected one; every closed form above then uses it. The screening stays Moliere's.
 */
public final class WentzelElasticModel {
    /** Thomas-Fermi radius factor of Moliere's screening angle. */
    private static final double THOMAS_FERMI = 0.885;

    private final int[] z;
    /** n_i Z_i (Z_i + 1) / sum (weights of ln eta_i). */
    private final double[] screeningWeights;
    /** sum_i (w_i / A_i) Z_i (Z_i + 1) (mol/g). */
    private final double zzPerGram;
    /** Null when the spin correction is off. */
    private final MottCorrection mott;

    /** The model with the spin (Mott) correction. */
    public WentzelElasticModel(Material material) {
        this(material, true);
    }

    /** The model with or without the spin (Mott) correction of the first transport cross section. */
    public WentzelElasticModel(Material material, boolean spinCorrection) {
        z = material.atomicNumbers();
        double[] w = material.massFractions();
        screeningWeights = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            screeningWeights[i] = w[i] / Elements.atomicWeight(z[i]) * z[i] * (z[i] + 1.0);
            sum += screeningWeights[i];
        }
        for (int i = 0; i < z.length; i++) {
            screeningWeights[i] /= sum;
        }
        zzPerGram = sum;
        mott = spinCorrection ? new MottCorrection(material) : null;
    }

    /** A(T) of dsigma/dx = A / (x + 2 eta)^2, cm2/g, with the spin correction factor when that is on. */
    public double amplitude(double kineticEnergyMeV) {
        double a = rutherfordAmplitude(kineticEnergyMeV);
        if (mott == null) {
            return a;
        }
        double beta = Math.sqrt(ElectronConstants.betaSquared(kineticEnergyMeV));
        return a * mott.transport1Factor(screeningParameter(kineticEnergyMeV), beta);
    }

    /** A(T) of the screened Rutherford cross section without spin correction, cm2/g. */
    public double rutherfordAmplitude(double kineticEnergyMeV) {
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double gamma = tau + 1;
        double beta2 = ElectronConstants.betaSquared(kineticEnergyMeV);
        return 2 * Math.PI * CLASSICAL_ELECTRON_RADIUS_CM * CLASSICAL_ELECTRON_RADIUS_CM * Elements.AVOGADRO
                * zzPerGram / (beta2 * beta2 * gamma * gamma);
    }

    /** The material's (Moliere) screening parameter eta(T); the same with and without the spin correction. */
    public double screeningParameter(double kineticEnergyMeV) {
        double tau = kineticEnergyMeV / ELECTRON_REST_ENERGY_MEV;
        double pSquared = tau * (tau + 2);
        double beta2 = ElectronConstants.betaSquared(kineticEnergyMeV);
        double lnEta = 0;
        for (int i = 0; i < z.length; i++) {
            double az = FINE_STRUCTURE * z[i];
            double chi0Squared = FINE_STRUCTURE * FINE_STRUCTURE * Math.pow(z[i], 2.0 / 3.0)
                    / (THOMAS_FERMI * THOMAS_FERMI * pSquared);
            double eta = 0.25 * chi0Squared * (1.13 + 3.76 * az * az / beta2);
            lnEta += screeningWeights[i] * Math.log(eta);
        }
        return Math.exp(lnEta);
    }

    /** Total elastic cross section (cm2/g). */
    public double total(double kineticEnergyMeV) {
        double as = 2 * screeningParameter(kineticEnergyMeV);
        return 2 * amplitude(kineticEnergyMeV) / (as * (2 + as));
    }

    /** First transport cross section int (1 - cos theta) dsigma (cm2/g). */
    public double transport1(double kineticEnergyMeV) {
        return softTransport1(kineticEnergyMeV, 2);
    }

    /** Second transport cross section int (1 - P2(cos theta)) dsigma (cm2/g). */
    public double transport2(double kineticEnergyMeV) {
        return softTransport2(kineticEnergyMeV, 2);
    }

    /** Cross section (cm2/g) of events with 1 - cos theta in [xc, 2]. */
    public double hard(double kineticEnergyMeV, double xc) {
        double as = 2 * screeningParameter(kineticEnergyMeV);
        return amplitude(kineticEnergyMeV) * (1 / (xc + as) - 1 / (2 + as));
    }

    /** First transport cross section (cm2/g) of the events with 1 - cos theta below xc. */
    public double softTransport1(double kineticEnergyMeV, double xc) {
        double as = 2 * screeningParameter(kineticEnergyMeV);
        double u = xc / as;
        return amplitude(kineticEnergyMeV) * (Math.log1p(u) - u / (1 + u));
    }

    /** Second transport cross section (cm2/g) of the events with 1 - cos theta below xc. */
    public double softTransport2(double kineticEnergyMeV, double xc) {
        double as = 2 * screeningParameter(kineticEnergyMeV);
        // 1.5 int_0^xc x (2 - x) / (x + as)^2 dx, using x (2 - x) = -(x+as)^2 + (2+2as)(x+as) - as (2+as).
        double integral = (2 + 2 * as) * Math.log1p(xc / as) - xc - (2 + as) * xc / (xc + as);
        return 1.5 * amplitude(kineticEnergyMeV) * integral;
    }

    /**
     * The cutoff x_c whose hard cross section is {@code hardCrossSection} (cm2/g); zero when that is at least the
     * total cross section (every event hard).
     */
    public double cutoffFor(double kineticEnergyMeV, double hardCrossSection) {
        double as = 2 * screeningParameter(kineticEnergyMeV);
        double a = amplitude(kineticEnergyMeV);
        if (hardCrossSection >= 2 * a / (as * (2 + as))) {
            return 0;
        }
        double xc = 1 / (hardCrossSection / a + 1 / (2 + as)) - as;
        // Where lambda_h = lambda_el the formula leaves rounding (~1e-17) instead of 0, and the soft closed forms then
        // return rounding of either sign (soft T2 of -1e-26 was in the tables). Below 1e-9 A_s the soft part is
        // below 1e-18 of T1: that is 0.
        return xc > 1e-9 * as ? xc : 0;
    }
}
