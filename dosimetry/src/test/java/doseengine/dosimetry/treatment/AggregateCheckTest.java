package doseengine.dosimetry.treatment;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.LimitStatus;
import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.geometry.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesion thresholds aggregated over the lesions, on numbers worked by hand. */
class AggregateCheckTest {
    private static final Limit LUMEN = new Limit("lesion", Limit.Quantity.ABSORBED_DOSE, Limit.Bound.MINIMUM, 35,
            "", "", Limit.Over.MINIMUM, 1);
    private static final Limit LUTADOSE = new Limit("lesion", Limit.Quantity.ABSORBED_DOSE, Limit.Bound.MINIMUM, 10.6,
            "", "", Limit.Over.MEAN, 1);

    private static AggregateCheck.Member m(String name, double v, double sigma) {
        return new AggregateCheck.Member(name, v, sigma);
    }

    @Test
    void minimumAboveWhenEveryLesionIsAbove() {
        // 40 - 35 = 5 > 2; 45 - 35 = 10 > 4; 50 - 35 = 15 > 6.
        AggregateCheck a = AggregateCheck.of(LUMEN, List.of(m("t1", 40, 1), m("t2", 45, 2), m("t3", 50, 3)));
        assertEquals(40, a.valueGy());
        assertEquals(1, a.sigmaGy());
        assertEquals(LimitStatus.ABOVE, a.status());
        assertEquals("t1", a.minimumBy());
        assertEquals("t1", a.statusBy());
        assertEquals(List.of("t1", "t2", "t3"), a.structures());
    }

    @Test
    void minimumNearWhenTheSmallestLesionIsNear() {
        // |34 - 35| = 1 <= 2.
        AggregateCheck a = AggregateCheck.of(LUMEN, List.of(m("t2", 45, 2), m("t1", 34, 1)));
        assertEquals(34, a.valueGy());
        assertEquals(LimitStatus.NEAR, a.status());
        assertEquals("t1", a.minimumBy());
    }

    @Test
    void minimumNearWhenAnotherLesionCannotBeToldAboveTheThreshold() {
        // t1 40 +- 1 is above, but t2 41 +- 5 is near (6 <= 10): the true minimum may be under 35.
        AggregateCheck a = AggregateCheck.of(LUMEN, List.of(m("t1", 40, 1), m("t2", 41, 5)));
        assertEquals(40, a.valueGy());
        assertEquals(1, a.sigmaGy());
        assertEquals(LimitStatus.NEAR, a.status());
        assertEquals("t1", a.minimumBy());
        assertEquals("t2", a.statusBy());
    }

    @Test
    void minimumBelowWhenAnyLesionIsBelow() {
        // t1 30 +- 5 is near (5 <= 10); t2 31 +- 0.5 is below (4 > 1): the minimum is below.
        AggregateCheck a = AggregateCheck.of(LUMEN, List.of(m("t1", 30, 5), m("t2", 31, 0.5), m("t3", 60, 3)));
        assertEquals(30, a.valueGy());
        assertEquals(5, a.sigmaGy());
        assertEquals(LimitStatus.BELOW, a.status());
        assertEquals("t1", a.minimumBy());
        assertEquals("t2", a.statusBy());
    }

    @Test
    void meanIsThePlainMeanOfTheLesionsWithItsUncertainty() {
        // (8 + 12 + 16) / 3 = 12; sigma sqrt(0.4^2 + 0.6^2 + 0.8^2) / 3 = sqrt(1.16) / 3; 1.4 > 2 sigma = 0.718.
        AggregateCheck above = AggregateCheck.of(LUTADOSE, List.of(m("t1", 8, 0.4), m("t2", 12, 0.6), m("t3", 16, 0.8)));
        assertEquals(12, above.valueGy(), 1e-12);
        assertEquals(Math.sqrt(1.16) / 3, above.sigmaGy(), 1e-12);
        assertEquals(LimitStatus.ABOVE, above.status());
        assertNull(above.minimumBy());
        // (9 + 11) / 2 = 10; sigma sqrt(0.5) / 2 = 0.354; |10 - 10.6| = 0.6 <= 0.707.
        AggregateCheck near = AggregateCheck.of(LUTADOSE, List.of(m("t1", 9, 0.5), m("t2", 11, 0.5)));
        assertEquals(10, near.valueGy(), 1e-12);
        assertEquals(Math.sqrt(0.5) / 2, near.sigmaGy(), 1e-12);
        assertEquals(LimitStatus.NEAR, near.status());
        // (8 + 9) / 2 = 8.5; sigma 0.5 / 2 = 0.25; 2.1 > 0.5.
        AggregateCheck below = AggregateCheck.of(LUTADOSE, List.of(m("t1", 8, 0.3), m("t2", 9, 0.4)));
        assertEquals(8.5, below.valueGy(), 1e-12);
        assertEquals(0.25, below.sigmaGy(), 1e-12);
        assertEquals(LimitStatus.BELOW, below.status());
    }

    @Test
    void overTheStudyUsesEachLesionsAfterCycleValue() {
        // Lesions 30 + 25 and 40 + 1 Gy: after cycle 1, 30 +- 1.5 and 40 +- 2.
        Cycle c1 = new Cycle("C1", 7400, List.of(TwoCycles.structure("lesion_1", 30),
                TwoCycles.structure("tumour_2", 40), TwoCycles.structure("kidneys", 8)));
        Cycle c2 = new Cycle("C2", 7400, List.of(TwoCycles.structure("lesion_1", 25),
                TwoCycles.structure("tumour_2", 1), TwoCycles.structure("kidneys", 7)));
        List<CumulativeDose> sums = CumulativeDose.over(List.of(c1, c2), LimitTable.defaults());
        List<AggregateCheck> checks = AggregateCheck.over(sums, LimitTable.defaults(), 2);
        assertEquals(2, checks.size(), "the two default lesion thresholds, not the kidney's limits");
        AggregateCheck lumen = checks.get(0);
        assertEquals(Limit.Over.MINIMUM, lumen.limit().over());
        assertEquals(30, lumen.valueGy(), 1e-12);
        assertEquals("lesion_1", lumen.minimumBy());
        assertEquals(LimitStatus.BELOW, lumen.status(), "35 - 30 = 5 > 2 x 1.5");
        AggregateCheck lutadose = checks.get(1);
        // (30 + 40) / 2 = 35; sigma sqrt(1.5^2 + 2^2) / 2 = 1.25.
        assertEquals(35, lutadose.valueGy(), 1e-12);
        assertEquals(1.25, lutadose.sigmaGy(), 1e-12);
        assertEquals(LimitStatus.ABOVE, lutadose.status());
        assertEquals(List.of("lesion_1", "tumour_2"), lutadose.structures());
    }

    @Test
    void refusals() {
        assertThrows(BadInputException.class, () -> AggregateCheck.of(LUMEN, List.of()));
        Limit each = new Limit("lesion", Limit.Quantity.ABSORBED_DOSE, Limit.Bound.MINIMUM, 35, "", "");
        BadInputException e = assertThrows(BadInputException.class,
                () -> AggregateCheck.of(each, List.of(m("t1", 40, 1))));
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(BadInputException.class, () -> m("t1", Double.NaN, 1));
    }
}
