package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.ModelSelection;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.TimeActivityCurve;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.LabelNamesJson;
import doseengine.physics.decay.NuclideCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phantom torso_study}: the synthetic patient's folder, checked against its own truth. */
class TorsoStudyCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double[] HOURS = {4, 24, 96, 168};

    @TempDir
    static Path tmp;
    static Path dir;
    static CliRunner.Outcome outcome;
    static JsonNode truth;
    static ShortVolume labels;
    static Map<Integer, String> names;

    @BeforeAll
    static void writeStudy() throws Exception {
        dir = tmp.resolve("study");
        outcome = CliRunner.run("phantom", "torso_study", "--out", dir.toString(), "--voxel-mm", "8");
        assertEquals(0, outcome.exitCode(), outcome.err());
        truth = JSON.readTree(dir.resolve("truth.json").toFile());
        labels = (ShortVolume) ImageFiles.read(dir.resolve("labels.nii.gz"));
        names = LabelNamesJson.read(dir.resolve("labels.json"));
    }

    @Test
    void everyFileIsWrittenOnTheCtGrid() throws Exception {
        Volume ct = ImageFiles.read(dir.resolve("ct.nii.gz"));
        assertEquals(8.0, ct.grid().spacingX(), 1e-6);
        for (String f : List.of("labels.json", "study.json", "truth.json", "truth_tia.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        for (String f : List.of("labels.nii.gz", "truth_tia.nii.gz", "t004h/activity.nii.gz", "t024h/activity.nii.gz",
                "t096h/activity.nii.gz", "t168h/activity.nii.gz")) {
            ct.grid().requireSameGrid(ImageFiles.read(dir.resolve(f)).grid(), "ct", f);
        }
        for (String t : List.of("t004h", "t024h", "t096h", "t168h")) {
            JsonNode a = JSON.readTree(dir.resolve(t).resolve("activity.json").toFile());
            assertEquals("MBq per voxel", a.get("activity_unit").asText(), t);
            assertEquals(7400, a.get("administered_MBq").asDouble(), 0, t);
        }
        assertEquals("MBq h per voxel", JSON.readTree(dir.resolve("truth_tia.json").toFile())
                .get("activity_unit").asText());
        assertTrue(outcome.out().contains("study.json"), outcome.out());
    }

    @Test
    void studyFileHasTheSpecifiedKeysAndRelativePathsThatExist() throws Exception {
        JsonNode s = JSON.readTree(dir.resolve("study.json").toFile());
        assertEquals(Set.of("nuclide", "method", "cycles"), keys(s));
        assertEquals("Lu-177", s.get("nuclide").asText());
        assertEquals("organ", s.get("method").asText());
        assertEquals(1, s.get("cycles").size());
        JsonNode c = s.get("cycles").get(0);
        assertEquals(Set.of("name", "administered_MBq", "injection", "time_points"), keys(c));
        assertEquals("C1", c.get("name").asText());
        assertEquals(7400, c.get("administered_MBq").asDouble(), 0);
        java.time.LocalDateTime.parse(c.get("injection").asText());
        JsonNode tps = c.get("time_points");
        assertEquals(HOURS.length, tps.size());
        for (int i = 0; i < HOURS.length; i++) {
            JsonNode tp = tps.get(i);
            assertEquals(Set.of("hours", "ct", "activity", "activity_unit", "labels"), keys(tp));
            assertEquals(HOURS[i], tp.get("hours").asDouble(), 0);
            assertEquals("MBq", tp.get("activity_unit").asText());
            for (String k : List.of("ct", "activity", "labels")) {
                Path p = Path.of(tp.get(k).asText());
                assertFalse(p.isAbsolute(), k + " " + p);
                assertTrue(Files.isRegularFile(dir.resolve(p)), k + " " + p);
            }
        }
    }

    @Test
    void eachStructureSumsToItsTrueActivityAtEveryTimePoint() {
        for (int i = 0; i < HOURS.length; i++) {
            double[] sums = perLabel(ImageFiles.read(dir.resolve(String.format(Locale.ROOT, "t%03dh/activity.nii.gz",
                    (int) HOURS[i]))));
            assertEquals(0, sums[0], 0, "activity outside every label");
            for (JsonNode s : truth.get("structures")) {
                double a0 = s.get("A0_MBq").asDouble();
                double lu = s.get("lambda_u_per_h").asDouble();
                double lw = s.get("lambda_w_per_h").asDouble();
                double expected = a0 * (Math.exp(-lw * HOURS[i]) - Math.exp(-lu * HOURS[i]));
                assertEquals(expected, s.get("activity_MBq").get(i).asDouble(), 1e-9 * expected);
                assertEquals(expected, sums[s.get("label").asInt()], 1e-4 * expected,
                        s.get("name").asText() + " at " + HOURS[i] + " h");
            }
        }
    }

    @Test
    void truthTiaIsTheAnalyticIntegralAndTheTiaMapHoldsItPerStructure() {
        double[] sums = perLabel(ImageFiles.read(dir.resolve("truth_tia.nii.gz")));
        double lambdaPhys = Math.log(2) / (NuclideCatalog.get("Lu-177").halfLifeSeconds() / 3600);
        assertEquals(names.size(), truth.get("structures").size());
        double total = 0;
        for (JsonNode s : truth.get("structures")) {
            String name = s.get("name").asText();
            assertEquals(name, names.get(s.get("label").asInt()));
            double lu = s.get("lambda_u_per_h").asDouble();
            double lw = s.get("lambda_w_per_h").asDouble();
            assertTrue(lw >= lambdaPhys && lu > lw, name);
            assertEquals(Math.log(2) / s.get("washout_half_life_h").asDouble(), lw, 1e-12 * lw, name);
            double analytic = s.get("A0_MBq").asDouble() * (1 / lw - 1 / lu);
            double tia = s.get("tia_MBq_h").asDouble();
            assertEquals(analytic, tia, 1e-9 * analytic, name);
            assertEquals(tia, sums[s.get("label").asInt()], 1e-4 * tia, name);
            total += s.get("A0_MBq").asDouble();
        }
        assertEquals(7400, total, 1e-6);
    }

    /**
     * The kinetics are ones the study's fits can recover from 4 noiseless points: the chosen model's TIA of every
     * structure's curve (sums of the images) within 1 % of the truth.
     */
    @Test
    void noiselessCurvesFromTheImagesFitToTheTruthWithinOnePercent() {
        List<double[]> sums = new ArrayList<>();
        for (double h : HOURS) {
            sums.add(perLabel(ImageFiles.read(dir.resolve(String.format(Locale.ROOT, "t%03dh/activity.nii.gz", (int) h)))));
        }
        PhysicalDecay lu177 = new PhysicalDecay(NuclideCatalog.get("Lu-177").halfLifeSeconds() / 3600);
        for (JsonNode s : truth.get("structures")) {
            int label = s.get("label").asInt();
            double[] a = new double[HOURS.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = sums.get(i)[label];
            }
            ModelSelection.Selection sel = ModelSelection.select(
                    TimeActivityCurve.of(HOURS, a, ActivityUncertainty.standard()), lu177);
            double t = s.get("tia_MBq_h").asDouble();
            assertEquals(t, sel.chosen().tiaMBqH(), 0.01 * t, s.get("name").asText() + ": " + sel.reason());
        }
    }

    @Test
    void badVoxelSizeIsRefusedAsForTheTorso() {
        for (String bad : List.of("-2", "0", "NaN")) {
            CliRunner.Outcome o = CliRunner.run("phantom", "torso_study", "--out", tmp.resolve("bad").toString(),
                    "--voxel-mm", bad);
            assertEquals(2, o.exitCode(), bad);
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().contains("voxel size"), o.err());
            assertFalse(Files.exists(tmp.resolve("bad").resolve("study.json")), bad);
        }
    }

    @Test
    void coarseVoxelsThatLoseStructuresSaySo() {
        CliRunner.Outcome o = CliRunner.run("phantom", "torso_study", "--out", tmp.resolve("coarse").toString(),
                "--voxel-mm", "40");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().startsWith("warning: at 40.0 mm no voxel holds "), o.err());
        assertTrue(o.err().contains("tumour_3"), o.err());
        assertFalse(outcome.err().contains("warning"), outcome.err());
    }

    private static double[] perLabel(Volume v) {
        double[] sum = new double[Short.MAX_VALUE + 1];
        short[] lab = labels.data();
        for (int i = 0; i < lab.length; i++) {
            sum[lab[i]] += v.valueAt(i);
        }
        return sum;
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> k = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            k.add(it.next());
        }
        return k;
    }

    /** The synthetic patient's study file is what the study reader accepts: one cycle, four time points, one set of structures. */
    @Test
    void theStudyFileReadsBackThroughTheStudyReader() {
        doseengine.study.Study study = doseengine.study.StudyFile.read(dir.resolve("study.json"));
        assertEquals("Lu-177", study.nuclide().name());
        assertEquals(doseengine.study.DoseMethod.ORGAN, study.method());
        assertEquals(1, study.cycles().size());
        doseengine.study.Cycle c = study.cycles().get(0);
        assertEquals(7400, c.administeredMBq(), 1e-9);
        assertEquals(HOURS.length, c.timePoints().size());
        for (int t = 0; t < HOURS.length; t++) {
            assertEquals(HOURS[t], c.timePoints().get(t).hoursAfterInjection(), 1e-12);
            assertTrue(Files.isRegularFile(c.timePoints().get(t).activity()), c.timePoints().get(t).activity().toString());
        }
        study.requireSameStructures(src -> new java.util.HashSet<>(LabelNamesJson.read(
                src.file().resolveSibling("labels.json")).values()));
    }
}
