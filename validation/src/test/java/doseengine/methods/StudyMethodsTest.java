package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code study --methods}: compare's methods on each cycle, beside the cycle's own Monte Carlo. */
class StudyMethodsTest {
    @TempDir
    static Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Outcome(cl.execute(args), out.toString(), err.toString());
    }

    @BeforeAll
    static void patient() {
        Outcome o = run("phantom", "torso_study", "--out", dir.resolve("patient").toString(), "--voxel-mm", "8");
        assertEquals(0, o.exit(), o.err());
    }

    @Test
    void eachCycleGetsItsComparisonLinkedFromStudyJson() throws Exception {
        Path out = dir.resolve("study");
        Outcome o = run("study", dir.resolve("patient/study.json").toString(), "--out", out.toString(), "--decays",
                "100000", "--backend", "java", "--methods", "led,dpk", "--kernel-decays", "20000", "--kernel-cache",
                dir.resolve("cache").toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode study = new ObjectMapper().readTree(out.resolve("study.json").toFile());
        assertEquals("C1/compare/comparison.json", study.get("cycles").get(0).get("comparison").asText());
        JsonNode cmp = new ObjectMapper().readTree(out.resolve("C1/compare/comparison.json").toFile());
        JsonNode kidney = null;
        for (JsonNode s : cmp.get("structures")) {
            if (s.get("name").asText().equals("kidney_left_cortex")) {
                kidney = s;
            }
        }
        assertTrue(kidney != null, "the cycle's structures are compared");
        // The comparison's Monte Carlo is the cycle's own run: the same mean dose as study.json reports.
        double studyMean = 0;
        for (JsonNode s : study.get("cycles").get(0).get("structures")) {
            if (s.get("name").asText().equals("kidney_left_cortex")) {
                studyMean = s.get("mean_Gy").asDouble();
            }
        }
        assertEquals(studyMean, kidney.get("methods").get("mc").get("mean_Gy").asDouble(), 1e-9 * studyMean);
        assertTrue(kidney.get("methods").get("led").get("mean_Gy").asDouble() > 0);
        assertTrue(kidney.get("methods").get("dpk").get("mean_Gy").asDouble() > 0);
        assertTrue(Files.size(out.resolve("C1/compare/dpk/dose.nii.gz")) > 0);
        assertTrue(Files.size(out.resolve("C1/compare/report.html")) > 0);
    }

    @Test
    void badMethodsAreOneLineBeforeAnyOutput() {
        Path out = dir.resolve("refused");
        Outcome o = run("study", dir.resolve("patient/study.json").toString(), "--out", out.toString(), "--methods",
                "led,monte");
        assertEquals(2, o.exit());
        assertEquals("error: unknown method 'monte' in --methods: use mc, led, dpk, vsv, vsv-density, sphere",
                o.err().strip());
        assertFalse(Files.exists(out));
        Outcome g = run("study", dir.resolve("patient/study.json").toString(), "--out", out.toString(), "--gamma",
                "3%/3mm");
        assertEquals(2, g.exit());
        assertTrue(g.err().contains("belong to --methods"), g.err());
    }
}
