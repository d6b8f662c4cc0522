package doseengine.dosimetry.radiobiology;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextCycleTest {
    /** Instant uptake, kidney effective half-life 50 h, repair 2.8 h: g = (1/50) / (1/50 + 1/2.8) = 2.8 / 52.8. */
    private static final double G_KIDNEY = 2.8 / 52.8;

    @Test
    void doseBudgetByHand() {
        // 23 Gy - 12 Gy = 11 Gy left at 0.8 Gy/GBq = 0.0008 Gy/MBq: 13750 MBq.
        OrganBudget kidney = OrganBudget.ofDose("kidney", 0.8, 12, 23);
        assertEquals(13750, kidney.maxActivityMBq(), 1e-9);
        // 2 Gy - 0.6 Gy = 1.4 Gy at 0.04 Gy/GBq: 35000 MBq.
        OrganBudget marrow = OrganBudget.ofDose("red_marrow", 0.04, 0.6, 2);
        NextCycle next = NextCycle.plan(List.of(marrow, kidney));
        assertEquals(13750, next.maxActivityMBq(), 1e-9);
        assertEquals("kidney", next.limitedBy());
        assertEquals(35000, next.organs().get(0).maxActivityMBq(), 1e-9);
        assertEquals("max 13750 MBq, limited by kidney", next.summary());
    }

    @Test
    void bedBudgetSolvesTheQuadratic() {
        double mu = Math.log(2) / 2.8;
        assertEquals(G_KIDNEY, DoseRateCurve.monoExponential(1, Math.log(2) / 50).shapeFactor(mu), 1e-12);
        // 40 Gy - 30 Gy = 10 Gy of BED left: D + g D^2 / 2.6 = 10 gives D = 20 / (1 + sqrt(1 + 40 g / 2.6))
        // = 8.519574465 Gy, at 0.8 Gy/GBq 10649.468 MBq (computed by hand with the formula, checked by putting D back).
        OrganBudget kidney = new OrganBudget("kidney", 0.8, G_KIDNEY, 2.6, 28, 30, 23, 40);
        assertEquals(10649.468081680401, kidney.maxActivityByBedMBq(), 1e-6);
        double d = kidney.maxActivityByBedMBq() * 0.8 / 1000;
        assertEquals(10, Bed.of(d, G_KIDNEY, 2.6), 1e-10, "the cycle's BED uses up the budget exactly");
        // The dose budget (23 - 28 < 0) is spent: the organ is over budget whatever the BED says.
        assertEquals(0, kidney.maxActivityByDoseMBq());
        assertTrue(kidney.overBudget());
    }

    @Test
    void bedLimitsBeforeDoseAndWithoutRepairTermIsLinear() {
        OrganBudget kidney = new OrganBudget("kidney", 0.8, G_KIDNEY, 2.6, 12, 30, 23, 40);
        assertEquals(13750, kidney.maxActivityByDoseMBq(), 1e-9);
        assertEquals(10649.468081680401, kidney.maxActivityMBq(), 1e-6);
        OrganBudget noQuadratic = new OrganBudget("kidney", 0.8, 0, 2.6, 12, 30, Double.NaN, 40);
        assertEquals(10 / 0.0008, noQuadratic.maxActivityMBq(), 1e-6, "g = 0: BED = D");
    }

    @Test
    void anOrganAlreadyOverBudgetAllowsNoActivity() {
        OrganBudget kidney = OrganBudget.ofDose("kidney", 0.8, 24, 23);
        OrganBudget marrow = OrganBudget.ofDose("red_marrow", 0.04, 0.6, 2);
        NextCycle next = NextCycle.plan(List.of(marrow, kidney));
        assertEquals(0, next.maxActivityMBq());
        assertEquals("kidney", next.limitedBy());
        assertTrue(kidney.overBudget());
        assertFalse(marrow.overBudget());
        assertEquals("no activity: kidney is at or over its limit", next.summary());
    }

    @Test
    void refusesBudgetsThatCannotBePlanned() {
        assertThrows(BadInputException.class, () -> NextCycle.plan(List.of()));
        BadInputException e = assertThrows(BadInputException.class, () -> OrganBudget.ofDose("kidney", 0, 1, 23));
        assertTrue(e.getMessage().startsWith("kidney: dose per GBq"), e.getMessage());
        assertThrows(BadInputException.class,
                () -> new OrganBudget("kidney", 0.8, G_KIDNEY, Double.NaN, 12, 30, Double.NaN, 40));
        assertThrows(BadInputException.class,
                () -> new OrganBudget("kidney", 0.8, Double.NaN, Double.NaN, 12, Double.NaN, Double.NaN, Double.NaN));
    }
}
