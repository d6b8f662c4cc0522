package doseengine.dosimetry.gamma;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.gamma.GammaCriteria.Normalisation;
import doseengine.geometry.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GammaCriteriaTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "3%/3mm;                          0.03;  3;   GLOBAL; 0.10",
        "2%/2mm;                          0.02;  2;   GLOBAL; 0.10",
        "3%/3mm,local;                    0.03;  3;   LOCAL;  0.10",
        "3%/3mm,global;                   0.03;  3;   GLOBAL; 0.10",
        "3%/3mm,threshold=20%;            0.03;  3;   GLOBAL; 0.20",
        "2.5%/1.5mm,local,threshold=5%;   0.025; 1.5; LOCAL;  0.05",
        "' 3 % / 3 MM , Local ';          0.03;  3;   LOCAL;  0.10",
        "100%/0.5mm,threshold=0%;         1;     0.5; GLOBAL; 0",
    })
    void readsTheDocumentedForm(String text, double dd, double dta, Normalisation n, double threshold) {
        GammaCriteria c = GammaCriteria.parse(text);
        assertEquals(dd, c.doseDifference(), 1e-15);
        assertEquals(dta, c.dtaMm(), 1e-15);
        assertEquals(n, c.normalisation());
        assertEquals(threshold, c.threshold(), 1e-15);
        // What toString writes, parse reads back to the same criteria.
        assertEquals(c, GammaCriteria.parse(c.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "3%/3", "3/3mm", "3%3mm", "-3%/3mm", "3%/3mm,", "3%/3mm,local,global",
        "3%/3mm,threshold=10%,local", "3%/3mm,local,10%", "3%/3mm,threshold=10", "3%/3mm,x", "NaN%/3mm",
        "3%/3mm,local,threshold=10%,global"})
    void refusesTextOutsideTheGrammarNamingIt(String text) {
        BadInputException e = assertThrows(BadInputException.class, () -> GammaCriteria.parse(text));
        assertEquals("gamma criteria '" + text + "': expected DD%/DTAmm[,global|local][,threshold=T%], e.g. 3%/3mm",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0%/3mm;               dose-difference criterion must be > 0 % and <= 100 %, got 0 %",
        "101%/3mm;             dose-difference criterion must be > 0 % and <= 100 %, got 101 %",
        "3%/0mm;               distance-to-agreement must be finite and > 0 mm, got 0.0 mm",
        "3%/3mm,threshold=150%; low-dose threshold must be >= 0 % and <= 100 %, got 150 %",
    })
    void refusesValuesOutOfRangeSayingWhy(String text, String why) {
        BadInputException e = assertThrows(BadInputException.class, () -> GammaCriteria.parse(text));
        assertEquals("gamma criteria '" + text + "': " + why + "; expected " + GammaCriteria.FORM, e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
