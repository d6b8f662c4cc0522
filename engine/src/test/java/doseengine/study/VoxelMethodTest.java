package doseengine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.TorsoStudyFolder;
import doseengine.phantoms.TorsoStudy;
import doseengine.physics.decay.NuclideCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voxel method ({@link CycleActivity#integrate(Cycle, DoseMethod)}, {@link VoxelTiaMap}) on the synthetic
 * patient ({@code phantom torso_study} at 8 mm, noiseless 4, 24, 96, 168 h), against {@code truth.json} and
 * {@code truth_tia.nii.gz}.
 */
class VoxelMethodTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[] HOURS = {4, 24, 96, 168};

    @TempDir
    static Path dir;
    static JsonNode truth;
    static CycleTia voxel;
    static String log;

    @BeforeAll
    static void integrateTheSyntheticPatient() throws Exception {
        double halfLifeH = NuclideCatalog.get(TorsoStudyFolder.NUCLIDE).halfLifeSeconds() / 3600;
        TorsoStudyFolder.write(dir, TorsoStudy.create(8, halfLifeH));
        truth = JSON.readTree(dir.resolve("truth.json").toFile());
        StringWriter out = new StringWriter();
        voxel = integrate(dir.resolve("study.json"), DoseMethod.VOXEL, out);
        log = out.toString();
    }

    private static CycleTia integrate(Path studyFile, DoseMethod method, StringWriter out) {
        Study study = StudyFile.read(studyFile);
        return CycleActivity.of(study.nuclide(), new PrintWriter(out)).integrate(study.cycles().get(0), method);
    }

    private static Path studyFile(String name, String... timePoints) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, ("{'nuclide': 'Lu-177', 'cycles': [{'name': 'C1', 'administered_MBq': 7400, "
                + "'time_points': [" + String.join(", ", timePoints) + "]}]}").replace('\'', '"'));
        return file;
    }

    private static String point(int hours, String ct, String activity, String labels) {
        return String.format(Locale.ROOT, "{'hours': %d, 'ct': '%s', 'activity': '%s', 'activity_unit': 'MBq', "
                + "'labels': '%s'}", hours, ct, activity, labels);
    }

    private static String activity(int hours) {
        return String.format(Locale.ROOT, "t%03dh/activity.nii.gz", hours);
    }

    /** Noiseless: every structure's TIA (the map's sum over it) within 1 % of the analytic integral. */
    @Test
    void everyStructuresTiaIsWithinOnePercentOfTheTruth() {
        assertEquals(DoseMethod.VOXEL, voxel.method());
        assertEquals(truth.get("structures").size(), voxel.structures().size());
        for (JsonNode s : truth.get("structures")) {
            StructureTia t = voxel.structure(s.get("name").asText());
            double expected = s.get("tia_MBq_h").asDouble();
            assertEquals(expected, t.tiaMBqH(), 0.01 * expected, t.name() + ": " + t.reason());
            assertTrue(t.tiaSigmaMBqH() > 0 && t.tiaSigmaMBqH() < t.tiaMBqH(), t.name());
            VoxelCounts c = voxel.voxelCounts().get(t.name());
            assertEquals(0, c.fromStructure(), t.name() + ": " + c.summary());
            assertTrue(c.fitted() > 0, t.name() + ": " + c.summary());
        }
    }

    /**
     * The map within 1 % of {@code truth_tia.nii.gz} in every voxel whose true TIA is at least 1e-6 of the largest
     * (every voxel with activity in this patient: the threshold only keeps float underflow out), and 0 where the
     * truth is 0.
     */
    @Test
    void theMapIsWithinOnePercentOfTheTrueMapInEveryVoxelWithActivity() {
        float[] exact = ImageFiles.read(dir.resolve("truth_tia.nii.gz")).toFloat().data();
        float[] map = voxel.tiaMBqH().data();
        double max = 0;
        for (float v : exact) {
            max = Math.max(max, v);
        }
        int checked = 0;
        double worst = 0;
        for (int v = 0; v < map.length; v++) {
            if (exact[v] >= 1e-6 * max) {
                double rel = Math.abs(map[v] - exact[v]) / exact[v];
                worst = Math.max(worst, rel);
                checked++;
            } else if (exact[v] == 0) {
                assertEquals(0, map[v], 0, "voxel " + v);
            }
        }
        assertTrue(checked > 1000, "voxels checked " + checked);
        assertTrue(worst < 0.01, "largest relative difference " + worst);
    }

    /**
     * Structures of uniform uptake (each time point's structure activity spread evenly over its voxels): every
     * voxel's curve is its structure's divided by the voxel count, so the voxel and organ methods give the same
     * map (1e-5 per voxel, the minimisers' tolerance) and the same TIAs.
     */
    @Test
    void voxelAndOrganMethodsAgreeOnUniformUptake() throws Exception {
        short[] labels = ((ShortVolume) ImageFiles.read(dir.resolve("labels.nii.gz"))).data();
        String[] points = new String[HOURS.length];
        for (int i = 0; i < HOURS.length; i++) {
            FloatVolume a = ImageFiles.read(dir.resolve(activity(HOURS[i]))).toFloat();
            double[] sum = new double[Short.MAX_VALUE + 1];
            int[] count = new int[Short.MAX_VALUE + 1];
            for (int v = 0; v < labels.length; v++) {
                sum[labels[v]] += a.data()[v];
                count[labels[v]]++;
            }
            float[] uniform = new float[labels.length];
            for (int v = 0; v < labels.length; v++) {
                uniform[v] = (float) (sum[labels[v]] / count[labels[v]]);
            }
            String file = String.format(Locale.ROOT, "uniform_%03dh.nii.gz", HOURS[i]);
            ImageFiles.write(dir.resolve(file), new FloatVolume(a.grid(), uniform));
            points[i] = point(HOURS[i], "ct.nii.gz", file, "labels.nii.gz");
        }
        Path file = studyFile("study_uniform.json", points);
        CycleTia organ = integrate(file, DoseMethod.ORGAN, new StringWriter());
        CycleTia byVoxel = integrate(file, DoseMethod.VOXEL, new StringWriter());
        assertEquals(DoseMethod.VOXEL, byVoxel.method());
        float[] o = organ.tiaMBqH().data();
        float[] v = byVoxel.tiaMBqH().data();
        for (int i = 0; i < o.length; i++) {
            assertEquals(o[i], v[i], 1e-5 * Math.abs(o[i]) + 1e-30, "voxel " + i);
        }
        for (StructureTia s : organ.structures()) {
            StructureTia b = byVoxel.structure(s.name());
            assertEquals(s.tiaMBqH(), b.tiaMBqH(), 1e-5 * s.tiaMBqH(), s.name());
            assertEquals(s.tiaSigmaMBqH() / s.tiaMBqH(), b.tiaSigmaMBqH() / b.tiaMBqH(), 1e-5, s.name());
            assertEquals(s.model(), b.model(), s.name());
        }
    }

    /**
     * A time point whose CT (with its activity and labels) lies on a grid shifted by one voxel: the cycle runs the
     * organ method, says so in its notes and the log, and gives the organ method's TIAs.
     */
    @Test
    void timePointsOnDifferentGridsFallBackToTheOrganMethodWithANote() throws Exception {
        VoxelGrid g = ImageFiles.read(dir.resolve("ct.nii.gz")).grid();
        double[] o = g.origin();
        VoxelGrid shifted = new VoxelGrid(g.nx(), g.ny(), g.nz(), g.spacingX(), g.spacingY(), g.spacingZ(),
                new double[] {o[0] + g.spacingX(), o[1], o[2]}, g.direction());
        Files.createDirectories(dir.resolve("moved"));
        ImageFiles.write(dir.resolve("moved/ct.nii.gz"),
                new FloatVolume(shifted, ImageFiles.read(dir.resolve("ct.nii.gz")).toFloat().data()));
        ImageFiles.write(dir.resolve("moved/activity.nii.gz"),
                new FloatVolume(shifted, ImageFiles.read(dir.resolve(activity(96))).toFloat().data()));
        ImageFiles.write(dir.resolve("moved/labels.nii.gz"),
                new ShortVolume(shifted, ((ShortVolume) ImageFiles.read(dir.resolve("labels.nii.gz"))).data()));
        Files.copy(dir.resolve("labels.json"), dir.resolve("moved/labels.json"));
        Path file = studyFile("study_moved.json", point(4, "ct.nii.gz", activity(4), "labels.nii.gz"),
                point(24, "ct.nii.gz", activity(24), "labels.nii.gz"),
                point(96, "moved/ct.nii.gz", "moved/activity.nii.gz", "moved/labels.nii.gz"),
                point(168, "ct.nii.gz", activity(168), "labels.nii.gz"));
        StringWriter out = new StringWriter();
        CycleTia moved = integrate(file, DoseMethod.VOXEL, out);
        assertEquals(DoseMethod.ORGAN, moved.method());
        assertTrue(moved.voxelCounts().isEmpty());
        assertEquals(1, moved.notes().size(), moved.notes().toString());
        String note = moved.notes().get(0);
        assertTrue(note.contains("time_points[2]") && note.contains("organ method"), note);
        assertTrue(out.toString().contains("note: " + note), out.toString());
        CycleTia organ = integrate(dir.resolve("study.json"), DoseMethod.ORGAN, new StringWriter());
        for (StructureTia s : organ.structures()) {
            assertEquals(s.tiaMBqH(), moved.structure(s.name()).tiaMBqH(), 1e-9 * s.tiaMBqH(), s.name());
        }
    }

    /** The notes and log report, per structure and the rest of the body, how many voxels took each path. */
    @Test
    void theNotesCountEachPathPerStructure() {
        for (JsonNode s : truth.get("structures")) {
            String name = s.get("name").asText();
            assertTrue(voxel.notes().stream().anyMatch(n -> n.startsWith("C1 " + name + " voxels: ")
                    && n.contains(" fitted (mono ")), name + ": " + voxel.notes());
            assertTrue(log.contains("note: C1 " + name + " voxels: "), log);
        }
        assertTrue(voxel.notes().stream().anyMatch(n -> n.startsWith("C1 rest of body voxels: ")), voxel.notes()
                .toString());
        long total = voxel.voxelCounts().values().stream().mapToLong(VoxelCounts::voxels).sum();
        assertEquals(voxel.tiaMBqH().grid().voxelCount(), total, "single-layer labels: each voxel counted once");
    }
}
