package doseengine.physics.electron;

import static doseengine.physics.electron.ElectronConstants.MILLIBARN_CM2;

import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;
import java.util.Arrays;

/**
 * Electron bremsstrahlung in one material from the Seltzer-Berger scaled cross sections.
 *
 * <p>For a compound the atoms' cross sections add: k dsigma/dk per gram = (N_A / beta^2) chi_m(T, kappa) with
 * chi_m = sum_i (w_i / A_i) Z_i^2 chi(Z_i, T, kappa) (mb mol/g), the same Z^2 weighting by atoms as EGSnrc's
 * init_nist_brems. Between the table's electron energies chi_m is linear in ln T (as in init_nist_brems); between
 * its kappa nodes it is linear in kappa, which makes every integral below exact for the tabulated function and
 * identical to what the photon-energy sampler draws from.
 *
 * <ul>
 * <li>Radiative stopping power: S_rad/rho = (N_A / beta^2) T int_0^1 chi_m dkappa.</li>
 * <li>Soft part (photons below W_cr): the same integral up to kappa_c = W_cr / T.</li>
 * <li>Hard cross section (photons above W_cr): sigma/rho = (N_A / beta^2) int_{kappa_c}^1 chi_m / kappa dkappa.</li>
 * <li>Second moment of the soft photon energies (straggling): (N_A / beta^2) T^2 int_0^kappa_c kappa chi_m dkappa.</li>
 * </ul>
 */
public final class BremsstrahlungModel {
    private final double[] lnEnergy;
    private final double[] kappa;
    /** chi_m at the table's energies: [t][k], mb mol/g. */
    private final double[][] chi;

    public BremsstrahlungModel(Material material, SeltzerBergerTable table) {
        int nT = table.energyCount();
        int nK = table.kappaCount();
        lnEnergy = new double[nT];
        for (int t = 0; t < nT; t++) {
            lnEnergy[t] = Math.log(table.energyMeV(t));
        }
        kappa = table.kappas();
        chi = new double[nT][nK];
        int[] z = material.atomicNumbers();
        double[] w = material.massFractions();
        for (int e = 0; e < z.length; e++) {
            double weight = w[e] / Elements.atomicWeight(z[e]) * z[e] * z[e];
            for (int t = 0; t < nT; t++) {
                for (int k = 0; k < nK; k++) {
                    chi[t][k] += weight * table.chi(z[e], t, k);
                }
            }
        }
    }

    /** Reduced photon energies of the table. */
    public double[] kappas() {
        return kappa.clone();
    }

    /** chi_m(T, kappa_k) for every kappa node (mb mol/g), linear in ln T between the table's energies. */
    public double[] chiAt(double kineticEnergyMeV) {
        double x = Math.log(kineticEnergyMeV);
        if (x < lnEnergy[0] - 1e-12 || x > lnEnergy[lnEnergy.length - 1] + 1e-12) {
            throw new IllegalArgumentException("Seltzer-Berger data cover 1 keV to 10 GeV, not " + kineticEnergyMeV
                    + " MeV");
        }
        int hi = Arrays.binarySearch(lnEnergy, x);
        if (hi >= 0) {
            return chi[hi].clone();
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double f = (x - lnEnergy[lo]) / (lnEnergy[hi] - lnEnergy[lo]);
        double[] out = new double[kappa.length];
        for (int k = 0; k < kappa.length; k++) {
            out[k] = chi[lo][k] + f * (chi[hi][k] - chi[lo][k]);
        }
        return out;
    }

    /** Radiative stopping power (MeV cm2/g). */
    public double stoppingPower(double kineticEnergyMeV) {
        return restrictedStoppingPower(kineticEnergyMeV, kineticEnergyMeV);
    }

    /** Radiative stopping power from photons below {@code cutoffMeV} (MeV cm2/g). */
    public double restrictedStoppingPower(double kineticEnergyMeV, double cutoffMeV) {
        double upper = Math.min(1, cutoffMeV / kineticEnergyMeV);
        double integral = integralChi(chiAt(kineticEnergyMeV), upper);
        return Elements.AVOGADRO * MILLIBARN_CM2 * kineticEnergyMeV * integral
                / ElectronConstants.betaSquared(kineticEnergyMeV);
    }

    /**
     * Second moment of the energies of photons below {@code cutoffMeV} per unit mass path (MeV2 cm2/g): the
     * radiative part of the soft straggling parameter Omega_s^2 (PENELOPE-2008 manual, section 4.2).
     */
    public double softSecondMoment(double kineticEnergyMeV, double cutoffMeV) {
        double upper = Math.min(1, cutoffMeV / kineticEnergyMeV);
        double integral = integralKappaChi(chiAt(kineticEnergyMeV), upper);
        return Elements.AVOGADRO * MILLIBARN_CM2 * kineticEnergyMeV * kineticEnergyMeV * integral
                / ElectronConstants.betaSquared(kineticEnergyMeV);
    }

    /** Cross section (cm2/g) for photons with energy above {@code cutoffMeV}; zero when T &lt;= cutoff. */
    public double hardCrossSection(double kineticEnergyMeV, double cutoffMeV) {
        double lower = cutoffMeV / kineticEnergyMeV;
        if (lower >= 1) {
            return 0;
        }
        double integral = integralChiOverKappa(chiAt(kineticEnergyMeV), lower);
        return Elements.AVOGADRO * MILLIBARN_CM2 * integral / ElectronConstants.betaSquared(kineticEnergyMeV);
    }

    /** int_0^upper chi dkappa for chi linear between the kappa nodes. */
    double integralChi(double[] c, double upper) {
        double s = 0;
        for (int k = 0; k + 1 < kappa.length && kappa[k] < upper; k++) {
            double b = Math.min(kappa[k + 1], upper);
            double cb = c[k] + (c[k + 1] - c[k]) * (b - kappa[k]) / (kappa[k + 1] - kappa[k]);
            s += 0.5 * (c[k] + cb) * (b - kappa[k]);
        }
        return s;
    }

    /** int_0^upper kappa chi dkappa for chi linear between the kappa nodes (Simpson: exact for the quadratic). */
    double integralKappaChi(double[] c, double upper) {
        double s = 0;
        for (int k = 0; k + 1 < kappa.length && kappa[k] < upper; k++) {
            double a = kappa[k];
            double b = Math.min(kappa[k + 1], upper);
            double slope = (c[k + 1] - c[k]) / (kappa[k + 1] - a);
            double m = 0.5 * (a + b);
            double fa = a * c[k];
            double fm = m * (c[k] + slope * (m - a));
            double fb = b * (c[k] + slope * (b - a));
            s += (b - a) / 6 * (fa + 4 * fm + fb);
        }
        return s;
    }

    /** int_lower^1 chi / kappa dkappa for chi linear between the kappa nodes, lower &gt; 0. */
    double integralChiOverKappa(double[] c, double lower) {
        double s = 0;
        for (int k = 0; k + 1 < kappa.length; k++) {
            if (kappa[k + 1] <= lower) {
                continue;
            }
            double slope = (c[k + 1] - c[k]) / (kappa[k + 1] - kappa[k]);
            double intercept = c[k] - slope * kappa[k];
            double a = Math.max(kappa[k], lower);
            double b = kappa[k + 1];
            s += intercept * Math.log(b / a) + slope * (b - a);
        }
        return s;
    }
}
