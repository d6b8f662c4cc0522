package doseengine.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SphereSValueReferenceTest {
    @TempDir
    Path tmp;

    @Test
    void readsNuclidesMassesAndValuesInAnyColumnOrder() throws Exception {
        Path f = write("# my table\nmass_g,nuclide,S_mGy_per_MBq_s,comment\n10,Lu177,1.5e-3,x\n100,Y-90,2.0e-3,y\n");
        SphereSValueReference r = SphereSValueReference.read(f);
        assertEquals(2, r.entries().size());
        assertEquals(1.5e-3, r.find("Lu-177", 10.0).orElseThrow().sMilliGrayPerMBqS(), 0);
        assertTrue(r.find("Lu-177", 100.0).isEmpty());
    }

    @Test
    void badFilesAreOneLineErrorsNamingFileAndLine() throws Exception {
        String[][] cases = {
            {"nuclide,mass_g\nLu-177,10\n", "missing column S_mGy_per_MBq_s"},
            {"nuclide,mass_g,S_mGy_per_MBq_s\nLu-177,ten,1e-3\n", "line 2: mass_g 'ten' is not a finite number"},
            {"nuclide,mass_g,S_mGy_per_MBq_s\nLu-177,-1,1e-3\n", "line 2: mass_g must be positive"},
            {"nuclide,mass_g,S_mGy_per_MBq_s\nTc-99m,1,1e-3\n", "line 2: unknown nuclide 'Tc-99m'"},
            {"nuclide,mass_g,S_mGy_per_MBq_s\nLu-177,1,1e-3\nLu177,1.0,2e-3\n", "line 3: Lu-177 1.0 g is given twice"},
            {"nuclide,mass_g,S_mGy_per_MBq_s\nLu-177,1\n", "line 2: 2 fields"},
            {"nuclide,mass_g,S_mGy_per_MBq_s\n", "no reference values"},
        };
        for (String[] c : cases) {
            Path f = write(c[0]);
            BadInputException e = assertThrows(BadInputException.class, () -> SphereSValueReference.read(f));
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c[1]), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        BadInputException missing = assertThrows(BadInputException.class,
                () -> SphereSValueReference.read(tmp.resolve("none.csv")));
        assertTrue(missing.getMessage().endsWith("none.csv: file not found"), missing.getMessage());
    }

    private Path write(String text) throws Exception {
        Path f = Files.createTempFile(tmp, "ref", ".csv");
        Files.writeString(f, text);
        return f;
    }
}
