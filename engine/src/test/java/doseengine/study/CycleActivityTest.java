package doseengine.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.LabelNamesJson;
import doseengine.io.TorsoStudyFolder;
import doseengine.phantoms.TorsoStudy;
import doseengine.physics.decay.NuclideCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CycleActivity} on the synthetic patient ({@code phantom torso_study} at 8 mm): four noiseless time points
 * whose structures follow known bi-exponentials, against {@code truth.json} and {@code truth_tia.nii.gz}.
 */
class CycleActivityTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static JsonNode truth;
    static CycleTia result;
    static String log;

    @BeforeAll
    static void integrateTheSyntheticPatient() throws Exception {
        double halfLifeH = NuclideCatalog.get(TorsoStudyFolder.NUCLIDE).halfLifeSeconds() / 3600;
        TorsoStudyFolder.write(dir, TorsoStudy.create(8, halfLifeH));
        truth = JSON.readTree(dir.resolve("truth.json").toFile());
        StringWriter out = new StringWriter();
        result = integrate(dir.resolve("study.json"), out);
        log = out.toString();
    }

    private static CycleTia integrate(Path studyFile, StringWriter out) {
        Study study = StudyFile.read(studyFile);
        return CycleActivity.of(study.nuclide(), new PrintWriter(out)).integrate(study.cycles().get(0));
    }

    /** A one-cycle study file beside the synthetic patient's, with these time points (' for "). */
    private static Path studyFile(String name, String... timePoints) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, ("{'nuclide': 'Lu-177', 'cycles': [{'name': 'C1', 'administered_MBq': 7400, "
                + "'time_points': [" + String.join(", ", timePoints) + "]}]}").replace('\'', '"'));
        return file;
    }

    /** Noiseless: every structure's fitted TIA within 1 % of the analytic integral (tolerance of issue 14). */
    @Test
    void everyStructuresTiaIsWithinOnePercentOfTheTruth() {
        assertEquals(truth.get("structures").size(), result.structures().size());
        for (JsonNode s : truth.get("structures")) {
            StructureTia t = result.structure(s.get("name").asText());
            double expected = s.get("tia_MBq_h").asDouble();
            assertEquals(expected, t.tiaMBqH(), 0.01 * expected, t.name() + ": " + t.model() + ", " + t.reason());
            assertTrue(t.tiaSigmaMBqH() > 0 && t.tiaSigmaMBqH() < t.tiaMBqH(), t.name() + " sigma " + t.tiaSigmaMBqH());
            assertEquals(4, t.curve().size(), t.name());
        }
        // The synthetic patient has no activity outside its structures: the rest of the body integrates to 0.
        assertEquals(0, result.rest().tiaMBqH(), 0);
    }

    /** The map is built from the first (4 h) time point, on its CT grid, and holds each structure's TIA. */
    @Test
    void theMapSumsToEachStructuresTiaOnTheReferenceGrid() {
        assertEquals(4, result.reference().hoursAfterInjection(), 0);
        Volume ct = ImageFiles.read(dir.resolve("ct.nii.gz"));
        ct.grid().requireSameGrid(result.tiaMBqH().grid(), "ct", "TIA map");
        double[] sums = perLabel(result.tiaMBqH(), result.labels());
        assertEquals(0, sums[0], 0, "TIA outside every structure");
        for (Map.Entry<Integer, String> e : result.labels().names().entrySet()) {
            double tia = result.structure(e.getValue()).tiaMBqH();
            assertEquals(tia, sums[e.getKey()], 1e-6 * tia, e.getValue());
        }
    }

    /**
     * Voxel by voxel, the map is the exact TIA map scaled per structure by TIA_fit / TIA_true (the synthetic patient
     * keeps one pattern within each structure at all times): within 1e-5 relative (float voxels), and so within
     * 1 % of the exact map.
     */
    @Test
    void theMapIsTheExactTiaMapScaledPerStructure() {
        FloatVolume exact = ImageFiles.read(dir.resolve("truth_tia.nii.gz")).toFloat();
        Map<Integer, Double> ratio = new HashMap<>();
        for (JsonNode s : truth.get("structures")) {
            ratio.put(s.get("label").asInt(),
                    result.structure(s.get("name").asText()).tiaMBqH() / s.get("tia_MBq_h").asDouble());
        }
        float[] map = result.tiaMBqH().data();
        float[] want = exact.data();
        short[] labels = result.labels().volume().data();
        int inside = 0;
        for (int v = 0; v < map.length; v++) {
            if (labels[v] == 0) {
                assertEquals(0, map[v], 0, "voxel " + v + " outside every structure");
                continue;
            }
            inside++;
            double scaled = want[v] * ratio.get((int) labels[v]);
            assertEquals(scaled, map[v], 1e-5 * scaled, "voxel " + v);
            assertEquals(want[v], map[v], 0.01 * want[v], "voxel " + v);
        }
        assertTrue(inside > 1000, "voxels inside structures: " + inside);
    }

    /** A line per time point read and per structure fitted (and the rest of the body). */
    @Test
    void progressHasALinePerTimePointAndPerStructure() {
        long timePoints = log.lines().filter(l -> l.matches("C1 \\d+ h \\(cycles\\[0\\]\\.time_points\\[\\d\\].*"))
                .count();
        long fits = log.lines().filter(l -> l.matches("C1 [a-z_0-9 ]+: [a-z-]+, TIA .* MBq h.*")).count();
        assertEquals(4, timePoints, log);
        assertEquals(result.structures().size() + 1, fits, log);
        assertTrue(log.contains("C1 4 h (cycles[0].time_points[0], reference)"), log);
    }

    /** One time point (96 h): Hänscheid's A(t) 2t / ln 2 for every structure, to 1e-9. */
    @Test
    void aSingleTimePointCycleGivesHanscheidsValue() throws Exception {
        Path file = studyFile("study_96h.json", "{'hours': 96, 'ct': 'ct.nii.gz', 'activity': "
                + "'t096h/activity.nii.gz', 'activity_unit': 'MBq', 'labels': 'labels.nii.gz'}");
        CycleTia one = integrate(file, new StringWriter());
        assertEquals(96, one.reference().hoursAfterInjection(), 0);
        for (JsonNode s : truth.get("structures")) {
            StructureTia t = one.structure(s.get("name").asText());
            double a96 = one.sums().get(0).structures().get(t.name());
            assertEquals(s.get("activity_MBq").get(2).asDouble(), a96, 1e-4 * a96, t.name() + " activity at 96 h");
            double expected = a96 * 2 * 96 / Math.log(2);
            assertEquals(StructureTia.HANSCHEID, t.model());
            assertEquals(expected, t.tiaMBqH(), 1e-9 * expected, t.name());
            assertEquals(0.1 * expected, t.tiaSigmaMBqH(), 1e-9 * expected, t.name() + ": 10 % of the activity");
        }
    }

    /**
     * The 24 h activity as a SPECT would hold it: Bq/ml on a grid of 4 mm voxels, half the CT's, offset by half a CT
     * voxel. Converted with the SPECT's own voxel volume, then resampled onto the CT grid by exact overlap: each
     * structure's MBq equals that of the MBq image on the CT grid (float rounding, 1e-5).
     */
    @Test
    void bqPerMlOnAFinerGridIsConvertedThenResampledOntoTheCt() throws Exception {
        FloatVolume mbq = ImageFiles.read(dir.resolve("t024h/activity.nii.gz")).toFloat();
        VoxelGrid g = mbq.grid();
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 0, "axis-aligned CT");
        double[] o = g.origin();
        VoxelGrid fine = new VoxelGrid(2 * g.nx(), 2 * g.ny(), 2 * g.nz(), g.spacingX() / 2, g.spacingY() / 2,
                g.spacingZ() / 2, new double[] {o[0] - g.spacingX() / 4, o[1] - g.spacingY() / 4,
                    o[2] - g.spacingZ() / 4});
        double ml = g.voxelVolumeCm3();
        FloatVolume spect = new FloatVolume(fine);
        for (int k = 0; k < fine.nz(); k++) {
            for (int j = 0; j < fine.ny(); j++) {
                for (int i = 0; i < fine.nx(); i++) {
                    spect.set(i, j, k, (float) (mbq.get(i / 2, j / 2, k / 2) * 1e6 / ml));
                }
            }
        }
        Files.createDirectories(dir.resolve("bqml"));
        ImageFiles.write(dir.resolve("bqml/spect.nii.gz"), spect);
        Path file = studyFile("study_bqml.json", "{'hours': 24, 'ct': 'ct.nii.gz', 'activity': 'bqml/spect.nii.gz', "
                + "'activity_unit': 'Bq/ml', 'labels': 'labels.nii.gz'}");
        StringWriter out = new StringWriter();
        CycleTia one = integrate(file, out);
        assertTrue(out.toString().contains("activity resampled onto the CT grid"), out.toString());
        for (JsonNode s : truth.get("structures")) {
            String name = s.get("name").asText();
            double expected = result.sums().get(1).structures().get(name);
            assertEquals(expected, one.sums().get(0).structures().get(name), 1e-5 * expected, name);
        }
    }

    /**
     * {@code labels_b.nii.gz}: the same label image, its names without {@code tumour_3}, whose voxels then belong to
     * no structure, the rest of the body.
     */
    private static void writeLabelsWithoutTumour3() throws Exception {
        Files.copy(dir.resolve("labels.nii.gz"), dir.resolve("labels_b.nii.gz"), StandardCopyOption.REPLACE_EXISTING);
        ObjectNode names = LabelNamesJson.newDocument();
        LabelNamesJson.read(dir.resolve("labels.json")).forEach((value, name) -> {
            if (!name.equals("tumour_3")) {
                LabelNamesJson.addLabel(names, value, name);
            }
        });
        LabelNamesJson.write(dir.resolve("labels_b.json"), names);
    }

    private static String point(int hours, String labels) {
        return String.format(Locale.ROOT, "{'hours': %d, 'ct': 'ct.nii.gz', 'activity': 't%03dh/activity.nii.gz', "
                + "'activity_unit': 'MBq', 'labels': '%s'}", hours, hours, labels);
    }

    /**
     * With tumour_3 unnamed, its activity is the rest of the body's: the rest's TIA is tumour_3's of the full study
     * (the same curve, 1e-9), and the map holds it in the voxels of no structure (1e-6).
     */
    @Test
    void theRestOfTheBodyHasItsOwnCurveAndScale() throws Exception {
        writeLabelsWithoutTumour3();
        Path file = studyFile("study_rest.json", point(4, "labels_b.nii.gz"), point(24, "labels_b.nii.gz"),
                point(96, "labels_b.nii.gz"), point(168, "labels_b.nii.gz"));
        CycleTia rest = integrate(file, new StringWriter());
        double expected = result.structure("tumour_3").tiaMBqH();
        assertTrue(expected > 0);
        assertEquals(expected, rest.rest().tiaMBqH(), 1e-9 * expected, rest.rest().reason());
        assertEquals(result.structures().size() - 1, rest.structures().size());
        double inRest = 0;
        float[] map = rest.tiaMBqH().data();
        short[] labels = rest.labels().volume().data();
        for (int v = 0; v < map.length; v++) {
            if (!rest.labels().names().containsKey((int) labels[v])) {
                inRest += map[v];
            }
        }
        assertEquals(expected, inRest, 1e-6 * expected);
    }

    /** A structure named at one time point and not at another: refused in one line naming both. */
    @Test
    void aStructureMissingAtOneTimePointIsRefused() throws Exception {
        writeLabelsWithoutTumour3();
        Path file = studyFile("study_missing.json", point(24, "labels.nii.gz"), point(96, "labels_b.nii.gz"));
        String m = assertThrows(BadInputException.class, () -> integrate(file, new StringWriter())).getMessage();
        assertEquals("cycles[0].time_points[1].labels: no structure \"tumour_3\", which cycles[0].time_points[0] has",
                m);
    }

    /** The exact TIA map given as a time point, its JSON saying MBq h per voxel: refused in one line. */
    @Test
    void aTimeIntegratedImageIsRefused() throws Exception {
        Path file = studyFile("study_tia.json", "{'hours': 24, 'ct': 'ct.nii.gz', 'activity': 'truth_tia.nii.gz', "
                + "'labels': 'labels.nii.gz'}");
        String m = assertThrows(BadInputException.class, () -> integrate(file, new StringWriter())).getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith("cycles[0].time_points[0].activity: "), m);
        assertTrue(m.contains("holds time-integrated activity (MBqh, from truth_tia.json)"), m);
    }

    /** An activity image with no unit in the study file nor beside it: refused in one line. */
    @Test
    void anActivityWithoutUnitIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("nounit"));
        Files.copy(dir.resolve("t024h/activity.nii.gz"), dir.resolve("nounit/spect.nii.gz"));
        Path file = studyFile("study_nounit.json", "{'hours': 24, 'ct': 'ct.nii.gz', 'activity': "
                + "'nounit/spect.nii.gz', 'labels': 'labels.nii.gz'}");
        String m = assertThrows(BadInputException.class, () -> integrate(file, new StringWriter())).getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.contains("no unit; give \"activity_unit\""), m);
    }

    @Test
    void rtstructOnANiftiCtIsRefusedInOneLine() throws Exception {
        // An RTSTRUCT's contours are patient coordinates of a frame of reference a NIfTI CT does not carry.
        Files.writeString(dir.resolve("rs.dcm"), "");
        Path file = studyFile("study_rs.json", "{'hours': 24, 'ct': 'ct.nii.gz', 'activity': "
                + "'t024h/activity.nii.gz', 'activity_unit': 'MBq', 'structures': 'rs.dcm'}");
        String m = assertThrows(BadInputException.class, () -> integrate(file, new StringWriter())).getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.contains("rs.dcm") && m.contains("needs the CT as DICOM"), m);
    }

    private static double[] perLabel(FloatVolume v, LabelMap labels) {
        double[] sum = new double[Short.MAX_VALUE + 1];
        short[] lab = labels.volume().data();
        for (int i = 0; i < lab.length; i++) {
            sum[lab[i]] += v.data()[i];
        }
        return sum;
    }
}
