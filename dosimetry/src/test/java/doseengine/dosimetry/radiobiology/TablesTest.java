package doseengine.dosimetry.radiobiology;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    @Test
    void defaultTissuesHoldTheKidneyAndNothingUnsourced() {
        TissueTable t = TissueTable.defaults();
        TissueParameters kidney = t.get("kidney").orElseThrow();
        assertEquals(2.6, kidney.alphaBetaGy());
        assertEquals(2.8, kidney.repairHalfTimeHours());
        assertEquals(Math.log(2) / 2.8, kidney.repairRatePerHour(), 1e-15);
        assertTrue(kidney.source().contains("Barone") && kidney.source().contains("Wessels"));
        assertTrue(t.get("red_marrow").isEmpty(), "no default without a source");
    }

    @Test
    void userTissueFileReplacesTheDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tissues.json");
        Files.writeString(f, "{\"tissues\": {\"tumour\": {\"alpha_beta_Gy\": 10, \"repair_half_time_h\": 1.5}}}");
        TissueTable t = TissueTable.read(f);
        assertEquals(10, t.get("tumour").orElseThrow().alphaBetaGy());
        assertTrue(t.get("kidney").isEmpty());
    }

    @Test
    void tissueFileErrorsAreOneLineNamingTheField() {
        BadInputException unknown = assertThrows(BadInputException.class, () -> TissueTable.parse(
                "{\"tissues\": {\"kidney\": {\"alpha_beta_Gy\": 2.6, \"repair_half_time_h\": 2.8, \"ab\": 3}}}",
                "t.json"));
        assertEquals("t.json: tissues.kidney: unknown key \"ab\"; allowed: alpha_beta_Gy, repair_half_time_h, source",
                unknown.getMessage());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> TissueTable.parse("{\"tissues\": {\"kidney\": {\"alpha_beta_Gy\": 2.6}}}", "t.json"));
        assertEquals("t.json: tissues.kidney: \"repair_half_time_h\" must be a number", missing.getMessage());
        BadInputException negative = assertThrows(BadInputException.class, () -> TissueTable.parse(
                "{\"tissues\": {\"kidney\": {\"alpha_beta_Gy\": -1, \"repair_half_time_h\": 2.8}}}", "t.json"));
        assertTrue(negative.getMessage().startsWith("t.json: tissues.kidney: alpha_beta_Gy"), negative.getMessage());
        BadInputException top = assertThrows(BadInputException.class,
                () -> TissueTable.parse("{\"tissue\": {}}", "t.json"));
        assertFalse(top.getMessage().contains("\n"));
        assertTrue(top.getMessage().contains("\"tissue\""), top.getMessage());
        assertThrows(BadInputException.class, () -> TissueTable.parse("{not json", "t.json"));
    }

    @Test
    void defaultLimitsWithTheirSources() {
        LimitTable t = LimitTable.defaults();
        var kidney = t.forStructure("kidney");
        assertEquals(3, kidney.size());
        assertEquals(23, kidney.get(0).valueGy());
        assertEquals(Limit.Quantity.ABSORBED_DOSE, kidney.get(0).quantity());
        assertEquals(Limit.Bound.MAXIMUM, kidney.get(0).bound());
        assertEquals(28, kidney.get(1).valueGy());
        assertEquals(Limit.Quantity.BED, kidney.get(1).quantity());
        assertTrue(kidney.get(1).condition().contains("with risk factors"));
        assertEquals(40, kidney.get(2).valueGy());
        assertTrue(kidney.get(2).source().contains("Bodei"));
        assertEquals(2, t.forStructure("red_marrow").get(0).valueGy());
        assertEquals(20, t.forStructure("salivary_glands").get(0).valueGy());
        assertTrue(t.forStructure("red_marrow").get(0).source().contains("Bergsma"));
        assertTrue(t.forStructure("salivary_glands").get(0).source().contains("Deasy"));
        var lesion = t.forStructure("lesion");
        assertEquals(35, lesion.get(0).valueGy());
        assertEquals(Limit.Over.MINIMUM, lesion.get(0).over());
        assertEquals(10.6, lesion.get(1).valueGy());
        assertEquals(Limit.Over.MEAN, lesion.get(1).over());
        for (Limit l : lesion) {
            assertEquals(Limit.Bound.MINIMUM, l.bound());
            assertEquals(1, l.afterCycle());
            assertFalse(l.cumulative());
            assertTrue(l.source().contains("source not verified"), l.source());
        }
        for (Limit l : kidney) {
            assertEquals(Limit.Over.EACH, l.over());
            assertTrue(l.cumulative());
        }
        for (Limit l : t.all()) {
            assertFalse(l.source().isBlank(), "every default has a source: " + l);
        }
    }

    @Test
    void limitFileErrorsAreOneLineNamingTheField() {
        BadInputException unknown = assertThrows(BadInputException.class, () -> LimitTable.parse(
                "{\"limits\": [{\"structure\": \"kidney\", \"quantity\": \"bed\", \"bound\": \"maximum\","
                        + " \"value_Gy\": 28, \"units\": \"Gy\"}]}", "l.json"));
        assertTrue(unknown.getMessage().startsWith("l.json: limits[0]: unknown key \"units\""), unknown.getMessage());
        BadInputException quantity = assertThrows(BadInputException.class, () -> LimitTable.parse(
                "{\"limits\": [{\"structure\": \"kidney\", \"quantity\": \"eqd2\", \"bound\": \"maximum\","
                        + " \"value_Gy\": 28}]}", "l.json"));
        assertEquals("l.json: limits[0]: \"quantity\" must be \"absorbed_dose\" or \"bed\", got \"eqd2\"",
                quantity.getMessage());
        BadInputException value = assertThrows(BadInputException.class, () -> LimitTable.parse(
                "{\"limits\": [{\"structure\": \"kidney\", \"quantity\": \"bed\", \"bound\": \"maximum\","
                        + " \"value_Gy\": 0}]}", "l.json"));
        assertTrue(value.getMessage().startsWith("l.json: limits[0]: "), value.getMessage());
        assertTrue(value.getMessage().contains("value_Gy"), value.getMessage());
        LimitTable user = LimitTable.parse("{\"limits\": [{\"structure\": \"kidney\", \"quantity\": \"absorbed_dose\","
                + " \"bound\": \"maximum\", \"value_Gy\": 18}]}", "l.json");
        assertEquals(18, user.forStructure("kidney").get(0).valueGy());
        assertTrue(user.forStructure("red_marrow").isEmpty(), "a user table replaces the defaults");
    }

    @Test
    void overAndAfterCycleAreReadAndDefault() {
        LimitTable t = LimitTable.parse("{\"limits\": ["
                + "{\"structure\": \"lesion\", \"quantity\": \"absorbed_dose\", \"bound\": \"minimum\", \"value_Gy\": 35,"
                + " \"over\": \"minimum\", \"after_cycle\": 1},"
                + "{\"structure\": \"lesion\", \"quantity\": \"bed\", \"bound\": \"minimum\", \"value_Gy\": 12,"
                + " \"over\": \"mean\", \"after_cycle\": null},"
                + "{\"structure\": \"kidney\", \"quantity\": \"absorbed_dose\", \"bound\": \"maximum\", \"value_Gy\": 23,"
                + " \"over\": \"each\"},"
                + "{\"structure\": \"kidney\", \"quantity\": \"absorbed_dose\", \"bound\": \"maximum\", \"value_Gy\": 18}]}",
                "l.json");
        List<Limit> all = t.all();
        assertEquals(Limit.Over.MINIMUM, all.get(0).over());
        assertEquals(1, all.get(0).afterCycle());
        assertEquals(Limit.Over.MEAN, all.get(1).over());
        assertNull(all.get(1).afterCycle(), "null after_cycle is cumulative");
        assertEquals(Limit.Over.EACH, all.get(2).over());
        assertEquals(Limit.Over.EACH, all.get(3).over(), "no \"over\": each");
        assertTrue(all.get(3).cumulative(), "no \"after_cycle\": cumulative");
    }

    @Test
    void badOverOrAfterCycleIsRefusedWithOneLine() {
        String head = "{\"limits\": [{\"structure\": \"lesion\", \"quantity\": \"absorbed_dose\", \"bound\": \"minimum\","
                + " \"value_Gy\": 35, ";
        BadInputException over = assertThrows(BadInputException.class,
                () -> LimitTable.parse(head + "\"over\": \"median\"}]}", "l.json"));
        assertEquals("l.json: limits[0]: \"over\" must be \"each\", \"minimum\" or \"mean\", got \"median\"",
                over.getMessage());
        BadInputException overType = assertThrows(BadInputException.class,
                () -> LimitTable.parse(head + "\"over\": 1}]}", "l.json"));
        assertEquals("l.json: limits[0]: \"over\" must be a string", overType.getMessage());
        for (String bad : List.of("0", "-1", "1.5", "\"1\"", "true")) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> LimitTable.parse(head + "\"after_cycle\": " + bad + "}]}", "l.json"), bad);
            assertEquals("l.json: limits[0]: \"after_cycle\" must be a cycle number >= 1 (1 for the first cycle), got "
                    + bad, e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void statusWithinTwoStandardUncertaintiesIsNear() {
        assertEquals(LimitStatus.BELOW, LimitStatus.of(20.9, 1, 23));
        assertEquals(LimitStatus.NEAR, LimitStatus.of(21.1, 1, 23));
        assertEquals(LimitStatus.NEAR, LimitStatus.of(25, 1, 23), "|D - L| = 2 sigma is near");
        assertEquals(LimitStatus.ABOVE, LimitStatus.of(25.1, 1, 23));
        assertEquals(LimitStatus.NEAR, LimitStatus.of(23, 0, 23));
        assertEquals(LimitStatus.BELOW, LimitStatus.of(22.99, 0, 23));
        Limit lesion = LimitTable.defaults().forStructure("lesion").get(0);
        assertEquals(LimitStatus.BELOW, lesion.statusOf(30, 2), "30 +- 2 Gy is below 35 Gy");
        assertEquals("near", LimitStatus.NEAR.word());
        assertThrows(BadInputException.class, () -> LimitStatus.of(20, -1, 23));
    }
}
