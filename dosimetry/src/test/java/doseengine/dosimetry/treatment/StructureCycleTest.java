package doseengine.dosimetry.treatment;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.radiobiology.DoseRateCurve;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

class StructureCycleTest {
    @Test
    void combinedUncertaintyByHand() {
        // 3 % and 4 % in quadrature: sqrt(9 + 16) = 5 %.
        assertEquals(0.05, StructureCycle.combinedRelative(0.03, 0.04), 1e-15);
        assertEquals(0.02, StructureCycle.combinedRelative(0.02, 0), 1e-15);
        assertThrows(BadInputException.class, () -> StructureCycle.combinedRelative(-0.01, 0.04));
    }

    @Test
    void kidneySummaryByHand() {
        StructureCycle s = TwoCycles.structure("kidney_left", 8);
        assertEquals(StructureKind.KIDNEY, s.kind());
        assertEquals(8, s.meanGy(), 1e-12);
        assertEquals(0.05, s.relUnc(), 1e-15);
        assertEquals(0.4, s.sigmaGy(), 1e-12);
        // 8 Gy from 7.4 GBq.
        assertEquals(8 / 7.4, s.gyPerGBq(), 1e-12);
        // g = 2.8 / 52.8; BED = 8 + g 64 / 2.6 = 9.305361305...; EQD2 = BED / (1 + 2/2.6).
        assertEquals(2.8 / 52.8, s.shapeFactor(), 1e-12);
        assertEquals(9.305361305361306, s.bedGy(), 1e-9);
        assertEquals(9.305361305361306 / (1 + 2 / 2.6), s.eqd2Gy(), 1e-9);
        // sigma_BED = (1 + 2 g D / 2.6) sigma_D = (1 + 2 * 0.0530303 * 8 / 2.6) * 0.4 = 0.530536...
        assertEquals(0.5305361305361306, s.bedSigmaGy(), 1e-9);
        assertEquals("", s.bedNote());
    }

    @Test
    void noTissueParametersMeansNoBedAndSaysWhy() {
        StructureCycle s = TwoCycles.structure("red_marrow", 1.0);
        assertNull(s.bedGy());
        assertNull(s.eqd2Gy());
        assertNull(s.bedSigmaGy());
        assertTrue(s.bedNote().contains("red_marrow"), s.bedNote());
        assertTrue(Double.isNaN(s.shapeFactor()));
    }

    @Test
    void refusesANonPositiveActivity() {
        assertThrows(BadInputException.class, () -> StructureCycle.of("kidney", StructureKind.KIDNEY, "x",
                DoseRateCurve.monoExponential(1, 0.01), 0.01, 0.01, 0, TissueTable.defaults()));
    }
}
