package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.electron.BremsstrahlungSampler;
import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class BremsstrahlungTest {
    private static final Material WATER = MaterialCatalog.standard().get("water_liquid");
    private static final Material BONE = MaterialCatalog.standard().get("bone_cortical_icrp");
    private static final double WCR = 0.010;

    @Test
    void softPlusHardEnergyLossIsTheRadiativeStoppingPower() {
        // Independent numerical integration: S_rad(T) = S_rad,soft(T; W) + N_A/beta^2 int_W^T k dsigma/dk dk/k * k,
        // with the hard part integrated by Simpson's rule in k over the interpolated chi (the closed forms under
        // test are piecewise-exact; Simpson with 20000 panels is accurate to 1e-6 given chi's kinks at the nodes).
        BremsstrahlungModel model = new BremsstrahlungModel(WATER, SeltzerBergerTable.standard());
        double[] kappa = model.kappas();
        for (double t : new double[] {0.03, 0.2, 1.0, 3.0}) {
            double[] chi = model.chiAt(t);
            double hardLoss = doseengine.physics.material.Elements.AVOGADRO * 1e-27
                    / ElectronConstants.betaSquared(t) * t
                    * Quadrature.simpson(k -> interpolate(kappa, chi, k), WCR / t, 1, 20000);
            double total = model.stoppingPower(t);
            assertEquals(total, model.restrictedStoppingPower(t, WCR) + hardLoss, 1e-5 * total, "T=" + t);
            double hardXs = doseengine.physics.material.Elements.AVOGADRO * 1e-27 / ElectronConstants.betaSquared(t)
                    * Quadrature.simpsonLog(k -> interpolate(kappa, chi, k) / k, WCR / t, 1, 20000);
            assertEquals(hardXs, model.hardCrossSection(t, WCR), 1e-5 * hardXs, "sigma_hard at T=" + t);
        }
    }

    @Test
    void sampledPhotonSpectrumCarriesTheHardRadiativeStoppingPower() {
        // The brems photon spectrum integrates to the radiative stopping power: sigma_hard * <k> + S_rad,soft =
        // S_rad, so <k> must be (S_rad - S_rad,soft) / sigma_hard (double-precision model). Sampler: float tables,
        // 200000 photons, energies on a grid node and between nodes (statistical node interpolation; chi changes
        // by < 0.5 % between adjacent nodes, an effect on <k> far below one standard error). Bound: 4 standard
        // errors. Also every photon lies in [W_cr, T].
        ElectronTables tables = new ElectronTablesBuilder().build(List.of(WATER, BONE));
        SplitMixUniform rng = new SplitMixUniform(77L);
        for (int m = 0; m < 2; m++) {
            ElectronMaterialPhysics p = new ElectronMaterialPhysics(m == 0 ? WATER : BONE);
            for (double t : new double[] {tables.energyAt(300), 0.05, 0.75, 2.9}) {
                float x = ElectronLookup.gridPosition(tables, (float) t);
                int n = 200_000;
                double sum = 0;
                double sumSq = 0;
                for (int i = 0; i < n; i++) {
                    double k = BremsstrahlungSampler.samplePhotonEnergy(tables, m, (float) t, x, rng);
                    assertTrue(k >= WCR * (1 - 1e-6) && k <= t * (1 + 1e-6), "k=" + k + " at T=" + t);
                    sum += k;
                    sumSq += k * k;
                }
                double mean = sum / n;
                double se = Math.sqrt((sumSq / n - mean * mean) / n);
                double expected = (p.radiativeStoppingPower(t) - p.bremsstrahlung().restrictedStoppingPower(t, WCR))
                        / p.bremsCrossSection(t, WCR);
                assertEquals(expected, mean, 4 * se, "mean photon energy, material " + m + ", T=" + t);
            }
        }
    }

    @Test
    void noHardPhotonBelowThreshold() {
        ElectronTables tables = new ElectronTablesBuilder().build(List.of(WATER));
        float t = 0.009f;
        float x = ElectronLookup.gridPosition(tables, t);
        assertEquals(0f, BremsstrahlungSampler.samplePhotonEnergy(tables, 0, t, x, new SplitMixUniform(1)), 0f);
        assertEquals(0f, ElectronLookup.bremsCrossSection(tables, 0, t, x), 0f);
    }

    private static double interpolate(double[] kappa, double[] chi, double k) {
        int i = 0;
        while (i < kappa.length - 2 && kappa[i + 1] < k) {
            i++;
        }
        return chi[i] + (chi[i + 1] - chi[i]) * (k - kappa[i]) / (kappa[i + 1] - kappa[i]);
    }
}
