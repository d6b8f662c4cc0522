package doseengine.geometry.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuToMaterialTest {

    /** Data lines of a shipped CSV (comments and header dropped), split on commas. */
    private static List<String[]> resourceRows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                HuToMaterialTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    @Test
    void defaultTableUsesTheSevenCatalogMaterialsInHuOrder() {
        assertEquals(List.of("air_dry_nearsealevel", "lungtissue_icrp", "adiposetissue_icrp", "tissue_soft_icrp",
                "muscle_skeletal_icrp", "spongiosa", "bone_cortical_icrp"),
                HuToMaterial.schneider2000Collapsed().materialNames());
    }

    @Test
    void binCentresGetTheirMaterialAndBoundariesBelongToTheUpperInterval() throws IOException {
        HuToMaterial t = HuToMaterial.schneider2000Collapsed();
        List<String[]> rows = resourceRows(HuToMaterial.SCHNEIDER_2000_COLLAPSED_RESOURCE);
        assertEquals(rows.size(), t.intervalCount());
        for (int n = 0; n < rows.size(); n++) {
            double lo = Double.parseDouble(rows.get(n)[0]), hi = Double.parseDouble(rows.get(n)[1]);
            String name = rows.get(n)[2];
            assertEquals(name, t.material((lo + hi) / 2), "centre of [" + lo + ", " + hi + ")");
            // Intervals are [lower, upper): the lower bound itself is this interval's, the HU just below it the
            // previous interval's.
            assertEquals(name, t.material(lo), "lower bound " + lo);
            assertEquals(name, t.material(Math.nextDown(hi)), "just below upper bound " + hi);
            if (n > 0) {
                assertEquals(rows.get(n - 1)[2], t.material(Math.nextDown(lo)), "just below " + lo);
            }
        }
        // The last interval includes its upper bound; beyond either end is refused unless clamped.
        assertEquals("bone_cortical_icrp", t.material(3000));
        assertEquals("air_dry_nearsealevel", t.material(-1050));
        BadInputException e = assertThrows(BadInputException.class, () -> t.material(3000.5));
        assertTrue(e.getMessage().contains("3000.5"), e.getMessage());
        assertThrows(BadInputException.class, () -> t.material(Math.nextDown(-1050.0)));
        assertEquals(0, t.materialIndexClamped(-3024));
        assertEquals(t.materialNames().indexOf("bone_cortical_icrp"), t.materialIndexClamped(3071));
    }

    @Test
    void collapsedBoundariesAreSchneiderBinBoundaries() throws IOException {
        // The collapsed table must not invent HU boundaries: each one is a lower bound of a Schneider 2000 bin
        // (schneider2000_materials.csv), and the table spans Schneider's full range (-1050 to 3000 HU).
        Set<Double> schneider = new HashSet<>();
        for (String[] r : resourceRows("/doseengine/geometry/ct/schneider2000_materials.csv")) {
            schneider.add(Double.parseDouble(r[0]));
        }
        HuToMaterial t = HuToMaterial.schneider2000Collapsed();
        for (int n = 0; n < t.intervalCount(); n++) {
            assertTrue(schneider.contains(t.intervalLower(n)), "boundary " + t.intervalLower(n));
            assertTrue(schneider.contains(t.intervalUpper(n)), "boundary " + t.intervalUpper(n));
        }
        assertEquals(-1050, t.minHu());
        assertEquals(3000, t.maxHu());
    }

    @Test
    void nonFiniteHuIsBadInput() {
        HuToMaterial t = HuToMaterial.schneider2000Collapsed();
        assertThrows(BadInputException.class, () -> t.material(Double.NaN));
        assertThrows(BadInputException.class, () -> t.materialIndexClamped(Double.NaN));
        assertThrows(BadInputException.class, () -> t.materialIndexClamped(Double.NEGATIVE_INFINITY));
    }

    @Test
    void userFileWithColumnsInAnyOrderAndRepeatedMaterials(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("materials.csv");
        Files.writeString(f, "material,hu_upper,hu_lower,note\nair_dry_nearsealevel,-900,-1100,\n"
                + "water_liquid,100,-900,\nbone_cortical_icrp,200,100,x\nwater_liquid,3100,200,metal as water\n");
        HuToMaterial t = HuToMaterial.load(f);
        assertEquals(List.of("air_dry_nearsealevel", "water_liquid", "bone_cortical_icrp"), t.materialNames());
        assertEquals("water_liquid", t.material(-900));
        assertEquals("bone_cortical_icrp", t.material(150));
        assertEquals("water_liquid", t.material(3100));
        assertEquals(1, t.materialIndex(2500));
    }

    @Test
    void userFileErrorsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        String h = "hu_lower,hu_upper,material\n";
        assertError(dir, h + "-1000,0,air_dry_nearsealevel\n10,100,tissue_soft_icrp\n", "line 3", "gap");
        assertError(dir, h + "-1000,0,air_dry_nearsealevel\n-10,100,tissue_soft_icrp\n", "line 3", "overlaps");
        assertError(dir, h + "# note\n-1000,0,air_dry_nearsealevel\nzero,100,tissue_soft_icrp\n", "line 4",
                "not a number");
        assertError(dir, h + "-1000,0,Bone Cortical\n", "line 2", "not a catalog name");
        assertError(dir, h + "-1000,0,bone-cortical\n", "line 2", "not a catalog name");
        assertError(dir, h + "0,-1000,air_dry_nearsealevel\n", "line 2", "must exceed");
        assertError(dir, h + "-1000,0\n", "line 2", "fields");
        assertError(dir, "hu_lower,material\n-1000,air_dry_nearsealevel\n", "", "missing column 'hu_upper'");
        assertError(dir, h, "", "no interval");
    }

    private static void assertError(Path dir, String content, String where, String what) throws IOException {
        Path f = Files.createTempFile(dir, "bad", ".csv");
        Files.writeString(f, content);
        BadInputException e = assertThrows(BadInputException.class, () -> HuToMaterial.load(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()) && m.contains(where) && m.contains(what), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
    }

    @Test
    void unknownCatalogMaterialIsNamedWithItsLine() {
        HuToMaterial t = HuToMaterial.parse(new StringReader(
                "hu_lower,hu_upper,material\n-1000,0,air_dry_nearsealevel\n0,100,unobtainium\n"), "mine.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> t.requireKnown(List.of("air_dry_nearsealevel", "tissue_soft_icrp")));
        assertTrue(e.getMessage().startsWith("mine.csv line 3: material 'unobtainium'"), e.getMessage());
        t.requireKnown(List.of("air_dry_nearsealevel", "unobtainium"));
    }
}
