package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import org.junit.jupiter.api.Test;

class CollisionStoppingPowerTest {
    private static final Material WATER = MaterialCatalog.standard().get("water_liquid");
    private static final CollisionStoppingPower S = new CollisionStoppingPower(WATER);

    @Test
    void restrictedDifferenceEqualsMollerEnergyLossIntegral() {
        // L(T; W1) - L(T; W2) = n_e int_{W2}^{W1} W dsigma/dW dW with the Moller cross section: the closed form of
        // the restricted Bethe formula (ICRU 37 G-) against an independent Simpson integration (4000 panels in
        // ln W; quadrature error < 1e-9 relative). Tolerance 1e-7: double rounding in the closed forms.
        for (double t : new double[] {0.03, 0.1, 0.5, 1.0, 3.0}) {
            double[] cuts = {0.001, 0.01, 0.3 * t, t / 2};
            for (int a = 0; a < cuts.length; a++) {
                for (int b = a + 1; b < cuts.length; b++) {
                    double lo = cuts[a];
                    double hi = cuts[b];
                    if (lo >= t / 2) {
                        continue;
                    }
                    double closed = S.restricted(t, hi) - S.restricted(t, lo);
                    double numeric = WATER.electronsPerGram() * Quadrature.simpsonLog(
                            w -> w * MollerCrossSection.differential(t, w / t) / t, lo, Math.min(hi, t / 2), 4000);
                    assertEquals(numeric, closed, 1e-7 * Math.abs(numeric), "T=" + t + " W " + lo + ".." + hi);
                }
            }
        }
    }

    @Test
    void restrictedReachesTotalAtHalfTheEnergy() {
        // G-(tau, 1/2) = F-(tau) exactly (ICRU 37): the restricted formula continues into the unrestricted one.
        for (double t : new double[] {0.002, 0.05, 0.8, 2.5}) {
            double justBelow = S.restricted(t, t / 2 * (1 - 1e-9));
            assertEquals(S.total(t), justBelow, 1e-7 * S.total(t), "T=" + t);
            assertEquals(S.total(t), S.restricted(t, t), 0.0, "cutoff above T/2 means unrestricted");
        }
    }

    @Test
    void restrictedStoppingPowerIsBelowTotalAndGrowsWithTheCutoff() {
        double t = 1.0;
        double l1 = S.restricted(t, 0.001);
        double l10 = S.restricted(t, 0.010);
        double l100 = S.restricted(t, 0.100);
        assertTrue(l1 < l10 && l10 < l100 && l100 < S.total(t), l1 + " " + l10 + " " + l100);
    }
}
