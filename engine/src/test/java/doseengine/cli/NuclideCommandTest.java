package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code doseengine nuclide}, run through {@link Main}'s command line (and its error handler) with captured
 * output. Reference numbers: ICRP Publication 107 as in SOURCES.md "Key numbers" (5 decimals; tolerance half a
 * unit of the last one) and the half-lives of the ICRP-107 JSON.
 */
class NuclideCommandTest {
    private static final double FIVE_DECIMALS = 0.5e-5;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasTheContractKeysAndIcrpValues() throws Exception {
        Result r = run("nuclide", "177lu", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("Lu-177", root.get("nuclide").asText());
        assertEquals(6.647 * 86400, root.get("half_life_s").asDouble(), 1e-6);

        JsonNode energy = root.get("energy_per_decay_MeV");
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = energy.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertEquals(List.of("beta", "ic", "auger", "gamma", "xray", "electrons", "photons", "total"), keys);
        assertEquals(0.13327, energy.get("beta").asDouble(), FIVE_DECIMALS);
        assertEquals(0.01352, energy.get("ic").asDouble(), FIVE_DECIMALS);
        assertEquals(0.00113, energy.get("auger").asDouble(), FIVE_DECIMALS);
        assertEquals(0.03156, energy.get("gamma").asDouble(), FIVE_DECIMALS);
        assertEquals(0.00354, energy.get("xray").asDouble(), FIVE_DECIMALS);
        assertEquals(0.14792, energy.get("electrons").asDouble(), FIVE_DECIMALS);
        assertEquals(0.03510, energy.get("photons").asDouble(), FIVE_DECIMALS);
        assertEquals(0.18302, energy.get("total").asDouble(), FIVE_DECIMALS);
        double sumElectrons = energy.get("beta").asDouble() + energy.get("ic").asDouble()
                + energy.get("auger").asDouble();
        assertEquals(sumElectrons, energy.get("electrons").asDouble(), 1e-12);
        assertEquals(energy.get("gamma").asDouble() + energy.get("xray").asDouble(),
                energy.get("photons").asDouble(), 1e-12);

        JsonNode lines = root.get("lines");
        assertEquals(6 + 60 + 36 + 15, lines.size());
        boolean found = false;
        for (JsonNode line : lines) {
            found |= line.get("type").asText().equals("gamma") && line.get("E_MeV").asDouble() == 0.208366
                    && line.get("yield").asDouble() == 0.11;
        }
        assertTrue(found, "the 208 keV gamma of Lu-177 with yield 0.11 is listed");
        assertEquals(root.get("sampled_energy_per_decay_MeV").get("photons").asDouble(),
                energy.get("photons").asDouble(), 1e-6 * energy.get("photons").asDouble());
    }

    @Test
    void jsonForIodine() throws Exception {
        Result r = run("nuclide", "I-131", "--json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(8.0207 * 86400, root.get("half_life_s").asDouble(), 1e-6);
        assertEquals(0.19185, root.get("energy_per_decay_MeV").get("electrons").asDouble(), FIVE_DECIMALS);
        assertEquals(0.38276, root.get("energy_per_decay_MeV").get("photons").asDouble(), FIVE_DECIMALS);
    }

    @Test
    void textShowsHalfLifeEnergiesAndMainLines() {
        Result r = run("nuclide", "Y90");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Y-90 (ICRP Publication 107)"), r.out());
        assertTrue(r.out().contains("half-life  64.1 h = 230760 s = 2.67083 d"), r.out());
        assertTrue(r.out().contains("electrons  0.933106"), r.out());

        String lu = run("nuclide", "Lu-177").out();
        assertTrue(lu.contains("half-life  6.647 d = 574300.8 s = 159.528 h"), lu);
        assertTrue(lu.contains("gamma     208.366  0.1100"), lu);
        String photonBlock = lu.substring(lu.indexOf("main photon lines"), lu.indexOf("main electron lines"));
        assertEquals(1 + NuclideReport.PHOTON_LINES_SHOWN, photonBlock.lines().count());
    }

    @Test
    void unknownNuclideIsOneErrorLineAndExitTwo() {
        Result r = run("nuclide", "Tc-99m");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("error: unknown nuclide 'Tc-99m': known nuclides are I-131, Lu-177, Y-90", r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }
}
