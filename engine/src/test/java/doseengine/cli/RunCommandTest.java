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
import doseengine.dosimetry.DoseConversion;
import doseengine.kernels.opencl.OpenClTestSupport;
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
        assertEquals("mc", j.get("method").asText());
        assertEquals(10, j.get("batches").asInt());
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
            // Voxels are far noisier than the label's mean; the administered activity is not known here.
            double voxelUnc = l.get("median_voxel_rel_unc").asDouble();
            assertTrue(voxelUnc > relUnc && voxelUnc <= 1, "median voxel unc " + voxelUnc);
            assertTrue(l.get("mean_Gy_per_GBq").isNull(), l.toString());
            assertTrue(l.get("D98_Gy").asDouble() <= l.get("D50_Gy").asDouble()
                    && l.get("D50_Gy").asDouble() <= l.get("D2_Gy").asDouble()
                    && l.get("D2_Gy").asDouble() <= l.get("max_Gy").asDouble());
        }
        // The maximum in tissue is a voxel of the dose map, with that voxel's uncertainty beside it.
        JsonNode max = j.get("max_dose");
        VoxelGrid g = RunInputs.grid();
        int at = g.flatIndex(max.get("voxel").get(0).asInt(), max.get("voxel").get(1).asInt(),
                max.get("voxel").get(2).asInt());
        assertEquals(d[at], max.get("Gy").asDouble(), 0);
        assertEquals(max.get("Gy").asDouble(), j.get("max_dose_Gy").asDouble(), 0);
        assertEquals(unc.toFloat().data()[at], max.get("rel_unc").asDouble(), 0);
        assertTrue(j.get("administered_MBq").isNull());

        List<String> csv = Files.readAllLines(out.resolve("organs.csv"));
        assertEquals("name,label,voxels,mass_g,mean_Gy,rel_unc,mean_Gy_per_decay,min_Gy,max_Gy,D2_Gy,D50_Gy,D98_Gy,"
                + "median_voxel_rel_unc,mean_Gy_per_GBq", csv.get(0));
        assertTrue(csv.get(1).endsWith(","), "no administered activity, no Gy/GBq: " + csv.get(1));
        assertEquals(3, csv.size());
        BufferedImage dvh = ImageIO.read(out.resolve("dvh.png").toFile());
        BufferedImage slice = ImageIO.read(out.resolve("dose_slice.png").toFile());
        assertTrue(dvh.getWidth() >= 800 && slice.getWidth() >= 600);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<img src=\"dvh.png\"") && html.contains("<img src=\"dose_slice.png\""));
        assertTrue(html.contains("hot") && html.contains("seed") && html.contains("Lu-177"));
        assertTrue(o.out().contains("hot") && o.out().contains("lung"), o.out());
        assertTrue(o.err().contains("done: 20,000 decays"), o.err());
        assertTrue(o.err().contains("note: activity image read as time-integrated activity per voxel in MBq h (the "
                + "default; --activity-unit decides)"), o.err());
    }

    /**
     * Local energy deposition is computed exactly: nothing is sampled, the uncertainty is 0 everywhere, and every
     * voxel's dose is A~ x 3.6e9 x E_e / m, E_e the mean electron energy per decay of the engine's emission table
     * (the one Monte Carlo samples; within 0.1 % of ICRP 107's 0.147923 MeV for 177Lu), so the bone block (no
     * activity) has none and the hot label's mean is 10 MBq h worth of electrons over its mass.
     */
    @Test
    void localDepositionIsExactAndHasNoUncertainty() throws Exception {
        Path out = tmp.resolve("led");
        String[] args = in.args(out, "--administered-mbq", "7400");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--method")) {
                args[i + 1] = "led";
            }
        }
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("computed exactly"), o.err());
        assertFalse(o.err().contains("done:"), "no transport progress: " + o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals("led", j.get("method").asText());
        assertEquals(0, j.get("decays").asLong());
        assertEquals("exact", j.get("stop").get("reason").asText());
        float[] d = ((FloatVolume) ImageFiles.read(out.resolve("dose.nii.gz"))).data();
        float[] u = ((FloatVolume) ImageFiles.read(out.resolve("uncertainty.nii.gz"))).data();
        float[] rho = CtConverter.schneider2000().convert(new ShortVolume(RunInputs.grid(), RunInputs.hu()))
                .density().data();
        float[] a = RunInputs.activityMBqH();
        double eElectron = doseengine.physics.decay.EmissionTable.of(doseengine.physics.decay.NuclideCatalog
                .get("Lu-177")).expectedEnergyPerDecayMeV(doseengine.kernels.ParticleType.ELECTRON);
        assertEquals(0.147923, eElectron, 1e-3 * 0.147923);
        double volumeCm3 = RunInputs.grid().voxelVolumeCm3();
        for (int v = 0; v < d.length; v++) {
            double expected = a[v] * 3.6e9 * eElectron * DoseConversion.grayPerMeV(rho[v] * volumeCm3);
            assertEquals(expected, d[v], 1e-6 * expected, "voxel " + v);
            assertEquals(0f, u[v], "voxel " + v);
        }
        for (JsonNode l : j.get("labels")) {
            assertEquals(0, l.get("rel_unc").asDouble());
            assertEquals(0, l.get("median_voxel_rel_unc").asDouble());
            assertEquals(l.get("mean_Gy").asDouble() / 7.4, l.get("mean_Gy_per_GBq").asDouble(),
                    1e-12 * l.get("mean_Gy").asDouble());
        }
        JsonNode hot = j.get("labels").get(0);
        double hotMass = hot.get("mass_g").asDouble();
        assertEquals(27 * 10 * 3.6e9 * eElectron * DoseConversion.grayPerMeV(hotMass), hot.get("mean_Gy").asDouble(),
                1e-6 * hot.get("mean_Gy").asDouble());
        assertEquals(0, j.get("energy_balance").get("relative_imbalance").asDouble(), 1e-12);
        assertTrue(o.out().contains("exact (no decays sampled)"), o.out());
        assertEquals(2, CliRunner.run(in.args(tmp.resolve("led2"), "--method", "led", "--target-uncertainty", "0.05",
                "--target-label", "hot")).exitCode(), "no uncertainty to target");
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
        // The report names the device, not a thread count that means nothing for a device kernel.
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("decays/s on " + j.get("device").asText()), html);
        assertFalse(html.contains("1 threads"), html);
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
                "--max-decays", "4e5"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        JsonNode stop = j.get("stop");
        assertEquals("target_reached", stop.get("reason").asText());
        assertEquals("hot", stop.get("target_label").asText());
        assertEquals("mean", stop.get("target_statistic").asText());
        assertTrue(stop.get("target_regions").get(0).get("reached").asBoolean(), stop.toString());
        JsonNode hot = j.get("labels").get(0);
        assertEquals("hot", hot.get("name").asText());
        assertTrue(hot.get("rel_unc").asDouble() <= 0.03, hot.toString());
        assertEquals(hot.get("rel_unc").asDouble(), stop.get("target_regions").get(0).get("rel_unc").asDouble(), 0);
        long decays = j.get("decays").asLong();
        assertTrue(decays < 400_000, "decays " + decays);
        doseengine.transport.BatchPlan plan = doseengine.transport.BatchPlan.of(
                new doseengine.transport.StopRule.TargetUncertainty("hot", 0.03, 400_000), RunInputs.grid().voxelCount());
        assertEquals(plan.decaysBefore(j.get("batches").asInt()), decays, "stops at a batch end of the plan");
    }

    /** A union (one mean over both labels) and a median voxel uncertainty as the target. */
    @Test
    void targetsTakeUnionsAndTheMedianVoxelUncertainty() throws Exception {
        Path out = tmp.resolve("u");
        CliRunner.Outcome o = CliRunner.run(in.args(out, "--target-uncertainty", "0.2", "--target-label",
                "hot+lung", "--target-label", "hot", "--target-statistic", "voxel-median", "--max-decays", "1e6"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode stop = JSON.readTree(out.resolve("organs.json").toFile()).get("stop");
        assertEquals("hot+lung,hot", stop.get("target_label").asText());
        assertEquals("voxel-median", stop.get("target_statistic").asText());
        JsonNode regions = stop.get("target_regions");
        assertEquals(2, regions.size());
        for (JsonNode r : regions) {
            assertTrue(r.get("reached").asBoolean() && r.get("rel_unc").asDouble() <= 0.2, r.toString());
        }
        // The hot label's own median voxel uncertainty in the organ table is the one the rule watched.
        JsonNode hot = JSON.readTree(out.resolve("organs.json").toFile()).get("labels").get(0);
        assertEquals(regions.get(1).get("rel_unc").asDouble(), hot.get("median_voxel_rel_unc").asDouble(), 1e-6);
        assertEquals(2, CliRunner.run(in.args(tmp.resolve("x"), "--target-uncertainty", "0.2", "--target-label",
                "hot+liver")).exitCode(), "an unknown label in a union");
    }

    /**
     * A phantom's folder holds activity in MBq at t = 0, and says so in activity.json: run refuses to read it as
     * MBq h, asks for the integration time, and with it integrates the right total; the administered activity comes
     * from the same file.
     */
    @Test
    void runOnAPhantomsFolderReadsItsActivityUnit() throws Exception {
        Path ph = tmp.resolve("torso");
        assertEquals(0, CliRunner.run("phantom", "torso", "--voxel-mm", "12", "--out", ph.toString()).exitCode());
        String[] base = {"run", "--ct", ph.resolve("ct.nii.gz").toString(), "--activity",
            ph.resolve("activity.nii.gz").toString(), "--labels", ph.resolve("labels.nii.gz").toString(),
            "--nuclide", "Lu-177", "--method", "led"};
        CliRunner.Outcome refused = CliRunner.run(concat(base, "--out", tmp.resolve("r1").toString()));
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("activity.json says MBq per voxel")
                && refused.err().contains("--tia-hours"), refused.err());

        Path out = tmp.resolve("r2");
        CliRunner.Outcome o = CliRunner.run(concat(base, "--out", out.toString(), "--tia-hours", "100"));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals(7400 * 100, j.get("tia_MBq_h").asDouble(), 7400 * 100 * 1e-5);
        assertEquals(7400, j.get("administered_MBq").asDouble(), 7400 * 1e-6);
        assertTrue(o.err().contains("activity unit MBq from activity.json"), o.err());
        // An explicit unit wins over the file, with a note.
        CliRunner.Outcome forced = CliRunner.run(concat(base, "--out", tmp.resolve("r3").toString(),
                "--activity-unit", "MBqh"));
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.err().contains("--activity-unit MBqh takes precedence"), forced.err());
    }

    /**
     * A 2 % target on both kidney cortices (a union) of the torso stops near the decays it needs, whatever the
     * maximum: its final estimate is at most the target and not far below it. The uncertainty falls as 1/sqrt(N),
     * so an estimate of 0.6 of the target means about 2.8 times the decays needed; the rule's design point is about
     * 0.9 of the target (1.24 times the decays). A rule whose batches followed the default maximum of 10^8 stopped
     * at 0.11 of the target, 80 times the decays needed.
     */
    @Test
    void aKidneyTargetStopsNearTheDecaysItNeeds() throws Exception {
        Path ph = tmp.resolve("torso12");
        assertEquals(0, CliRunner.run("phantom", "torso", "--voxel-mm", "12", "--out", ph.toString()).exitCode());
        Path out = tmp.resolve("k");
        CliRunner.Outcome o = CliRunner.run("run", "--ct", ph.resolve("ct.nii.gz").toString(), "--activity",
                ph.resolve("activity.nii.gz").toString(), "--labels", ph.resolve("labels.nii.gz").toString(),
                "--nuclide", "Lu-177", "--tia-hours", "230", "--backend", "java", "--threads", "2",
                "--target-uncertainty", "0.02", "--target-label", "kidney_left_cortex+kidney_right_cortex",
                "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        JsonNode stop = JSON.readTree(out.resolve("organs.json").toFile()).get("stop");
        assertEquals("target_reached", stop.get("reason").asText());
        double estimate = stop.get("target_regions").get(0).get("rel_unc").asDouble();
        assertTrue(estimate <= 0.02 && estimate >= 0.6 * 0.02, "final estimate " + estimate);
        assertEquals(100_000_000, stop.get("max_decays").asLong());
    }

    /** A JSON beside the image that says nothing of the unit (dcm2niix writes one for every image) is passed over. */
    @Test
    void anotherToolsJsonBesideTheActivityDoesNotDecideItsUnit() throws Exception {
        Files.writeString(in.activity.resolveSibling("activity.json"), "{\"Modality\": \"NM\", \"Units\": \"BQML\"}");
        CliRunner.Outcome o = CliRunner.run(in.args(tmp.resolve("j"), "--decays", "2000"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().contains("read as time-integrated activity per voxel in MBq h (the default"), o.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
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
