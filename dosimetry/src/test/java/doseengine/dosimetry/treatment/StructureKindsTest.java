package doseengine.dosimetry.treatment;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

class StructureKindsTest {
    private final StructureKinds standard = StructureKinds.standard();

    @Test
    void namesMapToKindsByTheStatedRule() {
        assertEquals(StructureKind.KIDNEY, standard.kindOf("Kidney_L"));
        assertEquals(StructureKind.KIDNEY, standard.kindOf("kidneys"));
        assertEquals(StructureKind.RED_MARROW, standard.kindOf("red_marrow"));
        assertEquals(StructureKind.RED_MARROW, standard.kindOf("Bone Marrow L2-L4"));
        assertEquals(StructureKind.SALIVARY_GLANDS, standard.kindOf("Parotid_R"));
        assertEquals(StructureKind.SALIVARY_GLANDS, standard.kindOf("submandibular_l"));
        assertEquals(StructureKind.SALIVARY_GLANDS, standard.kindOf("salivary_glands"));
        assertEquals(StructureKind.LESION, standard.kindOf("Tumour 1"));
        assertEquals(StructureKind.LESION, standard.kindOf("tumor_liver"));
        assertEquals(StructureKind.LESION, standard.kindOf("liver_metastasis_2"));
        assertEquals(StructureKind.OTHER, standard.kindOf("liver"));
        assertEquals(StructureKind.OTHER, standard.kindOf("spleen"));
    }

    @Test
    void aLesionInAnOrganIsALesion() {
        assertEquals(StructureKind.LESION, standard.kindOf("kidney_lesion"));
    }

    @Test
    void anOverrideReplacesTheRuleForOneName() {
        StructureKinds custom = standard.withOverride("L1_vertebra", StructureKind.RED_MARROW);
        assertEquals(StructureKind.RED_MARROW, custom.kindOf("l1_VERTEBRA"));
        assertEquals(StructureKind.KIDNEY, custom.kindOf("kidney_r"));
    }

    @Test
    void blankNameIsRefused() {
        assertThrows(BadInputException.class, () -> standard.kindOf(" "));
    }

    @Test
    void aLesionsTissueIsFoundUnderTumour() {
        TissueTable table = TissueTable.parse(
                "{\"tissues\": {\"tumour\": {\"alpha_beta_Gy\": 10, \"repair_half_time_h\": 1.5}}}", "t.json");
        assertEquals(10, StructureKind.LESION.tissue(table).orElseThrow().alphaBetaGy());
        assertTrue(StructureKind.KIDNEY.tissue(table).isEmpty());
    }
}
