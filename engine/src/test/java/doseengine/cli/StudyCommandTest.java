package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code study} end to end on the synthetic patient ({@code phantom torso_study}, 8 mm voxels, 2e5 decays, Java
 * backend): the organ method's TIAs against the analytic truth and its dose against {@code run} on the exact TIA map.
 */
class StudyCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DECAYS = "2e5";
    static final String SEED = "1";
    static final List<String> STRUCTURE_KEYS = List.of("name", "fit_model", "tia_MBq_h", "tia_rel_unc", "mean_Gy",
            "rel_unc", "bed_Gy");

    @TempDir
    static Path tmp;
    static Path patient;
    static Path out;
    static CliRunner.Outcome study;
    static JsonNode result;
    static JsonNode truth;

    @BeforeAll
    static void runStudy() throws Exception {
        patient = tmp.resolve("patient");
        CliRunner.Outcome p = CliRunner.run("phantom", "torso_study", "--out", patient.toString(), "--voxel-mm", "8");
        assertEquals(0, p.exitCode(), p.err());
        out = tmp.resolve("out");
        study = CliRunner.run("study", patient.resolve("study.json").toString(), "--out", out.toString(),
                "--decays", DECAYS, "--seed", SEED, "--backend", "java");
        assertEquals(0, study.exitCode(), study.err());
        result = JSON.readTree(out.resolve("study.json").toFile());
        truth = JSON.readTree(patient.resolve("truth.json").toFile());
    }

    @Test
    void writesEverySpecifiedKeyAndFile() {
        for (String f : List.of("study.json", "report.html", "cumulative_dose.nii.gz", "C1/tia.nii.gz",
                "C1/dose.nii.gz", "C1/uncertainty.nii.gz", "C1/organs.json", "C1/report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        for (JsonNode t : truth.get("structures")) {
            String png = "C1/tac_" + t.get("name").asText() + ".png";
            assertTrue(Files.isRegularFile(out.resolve(png)), png);
        }
        JsonNode cycles = result.get("cycles");
        assertEquals(1, cycles.size());
        JsonNode c = cycles.get(0);
        assertEquals("C1", c.get("name").asText());
        assertEquals(7400, c.get("administered_MBq").asDouble(), 0);
        assertEquals(truth.get("structures").size(), c.get("structures").size());
        for (JsonNode s : c.get("structures")) {
            for (String k : STRUCTURE_KEYS) {
                assertTrue(s.has(k), s.get("name") + " lacks " + k);
            }
            // every structure of the synthetic patient has a fit and a dose; BED only where the tissue table has it
            assertTrue(s.get("mean_Gy").asDouble() > 0, s.toString());
            assertTrue(s.get("rel_unc").asDouble() > 0, s.toString());
        }
        JsonNode cumulative = result.get("cumulative");
        assertEquals(c.get("structures").size(), cumulative.size());
        for (JsonNode s : cumulative) {
            for (String k : List.of("name", "mean_Gy", "bed_Gy", "limit", "status")) {
                assertTrue(s.has(k), s.get("name") + " lacks " + k);
            }
        }
        JsonNode kidney = byName(cumulative).get("kidney_left_cortex");
        assertTrue(kidney.get("bed_Gy").asDouble() > kidney.get("mean_Gy").asDouble(), kidney.toString());
        assertEquals("below", kidney.get("status").asText());
        JsonNode next = result.get("next_cycle");
        assertTrue(next.get("max_activity_MBq").asDouble() > 0, next.toString());
        assertTrue(next.get("limited_by").asText().startsWith("kidney"), next.toString());
        assertTrue(study.err().contains("decays"), "progress on standard error");
    }

    /** Tolerance 1 % (the issue's): the fits of noiseless points against the analytic integral of truth.json. */
    @Test
    void tiaOfEveryStructureIsWithinOnePercentOfTheAnalyticIntegral() {
        Map<String, JsonNode> fitted = byName(result.get("cycles").get(0).get("structures"));
        for (JsonNode t : truth.get("structures")) {
            String name = t.get("name").asText();
            double tia = fitted.get(name).get("tia_MBq_h").asDouble();
            double exact = t.get("tia_MBq_h").asDouble();
            assertEquals(1, tia / exact, 0.01, name);
        }
    }

    /**
     * The organ method's mean dose per structure against {@code run} on the exact TIA map with the same seed and
     * decays. The maps differ by the fitted TIAs' errors e_s (at most max|e_s| for any structure's dose, a mix of
     * the sources'), and by Monte Carlo noise. Tolerance: {@code max|e_s| + 3 sqrt(u_study^2 + u_run^2)}. The same
     * seed makes the runs positively correlated, which only shrinks the spread of their difference; but the two
     * maps' slightly different voxel weights move the alias table's picks, so the correlation is weak and the noise
     * is counted as if the runs were independent (the conservative choice).
     */
    @Test
    void organMethodDoseEqualsRunOnTheExactTiaMapWithinTheMonteCarloUncertainty() throws Exception {
        Path runOut = tmp.resolve("run");
        CliRunner.Outcome run = CliRunner.run("run", "--ct", patient.resolve("ct.nii.gz").toString(),
                "--activity", patient.resolve("truth_tia.nii.gz").toString(), "--labels",
                patient.resolve("labels.nii.gz").toString(), "--nuclide", "Lu-177", "--out", runOut.toString(),
                "--decays", DECAYS, "--seed", SEED, "--backend", "java");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> exact = byName(JSON.readTree(runOut.resolve("organs.json").toFile()).get("labels"));
        Map<String, JsonNode> organ = byName(result.get("cycles").get(0).get("structures"));
        double maxTiaError = 0;
        for (JsonNode t : truth.get("structures")) {
            double e = organ.get(t.get("name").asText()).get("tia_MBq_h").asDouble() / t.get("tia_MBq_h").asDouble()
                    - 1;
            maxTiaError = Math.max(maxTiaError, Math.abs(e));
        }
        assertTrue(maxTiaError < 0.005, "fitted TIAs within 0.5 %: " + maxTiaError);
        for (Map.Entry<String, JsonNode> e : organ.entrySet()) {
            JsonNode r = exact.get(e.getKey());
            double d = e.getValue().get("mean_Gy").asDouble();
            double uStudy = e.getValue().get("mc_rel_unc").asDouble();
            double uRun = r.get("rel_unc").asDouble();
            double tolerance = maxTiaError + 3 * Math.hypot(uStudy, uRun);
            assertEquals(1, d / r.get("mean_Gy").asDouble(), tolerance, e.getKey());
        }
    }

    /**
     * The default lesion thresholds (LUMEN: minimum over lesions after cycle 1; LUTADOSE: mean over lesions after cycle
     * 1) are aggregated over tumour_1..3 from the lesions' own checks, which stay in "cumulative".
     */
    @Test
    void lesionThresholdsAggregateOverTheThreeTumours() throws Exception {
        Map<String, JsonNode> cumulative = byName(result.get("cumulative"));
        List<String> tumours = List.of("tumour_1", "tumour_2", "tumour_3");
        double[] v = new double[3];
        double[] sigma = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonNode lumen = null;
            for (JsonNode k : cumulative.get(tumours.get(i)).get("checks")) {
                if (k.get("limit_Gy").asDouble() == 35) {
                    lumen = k;
                }
            }
            assertTrue(lumen != null, tumours.get(i) + " keeps its own check against 35 Gy");
            assertEquals("minimum", lumen.get("over").asText());
            assertEquals(1, lumen.get("after_cycle").asInt());
            v[i] = lumen.get("value_Gy").asDouble();
            sigma[i] = lumen.get("sigma_Gy").asDouble();
            // one cycle: the after-cycle-1 value is the summed dose
            assertEquals(cumulative.get(tumours.get(i)).get("mean_Gy").asDouble(), v[i], 1e-12);
        }
        JsonNode list = result.get("lesion_thresholds");
        assertEquals(2, list.size(), list.toString());
        JsonNode min = list.get(0);
        assertEquals("minimum", min.get("over").asText());
        assertEquals(1, min.get("after_cycle").asInt());
        assertEquals(tumours, JSON.convertValue(min.get("structures"), List.class));
        int argmin = 0;
        for (int i = 1; i < 3; i++) {
            argmin = v[i] < v[argmin] ? i : argmin;
        }
        assertEquals(v[argmin], min.get("value_Gy").asDouble(), 1e-12);
        assertEquals(sigma[argmin], min.get("sigma_Gy").asDouble(), 1e-12);
        assertEquals(tumours.get(argmin), min.get("minimum_by").asText());
        boolean anyBelow = false;
        boolean allAbove = true;
        for (int i = 0; i < 3; i++) {
            double d = v[i] - 35;
            anyBelow |= d < -2 * sigma[i];
            allAbove &= d > 2 * sigma[i];
        }
        assertEquals(anyBelow ? "below" : allAbove ? "above" : "near", min.get("status").asText(), min.toString());
        JsonNode mean = list.get(1);
        assertEquals("mean", mean.get("over").asText());
        double m = (v[0] + v[1] + v[2]) / 3;
        double ms = Math.sqrt(sigma[0] * sigma[0] + sigma[1] * sigma[1] + sigma[2] * sigma[2]) / 3;
        assertEquals(m, mean.get("value_Gy").asDouble(), 1e-9);
        assertEquals(ms, mean.get("sigma_Gy").asDouble(), 1e-12);
        String status = Math.abs(m - 10.6) <= 2 * ms ? "near" : m < 10.6 ? "below" : "above";
        assertEquals(status, mean.get("status").asText(), mean.toString());
        assertTrue(mean.get("minimum_by").isNull());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Lesion thresholds over the lesions"), "report.html has the aggregate table");
        assertTrue(study.out().contains("minimum over lesion after cycle 1"), study.out());
    }

    @Test
    void aMissingStudyFileIsOneLineAndExitTwo() {
        Path missing = tmp.resolve("nowhere/study.json");
        CliRunner.Outcome o = CliRunner.run("study", missing.toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(2, o.exitCode(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("study.json"), o.err());
    }

    /**
     * {@code "method": "voxel"} end to end (1e4 decays: the dose is not what is checked): the cycle's method, the
     * voxel paths per structure in study.json and its notes, each structure's TIA within 1 % of the analytic
     * integral and the TIA map handed to the Monte Carlo is the one written.
     */
    @Test
    void theVoxelMethodReportsItsMethodAndVoxelPathsPerStructure() throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(patient.resolve("study.json").toFile());
        s.put("method", "voxel");
        Path file = patient.resolve("voxel_study.json");
        JSON.writeValue(file.toFile(), s);
        Path o2 = tmp.resolve("o2");
        CliRunner.Outcome o = CliRunner.run("study", file.toString(), "--out", o2.toString(), "--decays", "1e4",
                "--seed", SEED, "--backend", "java");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode r = JSON.readTree(o2.resolve("study.json").toFile());
        assertEquals("voxel", r.get("method").asText());
        JsonNode c = r.get("cycles").get(0);
        assertEquals("voxel", c.get("method").asText());
        Map<String, JsonNode> rows = byName(c.get("structures"));
        for (JsonNode t : truth.get("structures")) {
            String name = t.get("name").asText();
            JsonNode row = rows.get(name);
            double expected = t.get("tia_MBq_h").asDouble();
            assertEquals(expected, row.get("tia_MBq_h").asDouble(), 0.01 * expected, name);
            JsonNode v = row.get("voxel_fits");
            assertEquals(v.get("voxels").asLong(), v.get("fitted").asLong() + v.get("from_structure").asLong()
                    + v.get("no_activity").asLong(), name);
            assertTrue(v.get("fitted").asLong() > 0, name);
            assertTrue(row.get("fit_reason").asText().startsWith("voxel method: TIA the sum of the voxel TIA map"),
                    name);
            String note = "C1 " + name + " voxels: " + v.get("fitted").asLong() + " fitted";
            assertTrue(r.get("notes").toString().contains(note), note + " in " + r.get("notes"));
            assertEquals(1, o.err().lines().filter(l -> l.startsWith("note: " + note)).count(), o.err());
        }
        assertTrue(c.get("rest_of_body").get("voxel_fits").has("no_activity"));
        assertTrue(result.get("cycles").get(0).get("structures").get(0).get("voxel_fits").isNull(),
                "no voxel paths for the organ method");
        assertEquals("organ", result.get("cycles").get(0).get("method").asText());
        float[] written = doseengine.geometry.io.ImageFiles.read(o2.resolve("C1/tia.nii.gz")).toFloat().data();
        float[] exact = doseengine.geometry.io.ImageFiles.read(patient.resolve("truth_tia.nii.gz")).toFloat().data();
        for (int i = 0; i < exact.length; i++) {
            assertEquals(exact[i], written[i], 0.01 * exact[i], "voxel " + i);
        }
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(n -> m.put(n.get("name").asText(), n));
        return m;
    }
}
