package doseengine.physics.material;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.ct.HuToMaterial;
import org.junit.jupiter.api.Test;

/** The default CT calibration (geometry) names only materials the engine can transport. */
class CalibrationMaterialsTest {
    @Test
    void everyDefaultCalibrationMaterialIsInTheCatalog() {
        HuToMaterial calibration = HuToMaterial.schneider2000Collapsed();
        MaterialCatalog catalog = MaterialCatalog.standard();
        assertDoesNotThrow(() -> calibration.requireKnown(catalog.names()));
        for (String name : calibration.materialNames()) {
            assertTrue(catalog.contains(name), name);
        }
        assertEquals(7, calibration.materialNames().size(), calibration.materialNames().toString());
    }
}
