package doseengine.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.physics.decay.NuclideCatalog;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The nuclide check between a DICOM radiopharmaceutical and the run's --nuclide, on the spellings exports use. */
class DicomActivityInputTest {
    @Test
    void theRunsNuclideInAnySpellingGivesNoWarning() {
        for (String text : new String[] {"^177^Lutetium", "Lutetium-177", "Lu-177", "177Lu", "LU177", " lu-177 "}) {
            assertTrue(DicomActivityInput.otherNuclide(text, NuclideCatalog.get("Lu-177")).isEmpty(), text);
        }
        assertTrue(DicomActivityInput.otherNuclide("^90^Yttrium", NuclideCatalog.get("Y-90")).isEmpty());
        assertTrue(DicomActivityInput.otherNuclide("^131^Iodine", NuclideCatalog.get("I-131")).isEmpty());
        assertTrue(DicomActivityInput.otherNuclide(null, NuclideCatalog.get("I-131")).isEmpty());
    }

    @Test
    void anotherNuclideIsAWarningNamingBoth() {
        Optional<String> w = DicomActivityInput.otherNuclide("^90^Yttrium", NuclideCatalog.get("Lu-177"));
        assertTrue(w.isPresent() && w.get().contains("Y-90") && w.get().contains("Lu-177"), w.toString());
        Optional<String> f = DicomActivityInput.otherNuclide("^18^Fluorine", NuclideCatalog.get("Lu-177"));
        assertTrue(f.isPresent() && f.get().contains("Fluorine"), f.toString());
        // 1177 or 17 are not 177
        assertTrue(DicomActivityInput.otherNuclide("Lu-1770", NuclideCatalog.get("Lu-177")).isPresent());
    }
}
