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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuToDensityTest {

    /** The nodes of the shipped CSV, read here with its own minimal parser so the class is checked against the file. */
    private static List<double[]> csvNodes() throws IOException {
        List<double[]> nodes = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                HuToDensityTest.class.getResourceAsStream(HuToDensity.SCHNEIDER_2000_RESOURCE),
                StandardCharsets.UTF_8))) {
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
                String[] f = line.split(",");
                nodes.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        return nodes;
    }

    @Test
    void schneiderCurveIsExactAtNodesAndLinearAtMidpoints() throws IOException {
        // Reference: the Schneider et al. 2000 (Phys Med Biol 45:459) curve as GATE distributes it (the CSV itself).
        // At a node the interpolation weight is exactly 0, so the node's density must come back unchanged; at a
        // midpoint the linear interpolation is the mean of the two nodes up to double rounding (1e-12 g/cm3).
        HuToDensity d = HuToDensity.schneider2000();
        List<double[]> nodes = csvNodes();
        assertEquals(9, nodes.size());
        assertEquals(nodes.size(), d.huNodes().length);
        for (double[] n : nodes) {
            assertEquals(n[1], d.density(n[0]), 0.0, "node " + n[0] + " HU");
        }
        for (int i = 0; i + 1 < nodes.size(); i++) {
            double[] a = nodes.get(i), b = nodes.get(i + 1);
            double mid = (a[0] + b[0]) / 2;
            assertEquals((a[1] + b[1]) / 2, d.density(mid), 1e-12, "midpoint " + mid + " HU");
        }
        assertEquals(-1000, d.minHu());
        assertEquals(3000, d.maxHu());
    }

    @Test
    void outsideTheTableIsRefusedOrExplicitlyClamped() {
        HuToDensity d = HuToDensity.schneider2000();
        BadInputException below = assertThrows(BadInputException.class, () -> d.density(-1024));
        assertTrue(below.getMessage().contains("-1024") && below.getMessage().contains("schneider2000_densities.csv"),
                below.getMessage());
        assertThrows(BadInputException.class, () -> d.density(3071));
        assertEquals(1.21e-3, d.densityClamped(-1024), 0.0);
        assertEquals(1.21e-3, d.densityClamped(-3024), 0.0);
        assertEquals(2.8, d.densityClamped(3071), 0.0);
        assertEquals(d.density(500), d.densityClamped(500), 0.0);
    }

    @Test
    void nonFiniteHuIsBadInput() {
        HuToDensity d = HuToDensity.schneider2000();
        assertThrows(BadInputException.class, () -> d.density(Double.NaN));
        assertThrows(BadInputException.class, () -> d.densityClamped(Double.NaN));
        assertThrows(BadInputException.class, () -> d.densityClamped(Double.POSITIVE_INFINITY));
        assertThrows(BadInputException.class, () -> d.densityClamped(Double.NEGATIVE_INFINITY));
    }

    @Test
    void userFileReplacesTheDefault(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("my_ct.csv");
        Files.writeString(f, "# scanner X\ndensity_g_cm3,HU,comment\n0.001,-1000,air\n1.0,0,water\n2.0,2000,bone\n");
        HuToDensity d = HuToDensity.load(f);
        assertEquals(0.5005, d.density(-500), 1e-12);
        assertEquals(1.5, d.density(1000), 1e-12);
        assertEquals(f.toString(), d.source());
    }

    @Test
    void userFileErrorsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        assertError(dir, "HU,density_g_cm3\n-1000,0.001\n0,abc\n", "line 3", "not a number");
        assertError(dir, "HU,density_g_cm3\n-1000,0.001\n0,1\n0,1.1\n", "line 4", "increase");
        assertError(dir, "HU,density_g_cm3\n-1000,0.001\n0,-1\n", "line 3", "positive");
        assertError(dir, "HU,rho\n-1000,0.001\n0,1\n", "", "missing column 'density_g_cm3'");
        assertError(dir, "HU,density_g_cm3\n-1000,0.001\n0,1,2\n", "line 3", "fields");
        assertError(dir, "HU,density_g_cm3\n-1000,0.001\n", "", "at least two");
        assertError(dir, "HU,density_g_cm3\n-1000,0.001\n0,NaN\n", "line 3", "not finite");
        assertError(dir, "# only comments\n", "", "no header");
    }

    private static void assertError(Path dir, String content, String where, String what) throws IOException {
        Path f = Files.createTempFile(dir, "bad", ".csv");
        Files.writeString(f, content);
        BadInputException e = assertThrows(BadInputException.class, () -> HuToDensity.load(f));
        String m = e.getMessage();
        assertTrue(m.contains(f.toString()) && m.contains(where) && m.contains(what), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
    }

    @Test
    void parseNamesTheSourceGiven() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> HuToDensity.parse(new StringReader("HU,density_g_cm3\n1,1\n0,1\n"), "inline"));
        assertTrue(e.getMessage().startsWith("inline line 3"), e.getMessage());
    }
}
