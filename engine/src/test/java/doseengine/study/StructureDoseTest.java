package doseengine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.dosimetry.treatment.StructureKind;
import org.junit.jupiter.api.Test;

/** A structure without activity or without dose is reported with nulls and a note, not a crash. */
class StructureDoseTest {
    static final PhysicalDecay LU177 = new PhysicalDecay(159.5);
    static final StructureKinetics KINETICS = new StructureKinetics(LU177, ActivityUncertainty.standard());

    @Test
    void zeroActivityGivesNullsAndANote() {
        StructureTia tia = KINETICS.integrate("kidney_left", new double[] {4, 24, 96}, new double[] {0, 0, 0});
        StructureDose d = StructureDose.of(tia, null, StructureKind.KIDNEY, 7400, LU177, TissueTable.defaults());
        assertEquals(0, tia.tiaMBqH(), 0);
        assertNull(d.cycle());
        assertNull(d.tiaRelUnc());
        assertNull(d.meanGy());
        assertNull(d.relUnc());
        assertTrue(d.note().contains("no time-integrated activity"), d.note());
    }

    @Test
    void aStructureWithoutARegionHasNoDoseAndSaysWhy() {
        StructureTia tia = KINETICS.integrate("kidney_left", new double[] {4, 24, 96}, new double[] {10, 8, 5});
        StructureDose d = StructureDose.of(tia, null, StructureKind.KIDNEY, 7400, LU177, TissueTable.defaults());
        assertTrue(tia.tiaMBqH() > 0);
        assertNull(d.cycle());
        assertNull(d.meanGy());
        assertNull(d.relUnc());
        assertTrue(d.note().contains("no Monte Carlo dose"), d.note());
    }
}
