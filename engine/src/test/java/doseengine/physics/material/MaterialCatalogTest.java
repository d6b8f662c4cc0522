package doseengine.physics.material;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import org.junit.jupiter.api.Test;

class MaterialCatalogTest {
    private final MaterialCatalog catalog = MaterialCatalog.standard();

    @Test
    void liquidWaterMatchesEstarDefinition() {
        // ESTAR liquid water: I = 75 eV, rho = 1 g/cm3, H 0.111894, O 0.888106 (EGSnrc water_liquid.density).
        Material w = catalog.get("water_liquid");
        assertEquals(75.0, w.iValueEv(), 1e-9);
        assertEquals(1.0, w.densityGPerCm3(), 1e-9);
        assertArrayEquals(new int[] {1, 8}, w.atomicNumbers());
        assertEquals(0.111894, w.massFractions()[0], 1e-6);
        // Z/A of water = (2*1 + 8) / 18.0153 = 0.55508 mol/g (ICRU 37 Table 5.1 lists 0.55509).
        assertEquals(0.55509, w.zOverA(), 2e-5);
        assertTrue(w.densityEffect().isPresent());
        // ESTAR tabulates delta = 0 for water at 1 keV (no density effect at low energy) and delta > 0 at 1 MeV.
        assertEquals(0.0, w.densityEffect().get().delta(0.001), 1e-12);
        assertTrue(w.densityEffect().get().delta(1.0) > 0);
    }

    @Test
    void requiredTissuesArePresent() {
        for (String n : new String[] {"water_liquid", "air_dry_nearsealevel", "lungtissue_icrp",
                "adiposetissue_icrp", "tissue_soft_icrp", "tissue_soft_icrufour-component", "muscle_skeletal_icrp",
                "redmarrow_skeletal_icru_1986", "cartilage_skeletal_icru_1986", "bone_cortical_icrp", "spongiosa"}) {
            assertTrue(catalog.contains(n), n);
        }
    }

    @Test
    void spongiosaMixtureHasIcru46DensityAndBraggIValue() {
        Material s = catalog.get("spongiosa");
        Material marrow = catalog.get("redmarrow_skeletal_icru_1986");
        Material bone = catalog.get("bone_cortical_icrp");
        assertEquals(1.18, s.densityGPerCm3(), 1e-12);
        // The bone mass fraction follows from additive volumes: recover it from the calcium fraction.
        int ca = indexOf(s.atomicNumbers(), 20);
        int caBone = indexOf(bone.atomicNumbers(), 20);
        double wBone = s.massFractions()[ca] / bone.massFractions()[caBone];
        double rho = 1 / (wBone / bone.densityGPerCm3() + (1 - wBone) / marrow.densityGPerCm3());
        assertEquals(1.18, rho, 1e-6);
        // I lies between the parts' I-values.
        assertTrue(s.iValueEv() > marrow.iValueEv() && s.iValueEv() < bone.iValueEv());
        double sum = 0;
        for (double w : s.massFractions()) {
            sum += w;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void unknownMaterialIsOneLineError() {
        BadInputException e = assertThrows(BadInputException.class, () -> catalog.get("unobtainium"));
        assertTrue(e.getMessage().contains("unobtainium"));
        assertFalse(e.getMessage().contains("\n"));
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("missing " + v);
    }
}
