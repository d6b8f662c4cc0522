package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.ct.CtConverter;
import doseengine.geometry.io.ImageFiles;
import doseengine.opencl.OpenClTestSupport;
import doseengine.tally.DoseConversion;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private RunInputs in;

    @BeforeEach
    void writeInputs() {
        in = RunInputs.write(tmp);
    }

    @Test
    void runWritesEveryOutputAndTheyAgreeWithEachOther() throws Exception {
        Path out = tmp.resolve("out");
        CliRunner.Outcome o = CliRunner.run(in.args(out, "--decays", "20000", "--threads", "2", "--seed", "42"));
        assertEquals(0, o.exitCode(), o.err());
        for (String f : List.of("dose.nii.gz", "uncertainty.nii.gz", "organs.csv", "organs.json", "dvh.png",
                "dose_slice.png", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Volume dose = ImageFiles.read(out.resolve("dose.nii.gz"));
        Volume unc = ImageFiles.read(out.resolve("uncertainty.nii.gz"));
        dose.grid().requireSameGrid(RunInputs.grid(), "dose", "CT");
        unc.grid().requireSameGrid(RunInputs.grid(), "uncertainty", "CT");

        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals(20_000, j.get("decays").asLong());
        assertEquals("java", j.get("backend").asText());
        assertEquals(42, j.get("seed").asLong());
        assertEquals("led", j.get("method").asText());
        assertEquals("Lu-177", j.get("nuclide").asText());
        // The total time-integrated activity is the activity image's sum (MBq h): 27 hot voxels of 10, 168 lung
        // voxels of 0.2, the 36 bone voxels 0, the other 729 voxels 1.
        assertEquals(27 * 10 + 168 * 0.2 + 729, j.get("tia_MBq_h").asDouble(), 1e-3);
        assertEquals(j.get("tia_MBq_h").asDouble() * 3.6e9, j.get("tia_decays").asDouble(), 1e3);
        for (String k : List.of("emitted_MeV_per_decay", "deposited_MeV_per_decay", "escaped_MeV_per_decay",
                "relative_imbalance")) {
            assertTrue(j.get("energy_balance").has(k), k);
        }

        // The label means of organs.json are the mass-weighted means of dose.nii.gz over the label's voxels (the
        // map is float, so agreement to 1e-5), and mean_Gy = mean_Gy_per_decay x decays of the TIA.
        float[] rho = CtConverter.schneider2000().convert(new ShortVolume(RunInputs.grid(), RunInputs.hu()))
                .density().data();
        short[] lab = RunInputs.labelValues();
        float[] d = dose.toFloat().data();
        JsonNode labels = j.get("labels");
        assertEquals(2, labels.size());
        for (JsonNode l : labels) {
            int value = l.get("name").asText().equals("hot") ? 1 : 2;
            double energyLike = 0, mass = 0;
            int voxels = 0;
            for (int v = 0; v < d.length; v++) {
                if (lab[v] == value) {
                    energyLike += d[v] * (double) rho[v];
                    mass += rho[v];
                    voxels++;
                }
            }
            assertEquals(voxels, l.get("voxels").asInt());
            assertEquals(mass * RunInputs.grid().voxelVolumeCm3(), l.get("mass_g").asDouble(), 1e-6 * mass);
            assertEquals(energyLike / mass, l.get("mean_Gy").asDouble(), 1e-5 * l.get("mean_Gy").asDouble());
            assertEquals(l.get("mean_Gy_per_decay").asDouble() * j.get("tia_decays").asDouble(),
                    l.get("mean_Gy").asDouble(), 1e-9 * l.get("mean_Gy").asDouble());
            double relUnc = l.get("rel_unc").asDouble();
            assertTrue(relUnc > 0 && relUnc < 0.2, "rel_unc " + relUnc);
            assertTrue(l.get("D98_Gy").asDouble() <= l.get("D50_Gy").asDouble()
                    && l.get("D50_Gy").asDouble() <= l.get("D2_Gy").asDouble()
                    && l.get("D2_Gy").asDouble() <= l.get("max_Gy").asDouble());
        }
        // LED puts no dose where there is no activity: the bone block (activity 0) has dose 0 everywhere.
        VoxelGrid g = RunInputs.grid();
        assertEquals(0f, d[g.flatIndex(3, 7, 3)]);
        assertEquals(1f, unc.toFloat().data()[g.flatIndex(3, 7, 3)]);

        List<String> csv = Files.readAllLines(out.resolve("organs.csv"));
        assertEquals("name,label,voxels,mass_g,mean_Gy,rel_unc,mean_Gy_per_decay,min_Gy,max_Gy,D2_Gy,D50_Gy,D98_Gy",
                csv.get(0));
        assertEquals(3, csv.size());
        BufferedImage dvh = ImageIO.read(out.resolve("dvh.png").toFile());
        BufferedImage slice = ImageIO.read(out.resolve("dose_slice.png").toFile());
        assertTrue(dvh.getWidth() >= 800 && slice.getWidth() >= 600);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<img src=\"dvh.png\"") && html.contains("<img src=\"dose_slice.png\""));
        assertTrue(html.contains("hot") && html.contains("seed") && html.contains("Lu-177"));
        assertTrue(o.out().contains("hot") && o.out().contains("lung"), o.out());
        assertTrue(o.err().contains("done: 20,000 decays"), o.err());
    }

    /**
     * The OpenCL backend end to end: {@code --backend opencl --method mc} transports on the device, says so in
     * organs.json, and conserves energy (relative imbalance within 1e-6, the fixed-point rounding of small deposits).
     * Skipped without an OpenCL device unless DOSEENGINE_REQUIRE_OPENCL=1.
     */
    @Test
    void openClBackendRunsTheMonteCarloOnTheDevice() throws Exception {
        int device = OpenClTestSupport.deviceIndex();
        Path out = tmp.resolve("ocl");
        String[] args = in.args(out, "--decays", "4000", "--seed", "3", "--device", Integer.toString(device));
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--method")) {
                args[i + 1] = "mc";
            } else if (args[i].equals("--backend")) {
                args[i + 1] = "opencl";
            }
        }
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals("opencl", j.get("backend").asText());
        assertEquals("mc", j.get("method").asText());
        assertTrue(j.get("device").asText().contains("OpenCL"), j.get("device").asText());
        assertTrue(Math.abs(j.get("energy_balance").get("relative_imbalance").asDouble()) <= 1e-6, j.toString());
        assertEquals(4000, j.get("decays").asLong());
        assertFalse(o.err().contains("warning"), o.err());
    }

    @Test
    void oneSeedGivesTheSameDoseFileWithOneAndThreeThreads() {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, CliRunner.run(in.args(a, "--decays", "5000", "--threads", "1")).exitCode());
        assertEquals(0, CliRunner.run(in.args(b, "--decays", "5000", "--threads", "3")).exitCode());
        assertArrayEquals(((FloatVolume) ImageFiles.read(a.resolve("dose.nii.gz"))).data(),
                ((FloatVolume) ImageFiles.read(b.resolve("dose.nii.gz"))).data());
        assertArrayEquals(((FloatVolume) ImageFiles.read(a.resolve("uncertainty.nii.gz"))).data(),
                ((FloatVolume) ImageFiles.read(b.resolve("uncertainty.nii.gz"))).data());
    }

    @Test
    void targetRunStopsWhenTheLabelReachesItsUncertainty() throws Exception {
        Path out = tmp.resolve("t");
        CliRunner.Outcome o = CliRunner.run(in.args(out, "--target-uncertainty", "0.03", "--target-label", "hot",
                "--max-decays", "400000"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals("target_reached", j.get("stop").get("reason").asText());
        JsonNode hot = j.get("labels").get(0);
        assertEquals("hot", hot.get("name").asText());
        assertTrue(hot.get("rel_unc").asDouble() <= 0.03, hot.toString());
        assertTrue(j.get("decays").asLong() < 400_000);
        assertEquals(0, j.get("decays").asLong() % 2000); // batches of 400000 / 200
    }

    @Test
    void activityOnACoarserGridIsResampledWithItsTotalKept() throws Exception {
        // The same region at 10 mm voxels (6 x 5 x 4), 2 MBq h per voxel: 120 voxels, 240 MBq h in total, all of it
        // inside the CT (the grids cover the same box).
        VoxelGrid coarse = VoxelGrid.centredCube(6, 5, 4, 10);
        float[] a = new float[coarse.voxelCount()];
        java.util.Arrays.fill(a, 2f);
        Path act = tmp.resolve("coarse.nii.gz");
        ImageFiles.write(act, new FloatVolume(coarse, a));
        Path out = tmp.resolve("r");
        CliRunner.Outcome o = CliRunner.run("run", "--ct", in.ct.toString(), "--activity", act.toString(), "--nuclide",
                "Y-90", "--out", out.toString(), "--method", "led", "--decays", "2000");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("activity resampled onto the CT grid"), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals(240, j.get("tia_MBq_h").asDouble(), 240 * 1e-5);
        assertEquals(0, j.get("labels").size());
        assertFalse(Files.exists(out.resolve("dvh.png")), "no labels, no DVH");
        assertTrue(Files.exists(out.resolve("dose_slice.png")));
    }

    @Test
    void labelsOnAFinerGridAreResampledByNearestNeighbour() throws Exception {
        // Labels at 2.5 mm voxels (24 x 20 x 16) over the same box: each CT voxel centre falls in a fine voxel of
        // the same structure, so the resampled labels equal the CT-grid labels exactly.
        VoxelGrid fine = VoxelGrid.centredCube(24, 20, 16, 2.5);
        short[] l = new short[fine.voxelCount()];
        for (int k = 0; k < 16; k++) {
            for (int j = 0; j < 20; j++) {
                for (int i = 0; i < 24; i++) {
                    l[fine.flatIndex(i, j, k)] = (short) (RunInputs.hot(i / 2, j / 2, k / 2) ? 1
                            : RunInputs.lung(i / 2, j / 2, k / 2) ? 2 : 0);
                }
            }
        }
        Path sub = Files.createDirectory(tmp.resolve("fine"));
        ImageFiles.write(sub.resolve("labels.nii.gz"), new ShortVolume(fine, l));
        Files.copy(in.labelNames, sub.resolve("labels.json"));
        Path out = tmp.resolve("f");
        CliRunner.Outcome o = CliRunner.run("run", "--ct", in.ct.toString(), "--activity", in.activity.toString(),
                "--nuclide", "I-131", "--labels", sub.resolve("labels.nii.gz").toString(), "--out", out.toString(),
                "--method", "led", "--decays", "2000");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("labels resampled onto the CT grid by nearest neighbour"), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals(27, j.get("labels").get(0).get("voxels").asInt());
        assertEquals(168, j.get("labels").get(1).get("voxels").asInt());
    }

    @Test
    void activityConcentrationIsIntegratedOverTheGivenHours() throws Exception {
        // 1000 Bq/ml in every voxel of 0.125 ml, 960 voxels, over 50 h: 960 x 0.125 x 1e-3 MBq x 50 h = 6 MBq h.
        float[] c = new float[RunInputs.grid().voxelCount()];
        java.util.Arrays.fill(c, 1000f);
        Path act = tmp.resolve("bqml.nii.gz");
        ImageFiles.write(act, new FloatVolume(RunInputs.grid(), c));
        Path out = tmp.resolve("c");
        CliRunner.Outcome o = CliRunner.run("run", "--ct", in.ct.toString(), "--activity", act.toString(), "--nuclide",
                "Lu-177", "--out", out.toString(), "--method", "led", "--decays", "1000", "--activity-unit", "Bq/ml",
                "--tia-hours", "50");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(6.0, JSON.readTree(out.resolve("organs.json").toFile()).get("tia_MBq_h").asDouble(), 6e-6);
    }
}
