package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.dosimetry.treatment.StructureKind;
import doseengine.dosimetry.treatment.StructureKinds;
import doseengine.geometry.LabelMap;
import doseengine.geometry.Volume;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.DoseProblems;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's pictures and kidney BED maps end to end on the synthetic patient ({@code phantom torso_study}, 8 mm
 * voxels, 3e4 decays, Java backend: the numbers are noisy, the checks are of what is written and how it relates).
 */
class StudyImagesCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** {@code DvhPlot}'s size. */
    static final int DVH_WIDTH = 1100, DVH_HEIGHT = 650;
    /** {@code TimeActivityPlot}'s size. */
    static final int TAC_WIDTH = 800, TAC_HEIGHT = 500;

    @TempDir
    static Path tmp;
    static Path patient;
    static Path out;
    static JsonNode result;
    static JsonNode truth;

    @BeforeAll
    static void runStudy() throws Exception {
        patient = tmp.resolve("patient");
        CliRunner.Outcome p = CliRunner.run("phantom", "torso_study", "--out", patient.toString(), "--voxel-mm", "8");
        assertEquals(0, p.exitCode(), p.err());
        out = tmp.resolve("out");
        CliRunner.Outcome s = CliRunner.run("study", patient.resolve("study.json").toString(), "--out",
                out.toString(), "--decays", "3e4", "--seed", "2", "--backend", "java");
        assertEquals(0, s.exitCode(), s.err());
        result = JSON.readTree(out.resolve("study.json").toFile());
        truth = JSON.readTree(patient.resolve("truth.json").toFile());
    }

    static BufferedImage png(String file) throws Exception {
        Path f = out.resolve(file);
        assertTrue(Files.isRegularFile(f), file);
        BufferedImage img = ImageIO.read(f.toFile());
        assertNotNull(img, file + " is not a PNG");
        return img;
    }

    static void assertSize(String file, int width, int height) throws Exception {
        BufferedImage img = png(file);
        assertEquals(width, img.getWidth(), file);
        assertEquals(height, img.getHeight(), file);
    }

    @Test
    void timeActivityPlotsAndDvhsAreValidPngsOfTheirSize() throws Exception {
        for (JsonNode t : truth.get("structures")) {
            assertSize("C1/tac_" + t.get("name").asText() + ".png", TAC_WIDTH, TAC_HEIGHT);
        }
        assertSize("C1/dvh.png", DVH_WIDTH, DVH_HEIGHT);
        assertSize("dvh_cumulative.png", DVH_WIDTH, DVH_HEIGHT);
        JsonNode c = result.get("cycles").get(0);
        assertEquals("C1/dvh.png", c.get("dvh").asText());
        assertEquals("dvh_cumulative.png", result.get("cumulative_dvh").asText());
        String html = Files.readString(out.resolve("report.html"));
        for (String link : List.of("C1/dvh.png", "dvh_cumulative.png", "C1/bed_kidneys.nii.gz",
                "cumulative_bed_kidneys.nii.gz")) {
            assertTrue(html.contains("href=\"" + link + "\""), link);
        }
    }

    /** Every tumour of the phantom (kind LESION) has its picture, of the run picture's size, linked. */
    @Test
    void everyLesionHasADoseSliceLinkedFromTheReport() throws Exception {
        List<String> lesions = new ArrayList<>();
        for (JsonNode t : truth.get("structures")) {
            String name = t.get("name").asText();
            if (StructureKinds.standard().kindOf(name) == StructureKind.LESION) {
                lesions.add(name);
            }
        }
        assertEquals(List.of("tumour_1", "tumour_2", "tumour_3"), lesions);
        BufferedImage run = png("C1/dose_slice.png");
        String html = Files.readString(out.resolve("report.html"));
        List<String> listed = new ArrayList<>();
        result.get("cycles").get(0).get("lesion_slices").forEach(l -> listed.add(l.get("name").asText()));
        assertEquals(lesions, listed);
        for (String name : lesions) {
            String file = "C1/lesion_" + name + ".png";
            assertSize(file, run.getWidth(), run.getHeight());
            assertTrue(html.contains("href=\"" + file + "\""), file);
        }
    }

    /**
     * {@code C1/bed_kidneys.nii.gz}: in every kidney voxel {@code D + g D^2/(alpha/beta)} with the voxel's dose from
     * {@code C1/dose.nii.gz} and the structure's shape factor g recovered from its BED and mean dose in study.json
     * (1e-5 relative: float maps); 0 in every other voxel. The map's mean exceeds the structure's BED (BED is not
     * linear in dose); one cycle, so the summed map is the cycle's.
     */
    @Test
    void kidneyBedMapFollowsEachVoxelsDose() throws Exception {
        double ab = TissueTable.defaults().get("kidney").orElseThrow().alphaBetaGy();
        Volume dose = ImageFiles.read(out.resolve("C1/dose.nii.gz"));
        Volume bed = ImageFiles.read(out.resolve("C1/bed_kidneys.nii.gz"));
        Volume summed = ImageFiles.read(out.resolve("cumulative_bed_kidneys.nii.gz"));
        LabelMap labels = DoseProblems.readLabels(patient.resolve("labels.nii.gz"), null, dose.grid(),
                new ArrayList<>());
        Map<String, JsonNode> rows = byName(result.get("cycles").get(0).get("structures"));
        Map<String, JsonNode> cumulative = byName(result.get("cumulative"));
        float[] expected = new float[dose.grid().voxelCount()];
        int kidneys = 0;
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            JsonNode row = rows.get(e.getValue());
            if (StructureKinds.standard().kindOf(e.getValue()) != StructureKind.KIDNEY) {
                assertTrue(row.get("voxel_bed_mean_Gy").isNull(), e.getValue());
                continue;
            }
            kidneys++;
            double d = row.get("mean_Gy").asDouble();
            double structureBed = row.get("bed_Gy").asDouble();
            double g = (structureBed - d) * ab / (d * d);
            for (int v : labels.voxelsOf(e.getKey())) {
                double dv = dose.valueAt(v);
                expected[v] = (float) (dv + g * dv * dv / ab);
            }
            double mean = row.get("voxel_bed_mean_Gy").asDouble();
            assertTrue(mean > structureBed, e.getValue() + ": mean of the map " + mean + " > BED " + structureBed);
            assertTrue(row.get("voxel_bed_max_Gy").asDouble() >= mean, e.getValue());
            assertEquals(mean, cumulative.get(e.getValue()).get("voxel_bed_mean_Gy").asDouble(), 1e-6 * mean);
        }
        assertEquals(4, kidneys);
        for (int v = 0; v < expected.length; v++) {
            assertEquals(expected[v], bed.valueAt(v), 1e-5 * Math.max(1, expected[v]), "voxel " + v);
            assertEquals(bed.valueAt(v), summed.valueAt(v), 0, "voxel " + v);
        }
        assertEquals("C1/bed_kidneys.nii.gz", result.get("cycles").get(0).get("bed_kidneys").asText());
        assertEquals("cumulative_bed_kidneys.nii.gz", result.get("cumulative_bed_kidneys").asText());
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> m = new HashMap<>();
        list.forEach(n -> m.put(n.get("name").asText(), n));
        return m;
    }
}
