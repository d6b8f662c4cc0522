package doseengine.dosimetry.treatment;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.dosimetry.radiobiology.NextCycle;
import doseengine.dosimetry.radiobiology.OrganBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextCyclePlannerTest {
    private static NextCycle plan(List<Cycle> cycles) {
        return NextCyclePlanner.plan(cycles, CumulativeDose.over(cycles, LimitTable.defaults()), LimitTable.defaults())
                .orElseThrow();
    }

    private static List<Cycle> withoutSalivaryGlands() {
        return TwoCycles.cycles().stream().map(c -> new Cycle(c.name(), c.administeredMBq(),
                c.structures().stream().filter(s -> !s.name().equals("parotids")).toList())).toList();
    }

    @Test
    void salivaryGlandsOverTheirLimitAllowNothing() {
        NextCycle next = plan(TwoCycles.cycles());
        assertEquals(0, next.maxActivityMBq());
        assertEquals("parotids", next.limitedBy());
        // Organs at risk only: kidneys, red marrow, parotids; not the lesion, not the liver.
        assertEquals(List.of("kidneys", "red_marrow", "parotids"), next.organs().stream().map(OrganBudget::organ)
                .toList());
    }

    @Test
    void byHandRedMarrowLimitsAndTheKidneyUsesTheLatestCycle() {
        NextCycle next = plan(withoutSalivaryGlands());
        // Red marrow: 2 - 1.9 = 0.1 Gy left at 0.9 Gy / 7.4 GBq (latest cycle): 0.1 / 0.121622 = 822.2 MBq.
        assertEquals("red_marrow", next.limitedBy());
        assertEquals(822.2222222222223, next.maxActivityMBq(), 1e-9);
        OrganBudget kidney = next.organs().get(0);
        // Latest cycle: 7 Gy / 7.4 GBq (the mean over cycles would be 7.5 / 7.4).
        assertEquals(7 / 7.4, kidney.doseGyPerGBq(), 1e-12);
        // Dose: (23 - 15) / (7 / 7.4) GBq = 8457.14 MBq.
        assertEquals(8457.142857142857, kidney.maxActivityByDoseMBq(), 1e-8);
        // BED: strictest limit 28 Gy; B = 28 - 17.304779 = 10.695221; D = 2B / (1 + sqrt(1 + 4 g B / 2.6)) = 9.031528
        // Gy; A = D / (7 / 7.4) GBq = 9547.62 MBq.
        assertEquals(28, kidney.bedLimitGy());
        assertEquals(9547.615549052738, kidney.maxActivityByBedMBq(), 1e-7);
    }

    @Test
    void noOrganAtRiskGivesNoPlan() {
        List<Cycle> lesionOnly = List.of(new Cycle("C1", 7400, List.of(TwoCycles.structure("lesion_1", 30))));
        assertTrue(NextCyclePlanner.plan(lesionOnly, CumulativeDose.over(lesionOnly, LimitTable.defaults()),
                LimitTable.defaults()).isEmpty());
    }
}
