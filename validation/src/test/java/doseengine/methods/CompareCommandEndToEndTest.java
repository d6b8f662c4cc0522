package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.cli.Main;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code compare} from files to report on a small CT (12 x 10 x 8 voxels of 5 mm: soft tissue, a lung block, a hot
 * block): every file the contract names, the JSON fields, pictures that open, and a second run that takes its
 * kernels from the cache. The numbers are the physics tests' business (HomogeneousWorldComparisonTest).
 */
class CompareCommandEndToEndTest {
    @TempDir
    static Path dir;
    static String firstOut;
    static String secondOut;
    static int firstExit;
    static int secondExit;

    @BeforeAll
    static void runTwice() throws Exception {
        VoxelGrid g = VoxelGrid.centredCube(12, 10, 8, 5.0);
        short[] hu = new short[g.voxelCount()];
        float[] tia = new float[g.voxelCount()];
        short[] lab = new short[g.voxelCount()];
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 12; i++) {
                    int v = g.flatIndex(i, j, k);
                    boolean hot = i >= 2 && i < 5 && j >= 2 && j < 5 && k >= 2 && k < 5;
                    boolean lung = i >= 7 && i < 11 && j >= 1 && j < 8 && k >= 1 && k < 7;
                    hu[v] = (short) (lung ? -800 : 40);
                    tia[v] = hot ? 10f : lung ? 0.2f : 1f;
                    lab[v] = (short) (hot ? 1 : lung ? 2 : 0);
                }
            }
        }
        ImageFiles.write(dir.resolve("ct.nii.gz"), new ShortVolume(g, hu));
        ImageFiles.write(dir.resolve("tia.nii.gz"), new FloatVolume(g, tia));
        ImageFiles.write(dir.resolve("labels.nii.gz"), new ShortVolume(g, lab));
        Files.writeString(dir.resolve("labels.json"), "{\"labels\":[{\"value\":1,\"name\":\"hot\"},"
                + "{\"value\":2,\"name\":\"lung\"}]}");
        firstExit = run("out1");
        firstOut = lastOut;
        secondExit = run("out2");
        secondOut = lastOut;
    }

    static String lastOut;

    static int run(String out) {
        CommandLine cl = Main.commandLine();
        StringWriter o = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute("compare", "--ct", dir.resolve("ct.nii.gz").toString(), "--activity",
                dir.resolve("tia.nii.gz").toString(), "--labels", dir.resolve("labels.nii.gz").toString(),
                "--nuclide", "Lu-177", "--out", dir.resolve(out).toString(), "--decays", "50000", "--kernel-decays",
                "20000", "--kernel-cache", dir.resolve("cache").toString(), "--backend", "java");
        lastOut = o.toString();
        return code;
    }

    @Test
    void everyFileOfTheContractIsWritten() throws Exception {
        assertEquals(0, firstExit, firstOut);
        Path out = dir.resolve("out1");
        for (Method m : Method.values()) {
            assertTrue(Files.size(out.resolve(m.key()).resolve("dose.nii.gz")) > 0, m.key());
        }
        for (String f : List.of("comparison.json", "report.html", "profile.png", "dvh_hot.png", "dvh_lung.png",
                "difference_dpk.png", "difference_vsv-density.png", "mc/organs.json", "mc/uncertainty.nii.gz")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertNotNull(ImageIO.read(out.resolve("difference_led.png").toFile()), "a PNG that opens");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("src=\"dvh_hot.png\"") && html.contains("src=\"profile.png\"")
                && html.contains("src=\"difference_sphere.png\""), "the report links its pictures");
    }

    @Test
    void comparisonJsonHoldsEveryStructureAndMethod() throws Exception {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("out1/comparison.json").toFile());
        JsonNode structures = root.get("structures");
        assertEquals(2, structures.size());
        for (JsonNode s : structures) {
            assertTrue(s.get("mass_g").asDouble() > 0, s.toString());
            JsonNode mc = s.get("methods").get("mc");
            assertTrue(mc.get("rel_unc").asDouble() > 0 && mc.get("mean_Gy").asDouble() > 0, mc.toString());
            for (Method m : Method.values()) {
                JsonNode e = s.get("methods").get(m.key());
                assertNotNull(e, s.get("name") + " " + m.key());
                for (String f : List.of("mean_Gy", "D50_Gy", "diff_vs_mc_pct", "gamma_pass_rate")) {
                    assertTrue(e.has(f), s.get("name") + " " + m.key() + " lacks " + f);
                }
                if (m != Method.MC && !e.get("mean_Gy").isNull()) {
                    double expected = 100 * (e.get("mean_Gy").asDouble() / mc.get("mean_Gy").asDouble() - 1);
                    assertEquals(expected, e.get("diff_vs_mc_pct").asDouble(), 1e-9);
                }
            }
        }
        JsonNode hot = structures.get(0);
        assertEquals("hot", hot.get("name").asText());
        assertFalse(hot.get("methods").get("dpk").get("gamma_pass_rate").isNull(), "the hot block is above threshold");
        assertTrue(hot.get("methods").get("sphere").get("gamma_pass_rate").isNull(), "no gamma for the sphere model");
        assertEquals("3%/3mm,global,threshold=10%", root.get("gamma").get("criteria").asText());
    }

    @Test
    void theSecondRunTakesEveryTableFromTheCache() {
        assertEquals(0, secondExit, secondOut);
        assertTrue(firstOut.contains("computed now"), firstOut);
        assertTrue(secondOut.contains("kernels: all from the cache"), secondOut);
    }
}
