package doseengine.dosimetry.kinetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table's schema and look-up, and the population method's uncertainty from the table's spread. */
class EffectiveHalfLivesTest {
    static EffectiveHalfLives parse(String json) {
        return EffectiveHalfLives.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    static String refusal(String json) {
        return assertThrows(BadInputException.class, () -> parse(json)).getMessage();
    }

    @Test
    void readsEntriesWithTheirSpreadAndLooksUpNameBeforeKind() {
        EffectiveHalfLives t = parse("""
                { "comment": "x", "effective_half_lives": [
                  { "nuclide": "Lu-177", "structure": "kidney", "half_life_h": 50, "sigma_h": 10, "source": "S1" },
                  { "nuclide": "177Lu", "structure": "kidney_left", "half_life_h": 40, "log_sigma": 0.3 },
                  { "nuclide": "I-131", "structure": "liver", "half_life_h": 20 } ] }""");
        EffectiveHalfLives.Entry kidney = t.find("lu177", "kidney_right", List.of("kidney")).orElseThrow();
        assertEquals(50, kidney.halfLifeHours());
        assertEquals(0.2, kidney.relSigma(), 1e-15); // sigma_h / T
        assertEquals("S1", kidney.source());
        EffectiveHalfLives.Entry left = t.find("LU-177", "Kidney_Left", List.of("kidney")).orElseThrow();
        assertEquals(40, left.halfLifeHours()); // the name wins over the kind
        assertEquals(0.3, left.relSigma());
        assertNull(t.find("I-131", "liver", List.of()).orElseThrow().relSigma());
        assertTrue(t.find("Lu-177", "liver", List.of()).isEmpty()); // the nuclide matters
        assertEquals(3, t.entries().size());
    }

    @Test
    void badValuesAreOneLineNamingTheField() {
        assertEquals("t.json: effective_half_lives[0].half_life_h must be a number > 0 (hours), got -3",
                refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu-177\", \"structure\": \"liver\", "
                        + "\"half_life_h\": -3}]}"));
        assertEquals("t.json: effective_half_lives[0].half_life_h must be a number > 0 (hours), got \"50\"",
                refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu-177\", \"structure\": \"liver\", "
                        + "\"half_life_h\": \"50\"}]}"));
        assertEquals("t.json: effective_half_lives[0]: \"half_life_h\" is missing",
                refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu-177\", \"structure\": \"liver\"}]}"));
        assertEquals("t.json: effective_half_lives[0]: give \"sigma_h\" or \"log_sigma\", not both",
                refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu-177\", \"structure\": \"liver\", "
                        + "\"half_life_h\": 50, \"sigma_h\": 5, \"log_sigma\": 0.1}]}"));
        assertEquals("t.json: effective_half_lives[0].log_sigma must be a number >= 0, got -0.1",
                refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu-177\", \"structure\": \"liver\", "
                        + "\"half_life_h\": 50, \"log_sigma\": -0.1}]}"));
        assertEquals("t.json: effective_half_lives[0]: unknown key \"halflife_h\" (known: half_life_h, log_sigma, "
                + "nuclide, sigma_h, source, structure)", refusal("{\"effective_half_lives\": [{\"nuclide\": "
                        + "\"Lu-177\", \"structure\": \"liver\", \"halflife_h\": 50}]}"));
        assertEquals("t.json: effective_half_lives[0].nuclide must name a nuclide with its mass number, e.g. "
                + "\"Lu-177\", got \"Lu\"", refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu\", "
                        + "\"structure\": \"liver\", \"half_life_h\": 50}]}"));
        assertEquals("t.json: effective_half_lives[1]: nuclide lu177 and structure \"LIVER\" are also "
                + "effective_half_lives[0]", refusal("{\"effective_half_lives\": [{\"nuclide\": \"Lu-177\", "
                        + "\"structure\": \"liver\", \"half_life_h\": 50}, {\"nuclide\": \"lu177\", \"structure\": "
                        + "\"LIVER\", \"half_life_h\": 60}]}"));
        assertEquals("t.json: \"effective_half_lives\" must be a list of entries", refusal("{\"effective_half_lives\": {}}"));
        assertEquals("t.json: unknown key \"tissues\" (known: comment, effective_half_lives)",
                refusal("{\"tissues\": {}}"));
        assertEquals("effective half-lives: no built-in table \"lu177-dotatate\" (known: lu177-psma-617)",
                assertThrows(BadInputException.class, () -> EffectiveHalfLives.builtIn("lu177-dotatate"))
                        .getMessage());
    }

    /** The built-in 177Lu-PSMA-617 table holds the abstract's medians, without a spread. */
    @Test
    void builtInPsmaTableHasTheMediansRead() {
        EffectiveHalfLives t = EffectiveHalfLives.builtIn("Lu177-PSMA-617");
        assertEquals(35.5, t.find("Lu-177", "kidney_left", List.of("kidney")).orElseThrow().halfLifeHours());
        assertEquals(22.9, t.find("Lu-177", "liver", List.of()).orElseThrow().halfLifeHours());
        assertEquals(16.8, t.find("Lu-177", "spleen", List.of()).orElseThrow().halfLifeHours());
        assertEquals(42.2, t.find("Lu-177", "parotid_left", List.of("salivary_glands")).orElseThrow()
                .halfLifeHours());
        assertEquals(32.0, t.find("Lu-177", "marrow", List.of("red_marrow")).orElseThrow().halfLifeHours());
        assertEquals(15.1, t.find("Lu-177", "lungs", List.of()).orElseThrow().halfLifeHours());
        t.entries().forEach(e -> assertNull(e.relSigma(), e.toString()));
        t.entries().forEach(e -> assertTrue(e.source().contains("AAPM 2026"), e.toString()));
    }

    /**
     * The delta method's {@code |1 - lambda t| u(ln T)}: against a central finite difference of ln TIA in ln T
     * (1e-6), zero at {@code t = T / ln 2}, and against the spread of the TIA over a lognormal population of T_eff
     * (log_sigma 0.05, 2e5 draws: first order holds to a few per cent of the sigma at that small spread).
     */
    @Test
    void populationSpreadPropagatesByTheDeltaMethod() {
        double a = 100;
        for (double t : new double[] {24, 96, 168}) {
            for (double teff : new double[] {30, 60, 120}) {
                double h = 1e-5;
                double up = Math.log(SingleTimePoint.populationHalfLifeMBqH(t, a, teff * Math.exp(h)));
                double down = Math.log(SingleTimePoint.populationHalfLifeMBqH(t, a, teff * Math.exp(-h)));
                double slope = (up - down) / (2 * h);
                assertEquals(Math.abs(slope) * 0.2, SingleTimePoint.populationRelSigmaFromHalfLife(t, teff, 0.2),
                        1e-6, t + " h, T " + teff);
            }
        }
        assertEquals(0, SingleTimePoint.populationRelSigmaFromHalfLife(96, 96 * Math.log(2),
                0.3), 1e-12);
        double t = 96;
        double teff = 50;
        double s = 0.05;
        Random r = new Random(7);
        double sum = 0;
        double sum2 = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double tia = SingleTimePoint.populationHalfLifeMBqH(t, a, teff * Math.exp(s * r.nextGaussian()));
            sum += tia;
            sum2 += tia * tia;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sum2 / n - mean * mean);
        double predicted = SingleTimePoint.populationRelSigmaFromHalfLife(t, teff, s);
        assertEquals(predicted, sd / SingleTimePoint.populationHalfLifeMBqH(t, a, teff), 0.05 * predicted);
        assertThrows(BadInputException.class, () -> SingleTimePoint.populationRelSigmaFromHalfLife(96, 50, -1));
    }
}
