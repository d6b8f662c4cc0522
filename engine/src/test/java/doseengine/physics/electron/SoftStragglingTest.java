package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soft energy-loss straggling parameter Omega_s^2 (PENELOPE-2008 manual, section 4.2) and its table. */
class SoftStragglingTest {
    private static final MaterialCatalog CATALOG = MaterialCatalog.standard();
    private static final Material WATER = CATALOG.get("water_liquid");
    private static final double WCC = 0.010;

    @Test
    void collisionPartIsTheIntegralOfTheMollerCrossSection() {
        // Closed form vs independent Simpson integration of eps^2 dsigma/deps (finite at eps = 0, smooth) times T^2
        // over [0, min(W_cc/T, 1/2)], 2000 panels: Simpson's error is below 1e-10 relative for this integrand.
        // Below 2 W_cc (T = 5 and 15 keV) the upper limit is T/2.
        for (double t : new double[] {0.005, 0.015, 0.025, 0.1, 1.0, 3.0}) {
            double eps1 = Math.min(WCC / t, 0.5);
            double numeric = t * t * Quadrature.simpson(
                    e -> e == 0 ? MollerCrossSection.PREFACTOR / (ElectronConstants.betaSquared(t) * t)
                            : e * e * MollerCrossSection.differential(t, e), 0, eps1, 2000);
            assertEquals(numeric, MollerCrossSection.softSecondMoment(t, WCC), 1e-8 * numeric, "T=" + t);
        }
    }

    @Test
    void collisionPartTendsToBohrWellAboveTheThreshold() {
        // Leading order for T >> W_cc (free-electron Rutherford limit of the Moller cross section, Bohr's
        // straggling): int_0^W_cc W^2 dsigma/dW dW = 2 pi r_e^2 mc^2 W_cc / beta^2. The relative correction is
        // -(1 - c^2) eps1 / 2 + O(eps1^2), eps1 = W_cc / T: below 2e-3 at eps1 = 1/3000, 1e-3 and 1e-2 tolerate it.
        double bohr = MollerCrossSection.PREFACTOR * 0.001 / ElectronConstants.betaSquared(3.0);
        assertEquals(1.0, MollerCrossSection.softSecondMoment(3.0, 0.001) / bohr, 1e-3);
        bohr = MollerCrossSection.PREFACTOR * WCC / ElectronConstants.betaSquared(1.0);
        assertEquals(1.0, MollerCrossSection.softSecondMoment(1.0, WCC) / bohr, 1e-2);
    }

    @Test
    void radiativePartIsConsistentWithTheRestrictedRadiativeStoppingPower() {
        // Photons below W_cr: d/dW [int_0^W k^2 dsigma/dk dk] = W d/dW [int_0^W k dsigma/dk dk] (both integrands
        // share dsigma/dk), checked by central differences (h = 1e-5 W, between kappa nodes) against the
        // restricted radiative stopping power, an independent integration of the same table; 1e-4 covers the
        // O(h^2) difference error. Bounds: 0 < second moment < W_cr S_rad,soft, since every soft k is below W_cr.
        BremsstrahlungModel b = new ElectronMaterialPhysics(WATER).bremsstrahlung();
        for (double t : new double[] {0.05, 0.3, 2.0}) {
            double w = 0.0123;
            double h = 1e-5 * w;
            double moment = (b.softSecondMoment(t, w + h) - b.softSecondMoment(t, w - h)) / (2 * h);
            double stopping = (b.restrictedStoppingPower(t, w + h) - b.restrictedStoppingPower(t, w - h)) / (2 * h);
            assertEquals(w * stopping, moment, 1e-4 * w * stopping, "T=" + t);
            double second = b.softSecondMoment(t, WCC);
            assertTrue(second > 0 && second < WCC * b.restrictedStoppingPower(t, WCC), "T=" + t);
        }
    }

    @Test
    void tableIsPositiveFiniteAndFallsAboveTwiceTheThreshold() {
        // Above 2 W_cc the collision part ~ W_cc / beta^2 falls with T and the radiative part (1e-3 of it in water)
        // cannot undo that; below 2 W_cc Omega_s^2 ~ T I(1/2) / beta^2 need not be monotone. Node values are the
        // double-precision physics rounded to float.
        List<Material> materials = List.of(WATER, CATALOG.get("bone_cortical_icrp"));
        ElectronTables t = new ElectronTablesBuilder().build(materials);
        for (int m = 0; m < materials.size(); m++) {
            ElectronMaterialPhysics p = new ElectronMaterialPhysics(materials.get(m));
            float previous = Float.POSITIVE_INFINITY;
            for (int i = 0; i < t.nodeCount(); i++) {
                float v = t.valueAt(Quantity.SOFT_STRAGGLING, m, i);
                assertTrue(v > 0 && Float.isFinite(v), "node " + i);
                double e = t.energyAt(i);
                double exact = p.softStraggling(e, WCC, WCC);
                assertEquals(exact, v, 1e-6 * exact, "node " + i);
                if (e > 2 * WCC) {
                    assertTrue(v < previous, "Omega_s^2 must fall with T above 2 W_cc, node " + i);
                    previous = v;
                }
            }
        }
        // Water at 15 keV, by hand: n_e 2 pi r_e^2 mc^2 = 0.08536 MeV cm2/g (Z/A = 0.5551), beta^2 = 0.05622, and
        // the bracket integral at eps1 = 1/2 is 0.42075 (c^2 = 8.1e-4): 0.08536 x 0.015 x 0.42075 / 0.05622
        // = 0.009583 MeV2 cm2/g; the radiative part adds about 1e-6. 0.5 % covers the rounding of Z/A.
        double omega = new ElectronMaterialPhysics(WATER).softStraggling(0.015, WCC, WCC);
        assertEquals(0.009583, omega, 0.005 * 0.009583);
    }
}
