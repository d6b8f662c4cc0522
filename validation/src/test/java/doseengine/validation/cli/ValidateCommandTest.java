package doseengine.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.validation.FakeBenchmarkRunner;
import doseengine.validation.run.BenchmarkRunners;
import doseengine.validation.run.UnavailableBenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate commands through the real command line (no transport yet) and with a fake runner. */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void withoutARegisteredTransportEveryCommandSaysSoWithoutCreatingTheOutput() {
        // Through the real program, as long as no runner is registered (ServiceLoader); once one is, the same
        // behaviour stays covered by the next test with an explicit UnavailableBenchmarkRunner.
        assumeTrue(BenchmarkRunners.standard() instanceof UnavailableBenchmarkRunner, "a transport is registered");
        Path out = tmp.resolve("never");
        List<String[]> commands = List.of(
                new String[] {"validate", "dpk", "--source", "e-:0.1", "--out", out.toString()},
                new String[] {"validate", "dpk", "--source", "Lu-177", "--emissions", "beta", "--out", out.toString()},
                new String[] {"validate", "vsv", "--nuclide", "Y-90", "--voxel-mm", "3", "--tissue", "bone", "--out",
                    out.toString()},
                new String[] {"validate", "sphere", "--nuclide", "I-131", "--mass-g", "10", "--out", out.toString()},
                new String[] {"validate", "all", "--out", out.toString(), "--quick", "--decays", "1000"});
        for (String[] args : commands) {
            CliHarness.Outcome o = CliHarness.main(args);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertEquals("error: transport backend not available yet", o.err().strip(), String.join(" ", args));
            assertFalse(Files.exists(out), "no output folder before a transport exists");
        }
    }

    @Test
    void unavailableRunnerIsOneLineAndExitTwo() {
        Path out = tmp.resolve("never");
        CliHarness.Outcome o = CliHarness.validate(new UnavailableBenchmarkRunner(), "vsv", "--nuclide", "Lu-177",
                "--voxel-mm", "3", "--tissue", "soft", "--out", out.toString());
        assertEquals(2, o.exitCode());
        assertEquals("error: transport backend not available yet", o.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void badInputsAreOneLineErrorsBeforeAnyTransport() throws Exception {
        Path out = tmp.resolve("never");
        Path missingColumn = Files.writeString(tmp.resolve("cols.csv"), "nuclide,mass_g\nLu-177,10\n");
        Path notNumber = Files.writeString(tmp.resolve("nan.csv"), "nuclide,mass_g,S_mGy_per_MBq_s\nLu-177,10,abc\n");
        String o = out.toString();
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"source 'Tc-99m' is neither a known nuclide", "validate", "dpk", "--source", "Tc-99m",
            "--out", o});
        cases.add(new String[] {"'abc' is not an electron energy in MeV", "validate", "dpk", "--source", "e-:abc",
            "--out", o});
        cases.add(new String[] {"electron energy -1.0 MeV must be between", "validate", "dpk", "--source", "e-:-1",
            "--out", o});
        cases.add(new String[] {"--emissions photons does not apply to an electron source", "validate", "dpk",
            "--source", "e-:0.1", "--emissions", "photons", "--out", o});
        cases.add(new String[] {"unknown --emissions 'gamma'", "validate", "dpk", "--source", "I-131", "--emissions",
            "gamma", "--out", o});
        cases.add(new String[] {"unknown nuclide 'Xx-1'", "validate", "vsv", "--nuclide", "Xx-1", "--voxel-mm", "3",
            "--tissue", "soft", "--out", o});
        cases.add(new String[] {"--voxel-mm must be a positive number of mm, got 0", "validate", "vsv", "--nuclide",
            "Lu-177", "--voxel-mm", "0", "--tissue", "soft", "--out", o});
        cases.add(new String[] {"--voxel-mm must be a positive number of mm, got -3", "validate", "vsv", "--nuclide",
            "Lu-177", "--voxel-mm", "-3", "--tissue", "soft", "--out", o});
        cases.add(new String[] {"unknown tissue 'lung'", "validate", "vsv", "--nuclide", "Lu-177", "--voxel-mm", "3",
            "--tissue", "lung", "--out", o});
        cases.add(new String[] {"--mass-g must be a positive number of grams, got 0", "validate", "sphere",
            "--nuclide", "Lu-177", "--mass-g", "0", "--out", o});
        cases.add(new String[] {"--mass-g 'ten' is not a finite number", "validate", "sphere", "--nuclide", "Lu-177",
            "--mass-g", "ten", "--out", o});
        cases.add(new String[] {"missing column S_mGy_per_MBq_s", "validate", "sphere", "--nuclide", "Lu-177",
            "--mass-g", "10", "--out", o, "--reference", missingColumn.toString()});
        cases.add(new String[] {"line 2: S_mGy_per_MBq_s 'abc' is not a finite number", "validate", "all", "--out", o,
            "--reference", notNumber.toString()});
        cases.add(new String[] {"file not found", "validate", "all", "--out", o, "--reference",
            tmp.resolve("none.csv").toString()});
        cases.add(new String[] {"--decays must be a positive number of decays, got 0", "validate", "dpk", "--source",
            "e-:0.1", "--out", o, "--decays", "0"});
        cases.add(new String[] {"--seed 'x' is not a whole number", "validate", "dpk", "--source", "e-:0.1", "--out",
            o, "--seed", "x"});
        cases.add(new String[] {"unknown backend 'cuda'", "validate", "vsv", "--nuclide", "Lu-177", "--voxel-mm", "3",
            "--tissue", "soft", "--out", o, "--backend", "cuda"});
        cases.add(new String[] {"--threads must be a positive number of threads, got 0", "validate", "sphere",
            "--nuclide", "Y-90", "--mass-g", "1", "--out", o, "--threads", "0"});
        cases.add(new String[] {"--device must be a device index >= 0", "validate", "all", "--out", o, "--device",
            "-1"});
        cases.add(new String[] {"--electron-cutoff-kev must be between 1 and 100 keV, got 0.5", "validate", "dpk",
            "--source", "e-:0.1", "--out", o, "--electron-cutoff-kev", "0.5"});
        cases.add(new String[] {"--photon-cutoff-kev 'NaN' is not a finite number", "validate", "dpk", "--source",
            "e-:0.1", "--out", o, "--photon-cutoff-kev", "NaN"});
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliHarness.Outcome r = CliHarness.main(args);
            String line = r.err().strip();
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(line.startsWith("error: ") && line.contains(c[0]), String.join(" ", args) + " -> " + line);
            assertEquals(1, line.lines().count(), line);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void dpkWithARunnerWritesTheContractFilesAndPasses() throws Exception {
        Path out = tmp.resolve("dpk");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "dpk", "--source", "e-:0.1", "--out",
                out.toString(), "--decays", "5000", "--seed", "9");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("X90 = ") && o.out().contains("PASS"), o.out());
        for (String f : List.of("dpk.csv", "summary.json", "report.html", "report.json", "dpk-e-_0.1.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("e-:0.1", s.get("source").asText());
        assertEquals(5000, s.get("decays").asLong());
        assertEquals(9, s.get("seed").asLong());
    }

    @Test
    void vsvOutsideTheToleranceExitsWithThree() throws Exception {
        Path out = tmp.resolve("vsv");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.scaled(1.05), "vsv", "--nuclide", "177Lu",
                "--voxel-mm", "3", "--tissue", "soft", "--out", out.toString());
        assertEquals(CommandSupport.EXIT_VALIDATION_FAILED, o.exitCode(), o.err());
        assertTrue(o.out().contains("FAIL"), o.out());
        assertEquals(217, Files.readAllLines(out.resolve("vsv.csv")).size());
    }

    @Test
    void sphereWithAReferenceTableWritesSphereJson() throws Exception {
        Path ref = Files.writeString(tmp.resolve("ref.csv"), "nuclide,mass_g,S_mGy_per_MBq_s\nY-90,1,0.12\n");
        Path out = tmp.resolve("sphere");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "sphere", "--nuclide", "Y-90",
                "--mass-g", "1", "--out", out.toString(), "--reference", ref.toString());
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("sphere.json").toFile());
        assertEquals("Y-90", j.get("nuclide").asText());
        assertTrue(j.get("af_photons").isNull(), "Y-90 photons are not transported");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode point = report.get("sections").get(0).get("comparisons").get(0).get("points").get(0);
        assertEquals(0.12, point.get("reference").asDouble(), 0);
        assertEquals("INFORMATIONAL", point.get("verdict").asText());
    }

    @Test
    void allQuickWritesTheReportAndCountsTheBenchmarks() throws Exception {
        Path out = tmp.resolve("all");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "all", "--quick", "--out",
                out.toString(), "--decays", "2000");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("10 benchmarks, 0 failed; PASS"), o.out());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.get("settings").asText().startsWith("decays 2000, seed 1, backend auto"),
                report.get("settings").asText());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }
}
