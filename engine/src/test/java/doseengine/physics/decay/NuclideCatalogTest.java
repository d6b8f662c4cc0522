package doseengine.physics.decay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import doseengine.geometry.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names, half-lives and line data of the embedded ICRP-107 files. Reference numbers: the ICRP-107 JSON files
 * themselves (half-life and unit as printed there) and the energy sums per radiation type computed from them in
 * ../shared/data/decay/decay_sanity_icrp107.txt, which SOURCES.md "Key numbers" quotes to 5 decimals; the
 * tolerance is half a unit of the last quoted decimal.
 */
class NuclideCatalogTest {
    private static final double FIVE_DECIMALS = 0.5e-5;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Lu-177, Lu-177", "Lu177, Lu-177", "177Lu, Lu-177", "lu-177, Lu-177", "LU177, Lu-177", "177-lu, Lu-177",
        "' Lu-177 ', Lu-177", "Y-90, Y-90", "y90, Y-90", "90Y, Y-90", "I-131, I-131", "i131, I-131", "131I, I-131",
    })
    void acceptsTheUsualSpellings(String text, String canonical) {
        Nuclide nuclide = NuclideCatalog.get(text);
        assertEquals(canonical, nuclide.name());
        assertSame(NuclideCatalog.get(canonical), nuclide, "each nuclide is parsed once and shared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tc-99m", "Lu-178", "Lu", "177", "banana", "", "Lu-177-Y-90"})
    void unknownNuclideNamesTheInputAndTheKnownOnes(String text) {
        BadInputException e = assertThrows(BadInputException.class, () -> NuclideCatalog.get(text));
        assertEquals("unknown nuclide '" + text + "': known nuclides are I-131, Lu-177, Y-90", e.getMessage());
    }

    @Test
    void listsTheKnownNuclides() {
        assertEquals(List.of("I-131", "Lu-177", "Y-90"), NuclideCatalog.names());
    }

    /** Half-lives as ICRP-107 gives them: Lu-177 6.647 d, Y-90 64.1 h, I-131 8.0207 d; 1 d = 86400 s. */
    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({"Lu-177, 6.647, d, 574300.8", "Y-90, 64.1, h, 230760", "I-131, 8.0207, d, 692988.48"})
    void halfLives(String name, double value, String unit, double seconds) {
        Nuclide nuclide = NuclideCatalog.get(name);
        assertEquals(value, nuclide.halfLifeValue(), 0.0);
        assertEquals(unit, nuclide.halfLifeUnit());
        assertEquals(seconds, nuclide.halfLifeSeconds(), 1e-9 * seconds);
    }

    /** Line counts, and energy per decay by type against decay_sanity_icrp107.txt. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name, gamma, X, IE, auger lines; beta, gamma, X, IE, auger, electrons, photons MeV per decay
        "Lu-177,  6, 60,  36, 15, 0.13327, 0.03156, 0.00354, 0.01352, 0.00113, 0.14792, 0.03510",
        "Y-90,    1, 40,  10, 11, 0.93290, 0.00000, 0.00000, 0.00020, 0.00000, 0.93311, 0.00000",
        "I-131,  19, 49, 108, 13, 0.18187, 0.38124, 0.00152, 0.00957, 0.00041, 0.19185, 0.38276",
    })
    void linesAndEnergyPerDecayByType(String name, int gammas, int xrays, int ics, int augers, double beta,
            double gamma, double xray, double ic, double auger, double electrons, double photons) {
        Nuclide n = NuclideCatalog.get(name);
        assertEquals(gammas, n.lines(RadiationType.GAMMA).size());
        assertEquals(xrays, n.lines(RadiationType.XRAY).size());
        assertEquals(ics, n.lines(RadiationType.IC).size());
        assertEquals(augers, n.lines(RadiationType.AUGER).size());
        assertEquals(beta, n.energyPerDecayMeV(RadiationType.BETA), FIVE_DECIMALS);
        assertEquals(gamma, n.energyPerDecayMeV(RadiationType.GAMMA), FIVE_DECIMALS);
        assertEquals(xray, n.energyPerDecayMeV(RadiationType.XRAY), FIVE_DECIMALS);
        assertEquals(ic, n.energyPerDecayMeV(RadiationType.IC), FIVE_DECIMALS);
        assertEquals(auger, n.energyPerDecayMeV(RadiationType.AUGER), FIVE_DECIMALS);
        assertEquals(electrons, n.electronEnergyPerDecayMeV(), FIVE_DECIMALS);
        assertEquals(photons, n.photonEnergyPerDecayMeV(), FIVE_DECIMALS);
        assertEquals(n.electronEnergyPerDecayMeV() + n.photonEnergyPerDecayMeV(), n.totalEnergyPerDecayMeV(), 1e-15);
    }

    /** ICRP-07.RAD: one beta-minus per decay for the three nuclides (branch intensities sum to 1). */
    @ParameterizedTest
    @ValueSource(strings = {"Lu-177", "Y-90", "I-131"})
    void oneBetaPerDecay(String name) {
        assertEquals(1.0, NuclideCatalog.get(name).betaYield(), 1e-6);
    }

    /** The main gamma lines quoted in SOURCES.md (from the JSON): energy in MeV and yield per decay. */
    @Test
    void mainGammaLines() {
        List<DiscreteLine> lu = NuclideCatalog.get("Lu-177").lines(RadiationType.GAMMA);
        assertEquals(new DiscreteLine(RadiationType.GAMMA, 0.208366, 0.11), lu.get(3));
        assertEquals(new DiscreteLine(RadiationType.GAMMA, 0.11295, 0.064), lu.get(1));
        DiscreteLine i131 = NuclideCatalog.get("I-131").lines(RadiationType.GAMMA).stream()
                .filter(l -> l.energyMeV() == 0.364489).findFirst().orElseThrow();
        assertEquals(0.817, i131.yieldPerDecay(), 0.0);
    }
}
