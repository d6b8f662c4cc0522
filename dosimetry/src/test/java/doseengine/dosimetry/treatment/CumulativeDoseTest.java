package doseengine.dosimetry.treatment;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.LimitStatus;
import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.geometry.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativeDoseTest {
    private final List<CumulativeDose> sums = CumulativeDose.over(TwoCycles.cycles(), LimitTable.defaults());

    private CumulativeDose named(String name) {
        return sums.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static LimitStatus status(CumulativeDose c, Limit.Quantity q, double limitGy) {
        return c.checks().stream().filter(k -> k.limit().quantity() == q && k.limit().valueGy() == limitGy)
                .findFirst().orElseThrow().status();
    }

    @Test
    void kidneyByHandIsBelowEveryLimit() {
        CumulativeDose k = named("kidneys");
        // 8 + 7 Gy; sigma sqrt(0.4^2 + 0.35^2) = sqrt(0.2825).
        assertEquals(15, k.doseGy(), 1e-12);
        assertEquals(Math.sqrt(0.2825), k.doseSigmaGy(), 1e-12);
        // BED 9.305361 + (7 + g 49 / 2.6 = 7.999417) = 17.304779; sigma sqrt(0.530536^2 + 0.449942^2) = 0.695641.
        assertEquals(17.304778554778554, k.bedGy(), 1e-9);
        assertEquals(0.6956408136731089, k.bedSigmaGy(), 1e-9);
        // 23 Gy dose, 28 and 40 Gy BED: all more than 2 sigma away.
        assertEquals(3, k.checks().size());
        assertEquals(LimitStatus.BELOW, status(k, Limit.Quantity.ABSORBED_DOSE, 23));
        assertEquals(LimitStatus.BELOW, status(k, Limit.Quantity.BED, 28));
        assertEquals(LimitStatus.BELOW, status(k, Limit.Quantity.BED, 40));
    }

    @Test
    void redMarrowByHandIsNear() {
        CumulativeDose m = named("red_marrow");
        // 1.0 + 0.9 = 1.9 Gy; sigma sqrt(0.05^2 + 0.045^2) = 0.067268; |1.9 - 2| = 0.1 <= 2 sigma = 0.1345.
        assertEquals(1.9, m.doseGy(), 1e-12);
        assertEquals(0.06726812023536856, m.doseSigmaGy(), 1e-12);
        assertEquals(LimitStatus.NEAR, status(m, Limit.Quantity.ABSORBED_DOSE, 2));
        assertNull(m.bedGy());
        assertTrue(m.bedNote().startsWith("cycle C1: no tissue parameters"), m.bedNote());
    }

    @Test
    void salivaryGlandsByHandAreAbove() {
        CumulativeDose s = named("parotids");
        // 12 + 10 = 22 Gy; sigma sqrt(0.6^2 + 0.5^2) = 0.781; 22 - 20 = 2 > 2 sigma = 1.562.
        assertEquals(22, s.doseGy(), 1e-12);
        assertEquals(Math.sqrt(0.61), s.doseSigmaGy(), 1e-12);
        assertEquals(LimitStatus.ABOVE, status(s, Limit.Quantity.ABSORBED_DOSE, 20));
    }

    @Test
    void lesionThresholdsAfterCycleOneAreOnTheFirstCycleDose() {
        CumulativeDose l = named("lesion_1");
        assertEquals(55, l.doseGy(), 1e-12, "the cumulative dose is still the sum of both cycles");
        LimitCheck lumen = l.checks().stream().filter(k -> k.limit().valueGy() == 35).findFirst().orElseThrow();
        // Cycle 1 alone: 30 +- 1.5 Gy; 35 - 30 = 5 > 2 sigma = 3: below, although 55 Gy summed would be above.
        assertEquals(30, lumen.valueGy(), 1e-12);
        assertEquals(1.5, lumen.sigmaGy(), 1e-12);
        assertEquals(LimitStatus.BELOW, lumen.status());
        assertEquals(LimitStatus.ABOVE, status(l, Limit.Quantity.ABSORBED_DOSE, 10.6));
        assertTrue(named("liver").checks().isEmpty());
    }

    @Test
    void aLimitWithoutTheNewKeysIsOnTheSumOverEveryCycle() {
        LimitTable old = LimitTable.parse("{\"limits\": [{\"structure\": \"lesion\", \"quantity\": \"absorbed_dose\","
                + " \"bound\": \"minimum\", \"value_Gy\": 35}]}", "old.json");
        CumulativeDose l = CumulativeDose.over(TwoCycles.cycles(), old).stream()
                .filter(c -> c.name().equals("lesion_1")).findFirst().orElseThrow();
        assertEquals(55, l.checks().get(0).valueGy(), 1e-12);
        assertEquals(LimitStatus.ABOVE, l.checks().get(0).status());
        assertTrue(AggregateCheck.over(List.of(l), old, 2).isEmpty(), "\"over\" defaults to each: no aggregate");
    }

    @Test
    void anAfterCycleLimitBeyondTheCyclesGivenIsNotCheckedYet() {
        LimitTable t = LimitTable.parse("{\"limits\": [{\"structure\": \"lesion\", \"quantity\": \"absorbed_dose\","
                + " \"bound\": \"minimum\", \"value_Gy\": 35, \"over\": \"minimum\", \"after_cycle\": 3}]}", "t.json");
        List<CumulativeDose> sums = CumulativeDose.over(TwoCycles.cycles(), t);
        assertTrue(sums.stream().allMatch(c -> c.checks().isEmpty()));
        AggregateCheck a = AggregateCheck.over(sums, t, 2).get(0);
        assertNull(a.valueGy());
        assertNull(a.status());
        assertEquals("needs cycle 3; the study has 2", a.note());
        assertEquals(List.of("lesion_1"), a.structures());
    }

    @Test
    void aStructureMissingFromACycleIsRefused() {
        List<Cycle> cycles = TwoCycles.cycles();
        Cycle short2 = new Cycle("C2", 7400, cycles.get(1).structures().subList(0, 4));
        Cycle renamed = new Cycle("C2", 7400, List.of(TwoCycles.structure("kidneys", 7),
                TwoCycles.structure("red_marrow", 0.9), TwoCycles.structure("parotids", 10),
                TwoCycles.structure("lesion_1", 25), TwoCycles.structure("spleen", 4)));
        assertThrows(BadInputException.class, () -> CumulativeDose.over(List.of(cycles.get(0), short2),
                LimitTable.defaults()));
        BadInputException e = assertThrows(BadInputException.class,
                () -> CumulativeDose.over(List.of(cycles.get(0), renamed), LimitTable.defaults()));
        assertEquals("cycle C2: structure \"liver\" is missing", e.getMessage());
    }
}
