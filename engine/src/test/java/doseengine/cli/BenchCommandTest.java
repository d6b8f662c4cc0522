package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.bench.ConvolutionBench;
import doseengine.bench.DicomCtBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The bench command's options and output structure, with tiny runs. No speed is asserted here: speed is what the
 * bench measures (docs/benchmarks.md), not something a unit test can hold a machine to.
 */
class BenchCommandTest {
    @TempDir
    Path tmp;

    private static JsonNode read(Path f) throws Exception {
        return new ObjectMapper().readTree(f.toFile());
    }

    @Test
    void writesMachineAndOneEntryPerProblemInTheOrderAsked() throws Exception {
        Path json = tmp.resolve("sub/bench.json");
        CliRunner.Outcome o = CliRunner.run("bench", "--problems", "torso_y90,lu177_water_cube", "--decays", "2000",
                "--voxel-mm", "12", "--warmup-decays", "0", "--threads", "2", "--backend", "java", "--out", json.toString());
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = read(json);

        assertTrue(j.get("arguments").toString().contains("\"--problems\",\"torso_y90,lu177_water_cube\""),
                j.get("arguments").toString());
        JsonNode m = j.get("machine");
        for (String k : List.of("os", "arch", "java_version", "cpu_model", "backend", "device")) {
            assertFalse(m.get(k).asText().isBlank(), k);
        }
        assertTrue(m.get("cores").asInt() >= 1);
        assertEquals("java", m.get("backend").asText());
        assertEquals("Java, 2 threads", m.get("device").asText());
        assertEquals(2, j.get("settings").get("threads").asInt());
        assertEquals(10.0, j.get("settings").get("electron_cutoff_keV").asDouble());

        JsonNode ps = j.get("problems");
        assertEquals(2, ps.size());
        JsonNode y90 = ps.get(0);
        JsonNode cube = ps.get(1);
        assertEquals("torso_y90", y90.get("name").asText());
        assertEquals("Y-90", y90.get("nuclide").asText());
        assertEquals(12.0, y90.get("voxel_mm").asDouble());
        assertEquals("lu177_water_cube", cube.get("name").asText());
        assertEquals("Lu-177", cube.get("nuclide").asText());
        assertEquals(2.0, cube.get("voxel_mm").asDouble(), "--voxel-mm is for the torso only");
        // 200 mm of water and 10 mm of air on each side, in 2 mm voxels.
        assertEquals("[110,110,110]", cube.get("grid").toString());
        assertEquals("[\"water_liquid\",\"air_dry_nearsealevel\"]", cube.get("materials").toString());
        for (JsonNode p : ps) {
            // 2000 decays are 10 batches of 200: exactly the decays asked.
            assertEquals(2000, p.get("decays").asLong());
            assertEquals(10, p.get("batches").asInt());
            assertEquals(3, p.get("grid").size());
            double s = p.get("seconds").asDouble();
            assertTrue(s > 0, p.toString());
            assertEquals(2000 / s, p.get("decays_per_s").asDouble(), 1e-9 * 2000 / s);
            assertTrue(p.get("table_build_s").asDouble() > 0, p.toString());
            assertTrue(p.get("electron_steps_per_decay").asDouble() > 0, p.toString());
            assertEquals(0, p.get("warmup_decays").asLong());
            // CPU time counts in 10 ms ticks, so a tiny run may have none: then both are unknown (null).
            JsonNode cpu = p.get("cpu_s");
            if (cpu.isNull() || cpu.asDouble() == 0) {
                assertTrue(p.get("decays_per_cpu_s").isNull(), p.toString());
            } else {
                assertEquals(2000 / cpu.asDouble(), p.get("decays_per_cpu_s").asDouble(), 1e-9 * 2000 / cpu.asDouble());
                assertEquals(cpu.asDouble() / s, p.get("cores_used").asDouble(), 1e-9 * cpu.asDouble() / s);
            }
            assertFalse(p.has("seconds_to_target"), "a fixed-count problem has no time to target");
        }
        // The table on standard output, progress on standard error.
        assertTrue(o.out().contains("torso_y90") && o.out().contains("lu177_water_cube"), o.out());
        assertTrue(o.out().contains("12 mm"), o.out());
        assertTrue(o.err().contains("done: 2,000 decays"), o.err());
        assertFalse(o.out().contains("done:"), o.out());
    }

    @Test
    void kidneyTargetReportsDecaysAndSecondsToTarget() throws Exception {
        Path json = tmp.resolve("target.json");
        CliRunner.Outcome o = CliRunner.run("bench", "--problems", "torso_lu177_kidneys_2pct", "--voxel-mm", "12",
                "--warmup-decays", "0", "--threads", "2", "--out", json.toString());
        assertEquals(0, o.exitCode(), o.err());
        JsonNode p = read(json).get("problems").get(0);
        JsonNode t = p.get("target");
        assertEquals("kidneys", t.get("region").asText());
        assertEquals(0.02, t.get("rel_unc_target").asDouble());
        // Default maximum 200000 decays: ten pilot batches of 1000, then 5 % growth, at least 20 batches. The
        // kidneys (about 9 % of the decays) reach 2 % after a few 10^4 decays, well inside the maximum.
        doseengine.transport.BatchPlan plan = doseengine.transport.BatchPlan.of(
                new doseengine.transport.StopRule.TargetUncertainty("kidneys", 0.02, 200_000), 1);
        assertEquals(200_000, t.get("max_decays").asLong());
        assertEquals(plan.decaysBefore(20), t.get("min_decays").asLong());
        assertTrue(t.get("reached").asBoolean(), p.toString());
        assertTrue(t.get("rel_unc").asDouble() <= 0.02, p.toString());
        long n = p.get("decays_to_target").asLong();
        assertEquals(p.get("decays").asLong(), n);
        int batches = p.get("batches").asInt();
        assertEquals(plan.decaysBefore(batches), n, "a batch end of the plan");
        assertEquals(plan.decaysPerBatch(batches - 1), t.get("batch_decays").asLong(), "the last batch");
        assertTrue(n >= plan.decaysBefore(20) && n < 200_000, "decays to target " + n);
        assertEquals(p.get("seconds").asDouble(), p.get("seconds_to_target").asDouble());
        assertTrue(o.out().contains("kidneys at "), o.out());
    }

    @Test
    void targetNotReachedWithinTheMaximumIsSaidAndLeavesTheTimeToTargetEmpty() throws Exception {
        Path json = tmp.resolve("short.json");
        // 100 decays in 100 batches of one: the kidneys see a decay in about one batch of eleven, far from 2 %.
        CliRunner.Outcome o = CliRunner.run("bench", "--problems", "torso_lu177_kidneys_2pct", "--voxel-mm", "12",
                "--target-max-decays", "100", "--warmup-decays", "0", "--out", json.toString());
        assertEquals(0, o.exitCode(), o.err());
        JsonNode p = read(json).get("problems").get(0);
        assertFalse(p.get("target").get("reached").asBoolean());
        assertEquals(100, p.get("decays").asLong());
        assertTrue(p.get("decays_to_target").isNull());
        assertTrue(p.get("seconds_to_target").isNull());
        assertTrue(o.out().contains("raise --target-max-decays"), o.out());
    }

    @Test
    void convolutionProblemIsSelectableAndHasItsOwnSectionBesideTheTransportProblems() throws Exception {
        Path json = tmp.resolve("conv.json");
        BenchCommand command = new BenchCommand();
        // The same path on a tiny grid: the real one takes seconds and a gigabyte.
        command.convolutionBench = () -> new ConvolutionBench(12, 10, 8, 1.95, 1.95, 2.5);
        CommandLine cl = new CommandLine(command);
        WholeNumber.register(cl);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--problems", "convolution_256x256x200,torso_y90", "--decays", "2000", "--voxel-mm",
                "12", "--warmup-decays", "0", "--backend", "java", "--out", json.toString());
        assertEquals(0, code, err.toString());

        JsonNode j = read(json);
        assertEquals(1, j.get("problems").size(), "the transport problem in its own section");
        JsonNode y90 = j.get("problems").get(0);
        assertEquals("torso_y90", y90.get("name").asText());
        assertEquals(2000, y90.get("decays").asLong());
        assertTrue(y90.get("decays_per_s").asDouble() > 0, y90.toString());
        assertEquals(1, j.get("convolution").size());
        JsonNode c = j.get("convolution").get(0);
        assertEquals("convolution_12x10x8", c.get("name").asText());
        assertEquals("[12,10,8]", c.get("grid").toString());
        assertEquals("[1.95,1.95,2.5]", c.get("voxel_mm").toString());
        assertEquals(250.0, c.get("kernel_reach_mm").asDouble());
        assertFalse(c.has("decays_per_s") || c.has("decays"), c.toString());
        JsonNode methods = c.get("methods");
        assertEquals(2, methods.size());
        double total = c.get("decays_s").asDouble();
        for (int i = 0; i < 2; i++) {
            JsonNode m = methods.get(i);
            assertEquals(i == 0 ? "dpk" : "vsv", m.get("method").asText());
            assertEquals("[11,9,7]", m.get("kernel_half_widths").toString());
            assertEquals("[24,20,15]", m.get("fft_padded").toString());
            double stages = 0;
            for (String k : List.of("kernel_s", "spectrum_s", "convolution_s", "dose_s")) {
                assertTrue(m.get(k).asDouble() >= 0, m.toString());
                stages += m.get(k).asDouble();
            }
            assertEquals(stages, m.get("total_s").asDouble(), 1e-9);
            total += stages;
        }
        assertEquals(total, c.get("total_s").asDouble(), 1e-9);
        assertTrue(c.get("heap_peak_MiB").asDouble() > 0, c.toString());

        String table = out.toString();
        assertTrue(table.contains("convolution_12x10x8: 12 x 10 x 8 voxels of 1.95 x 1.95 x 2.5 mm"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("dpk ") && l.endsWith("24x20x15")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("vsv ")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("torso_y90 ")), table);
        assertTrue(err.toString().contains("[1/2] convolution_12x10x8: dpk: spectrum"), err.toString());

        // Alone, it prints no transport table.
        StringWriter alone = new StringWriter();
        cl.setOut(new PrintWriter(alone, true));
        assertEquals(0, cl.execute("--problems", "convolution_256x256x200"), err.toString());
        assertTrue(alone.toString().contains("convolution_12x10x8: "), alone.toString());
        assertFalse(alone.toString().contains("decays/s"), alone.toString());
    }

    @Test
    void dicomCtProblemIsSelectableAndHasItsOwnSection() throws Exception {
        Path json = tmp.resolve("dicom.json");
        Path scratch = Files.createDirectory(tmp.resolve("scratch"));
        BenchCommand command = new BenchCommand();
        // The same path with a tiny series: the real one writes 315 MB.
        command.dicomCtBench = () -> new DicomCtBench(32, 32, 20, 0.98, 0.98, 1.25, scratch);
        CommandLine cl = new CommandLine(command);
        WholeNumber.register(cl);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--problems", "dicom_ct_512x512x600", "--out", json.toString());
        assertEquals(0, code, err.toString());

        JsonNode j = read(json);
        assertEquals(0, j.get("problems").size());
        assertEquals(0, j.get("convolution").size());
        assertEquals(1, j.get("dicom_ct").size());
        JsonNode d = j.get("dicom_ct").get(0);
        assertEquals("dicom_ct_32x32x20", d.get("name").asText());
        assertEquals("[32,32,20]", d.get("grid").toString());
        assertEquals("[0.98,0.98,1.25]", d.get("voxel_mm").toString());
        assertEquals(2 * 32 * 32 * 20, d.get("pixel_bytes").asLong());
        assertTrue(d.get("file_bytes").asLong() > d.get("pixel_bytes").asLong(), d.toString());
        for (String k : List.of("build_s", "write_s", "write_MB_per_s", "scan_s", "decode_s", "decode_MB_per_s",
                "read_s", "read_MB_per_s")) {
            assertTrue(d.get(k).asDouble() > 0, k + " in " + d);
        }
        assertEquals(d.get("scan_s").asDouble() + d.get("decode_s").asDouble(), d.get("read_s").asDouble(), 1e-12);
        assertEquals(2 * 32 * 32 * 20 / 1e6 / d.get("read_s").asDouble(), d.get("read_MB_per_s").asDouble(),
                1e-9 * d.get("read_MB_per_s").asDouble());
        assertTrue(d.has("cpu_s") && d.has("cores_used"), d.toString());
        assertFalse(d.has("decays_per_s") || d.has("decays"), d.toString());

        String table = out.toString();
        assertTrue(table.contains("dicom_ct_32x32x20: 20 slices of 32 x 32 int16, 0.98 x 0.98 mm pixels 1.25 mm "
                + "apart"), table);
        for (String step : List.of("scan ", "sort and decode ", "read (scan + decode) ", "write (apart) ")) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(step)), step + " in " + table);
        }
        assertFalse(table.contains("decays/s"), table);
        assertTrue(err.toString().contains("[1/1] dicom_ct_32x32x20: scan "), err.toString());
        try (var s = Files.list(scratch)) {
            assertEquals(0, s.count(), "the temporary series is deleted");
        }
    }

    @Test
    void unknownProblemIsOneLineListingTheKnownOnesAndRunsNothing() {
        CliRunner.Outcome o = CliRunner.run("bench", "--problems", "torso_lu177,water_box");
        assertEquals(2, o.exitCode());
        assertEquals("error: unknown bench problem 'water_box'; known problems: lu177_water_cube, torso_lu177, "
                + "torso_y90, torso_i131, torso_lu177_kidneys_2pct, convolution_256x256x200, dicom_ct_512x512x600", o.err().strip());
        assertEquals("", o.out());
    }

    @Test
    void openClOnADeviceThatDoesNotExistIsRefusedBeforeAnyWork() {
        CliRunner.Outcome o = CliRunner.run("bench", "--backend", "opencl", "--device", "99");
        assertEquals(2, o.exitCode());
        assertTrue(o.err().strip().startsWith("error: "), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertEquals("", o.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--decays|0|--decays must be a positive number of decays, got 0",
        "--target-max-decays|5|--target-max-decays must be at least 10 (one decay per batch), got 5",
        "--warmup-decays|5|--warmup-decays must be 0 or at least 10, got 5",
        "--voxel-mm|-1|--voxel-mm must be a positive number of mm, got -1.0",
        "--threads|0|--threads must be a positive number of threads, got 0",
        "--seed|x|--seed 'x' is not a whole number",
        "--backend|cuda|--backend must be auto, opencl or java, got 'cuda'",
    })
    void badOptionsAreOneLineErrorsBeforeAnyWork(String option, String value, String message) {
        CliRunner.Outcome o = CliRunner.run("bench", option, value);
        assertEquals(2, o.exitCode(), o.err());
        assertEquals("error: " + message, o.err().strip());
        assertEquals("", o.out());
    }

    @Test
    void outThatIsAFolderIsRefused() throws Exception {
        CliRunner.Outcome o = CliRunner.run("bench", "--problems", "lu177_water_cube", "--out", tmp.toString());
        assertEquals(2, o.exitCode());
        assertEquals("error: --out " + tmp + " is a folder; give a file name such as bench.json", o.err().strip());
        List<Path> left = new ArrayList<>();
        try (var s = Files.list(tmp)) {
            s.forEach(left::add);
        }
        assertEquals(List.of(), left, "nothing written");
    }
}
