package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import doseengine.physics.material.MaterialCatalog;
import org.junit.jupiter.api.Test;

/**
 * Stopping powers and CSDA ranges of liquid water against NIST ESTAR (Berger, Coursey, Zucker, Chang, ESTAR
 * database; ICRU Report 37 method), material 'water_liquid' (I = 75 eV, rho = 1 g/cm3).
 */
class StoppingPowerEstarTest {
    private static final ElectronMaterialPhysics WATER =
            new ElectronMaterialPhysics(MaterialCatalog.standard().get("water_liquid"));

    @Test
    void collisionStoppingPowerOfWaterMatchesEstar() {
        // ESTAR liquid water, collision stopping power (MeV cm2/g), 4 significant digits. The formula (ICRU 37
        // eq. 2.2, ESTAR's delta, no shell correction) is ESTAR's own, so the only differences are the rounding
        // of the reference (<= 0.025 %) and constants/atomic weights (~1e-4): 0.1 % is an honest bound.
        double[][] ref = {{0.010, 22.56}, {0.100, 4.115}, {0.500, 2.034}, {1.000, 1.849}};
        for (double[] r : ref) {
            assertEquals(r[1], WATER.collisionStoppingPower(r[0]), 1e-3 * r[1], "S_col at " + r[0] + " MeV");
        }
    }

    @Test
    void radiativeStoppingPowerOfWaterMatchesEstar() {
        // ESTAR liquid water, radiative stopping power (MeV cm2/g). These are the radiative column of the same
        // ESTAR water table whose collision and CSDA columns are the references of this class digit for digit
        // (the table was read from a copy in a public code repository; ESTAR's web page was not reachable here).
        // ESTAR integrates the same Seltzer-Berger cross sections; at these energies (all nodes of the
        // Seltzer-Berger grid) the measured differences are -0.01 % to -0.34 %, from the representation of chi
        // between the 30 kappa nodes (smoother interpolations move the integral by another -0.1 to -0.3 %).
        // That is a property of the data, not statistics: 0.5 % bounds it.
        double[][] ref = {{0.010, 3.898e-3}, {0.100, 4.228e-3}, {0.500, 7.257e-3}, {1.000, 1.280e-2},
            {2.000, 2.678e-2}, {3.000, 4.299e-2}};
        for (double[] r : ref) {
            assertEquals(r[1], WATER.radiativeStoppingPower(r[0]), 5e-3 * r[1], "S_rad at " + r[0] + " MeV");
        }
    }

    @Test
    void csdaRangeOfWaterMatchesEstar() {
        // ESTAR liquid water CSDA range (g/cm2). Above 10 keV the integral depends only on the stopping powers
        // tested above (0.1 %): 0.2 % bound. At 10 keV the path below 1 keV (where no stopping-power formula
        // applies; RangeIntegrator continues S as a power law) is 2 % of the range and its treatment is uncertain by
        // about a fifth of that: the 1 % bound applies there.
        assertEquals(2.515e-4, WATER.csdaRange(0.010), 0.01 * 2.515e-4, "R at 10 keV");
        double[][] ref = {{0.100, 1.431e-2}, {0.500, 0.1766}, {1.000, 0.4367}, {2.000, 0.9785}};
        for (double[] r : ref) {
            assertEquals(r[1], WATER.csdaRange(r[0]), 2e-3 * r[1], "R at " + r[0] + " MeV");
        }
    }
}
