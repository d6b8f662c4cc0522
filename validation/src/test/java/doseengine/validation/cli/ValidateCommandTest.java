package doseengine.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.validation.FakeBenchmarkRunner;
import doseengine.validation.run.UnavailableBenchmarkRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate commands through the real command line (with the registered Java transport, at a few thousand
 * decays) and with a fake runner where a known answer is needed (a passing and a failing comparison, the whole
 * quick suite).
 */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    /**
     * The real program transports with the registered Java runner: a 100 keV kernel of 2000 decays writes the
     * contract files, says in summary.json what ran it, prints progress on standard error, and its exit code agrees
     * with the report's verdict (whatever the physics says at this statistics).
     */
    @Test
    void theRealProgramTransportsWithTheJavaRunner() throws Exception {
        Path out = tmp.resolve("dpk");
        CliHarness.Outcome o = CliHarness.main("validate", "dpk", "--source", "e-:0.1", "--decays", "2000", "--seed",
                "4", "--backend", "java", "--out", out.toString());
        for (String f : List.of("dpk.csv", "summary.json", "report.html", "report.json", "dpk-e-_0.1.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + "; " + o.err());
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("java", s.get("backend").asText());
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals("Java, " + cores + (cores == 1 ? " thread" : " threads"), s.get("device").asText());
        assertEquals(2000, s.get("decays").asLong());
        assertEquals(10, s.get("batches").asInt());
        assertEquals(4, s.get("seed").asLong());
        assertEquals(0, s.get("energy_balance_MeV_per_decay").get("relative_imbalance").asDouble(), 1e-6);
        assertTrue(o.err().contains("done: 2,000 decays"), o.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        String verdict = report.get("verdict").asText();
        assertEquals(verdict.equals("FAIL") ? CommandSupport.EXIT_VALIDATION_FAILED : 0, o.exitCode(), o.out());
        assertTrue(o.out().contains("X90 = "), o.out());
        assertEquals(report.get("verdict_summary").asText(), verdictLine(o));
    }

    /**
     * A photon kernel is a normal request, through the real program. The shells, sized on a first-collision X90
     * estimate, hold less than 90 % of the emitted photon energy: measured at 1e6 decays, Lu-177 85.6 % and I-131
     * 89.6 %. The fraction is the deposit over the expected emission, so it carries the spread of the number of
     * photons emitted: its standard deviation was 5.2 % over eight seeds at 2000 Lu-177 decays, 0.73 % at the
     * 100000 decays run here (2 s), which puts 90 % six standard deviations away: Lu-177's X90 must be absent,
     * with exit 0, every file, X90_mm null in summary.json with the reason and the fraction, the same on the
     * printed line. I-131 (2000 decays) is too close to 90 % for that, so for it the test asks for exit 0, every
     * file, and an X90 present exactly when 90 % was absorbed, with the reason when it is not.
     */
    @Test
    void photonDosePointKernelsWithoutX90AreANormalResult() throws Exception {
        for (String nuclide : List.of("Lu-177", "I-131")) {
            Path out = tmp.resolve("photons-" + nuclide);
            CliHarness.Outcome o = CliHarness.main("validate", "dpk", "--source", nuclide, "--emissions", "photons",
                    "--decays", nuclide.equals("Lu-177") ? "100000" : "2000", "--backend", "java", "--out",
                    out.toString());
            assertEquals(0, o.exitCode(), o.err());
            assertFalse(o.err().contains("internal failure"), o.err());
            for (String f : List.of("dpk.csv", "summary.json", "report.html", "report.json",
                    "dpk-" + nuclide + ".png")) {
                assertTrue(Files.isRegularFile(out.resolve(f)), nuclide + ": " + f);
            }
            JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            double absorbed = s.get("absorbed_fraction_in_shells").asDouble();
            if (nuclide.equals("Lu-177")) {
                assertTrue(absorbed < 0.9, nuclide + ": " + absorbed);
            }
            assertEquals(absorbed < 0.9, s.get("X90_mm").isNull(), nuclide + ": X90 " + s.get("X90_mm") + " with "
                    + absorbed + " absorbed");
            JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertEquals("energy balance PASS; kernel not judged (no reference kernel for nuclides: the kernel and "
                    + "X90 are shown for information)", verdictLine(o));
            if (absorbed >= 0.9) {
                assertFalse(s.has("X90_absent_reason"));
                continue;
            }
            String why = s.get("X90_absent_reason").asText();
            assertTrue(why.startsWith("no X90: less than 90 % of the emitted energy is absorbed within the last "
                    + String.format(java.util.Locale.ROOT, "shell (%.1f %%", 100 * absorbed)), why);
            assertTrue(o.out().startsWith(nuclide + " (gamma, xray): " + why), o.out());
            assertTrue(report.get("sections").get(0).get("figures").get("X90_mm").isNull());
            assertTrue(report.get("sections").get(0).get("notes").toString().contains(why));
        }
    }

    @Test
    void openClOnAMissingDeviceIsRefusedBeforeAnyOutput() {
        Path out = tmp.resolve("never");
        CliHarness.Outcome o = CliHarness.main("validate", "vsv", "--nuclide", "Lu-177", "--voxel-mm", "3", "--tissue",
                "soft", "--backend", "opencl", "--device", "99", "--out", out.toString());
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().strip().startsWith("error: "), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(Files.exists(out));
        CliHarness.Outcome all = CliHarness.main("validate", "all", "--quick", "--backend", "opencl", "--device", "99",
                "--out", out.toString());
        assertEquals(2, all.exitCode(), all.err());
        assertFalse(Files.exists(out));
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
        cases.add(new String[] {"--backend must be auto, opencl or java, got 'cuda'", "validate", "vsv", "--nuclide",
            "Lu-177", "--voxel-mm", "3", "--tissue", "soft", "--out", o, "--backend", "cuda"});
        cases.add(new String[] {"--threads must be a positive number of threads, got 0", "validate", "sphere",
            "--nuclide", "Y-90", "--mass-g", "1", "--out", o, "--threads", "0"});
        cases.add(new String[] {"--device must be an OpenCL device index >= 0", "validate", "all", "--out", o,
            "--device", "-1"});
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

    /** The judged comparisons of a 100 keV kernel are named in the verdict: the run under EGSnrc's model. */
    @Test
    void dpkWithARunnerWritesTheContractFilesAndPasses() throws Exception {
        Path out = tmp.resolve("dpk");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "dpk", "--source", "e-:0.1", "--out",
                out.toString(), "--decays", "5000", "--seed", "9");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("X90 = "), o.out());
        String egs = "EGSnrc EDKnrc (Mainegra-Hing et al. 2005), 100 keV";
        assertEquals("energy balance of 2 runs PASS; kernel under EGSnrc energy-loss model vs " + egs + " PASS; "
                + "X90 under EGSnrc energy-loss model vs " + egs + " PASS", verdictLine(o));
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
        // 5 % high: the source voxel (3 %) fails, the face neighbours (5 %, at the limit to rounding) may or may not.
        assertTrue(verdictLine(o).matches("energy balance PASS; voxel S values vs Lanconelli et al\\. 2012 "
                + "\\(DOSXYZnrc\\), Lu-177, soft, 3 mm FAIL \\(\\d+ of \\d+ values outside the tolerance\\)"),
                verdictLine(o));
        assertEquals(217, Files.readAllLines(out.resolve("vsv.csv")).size());
    }

    /**
     * A sphere without a reference judges only the energy balance: the verdict names the energy balance as what
     * passed and the S value as not judged, with the reason, on the command line and in both reports; never a bare
     * PASS. 100 g of Lu-177 lies beyond the OLINDA/EXM table (0.5-54 g). With a user's table the deviation is shown,
     * not judged.
     */
    @Test
    void sphereVerdictNamesWhatItJudged() throws Exception {
        Path out = tmp.resolve("sphere");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "sphere", "--nuclide", "Lu-177",
                "--mass-g", "100", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        String line = "energy balance of 2 runs PASS; S value not judged (no reference for Lu-177 at 100 g; the "
                + "OLINDA/EXM table has 13 spheres of 0.5-54 g; give a table with --reference FILE)";
        assertEquals(line, verdictLine(o));
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(line, report.get("verdict_summary").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<b>Verdict:</b> " + line),
                "report.html states the same verdict");
        assertTrue(new ObjectMapper().readTree(out.resolve("sphere.json").toFile()).get("olinda").isNull());

        // With a table: the deviation is shown and said to be not judged. The fake puts 90 % of the emitted
        // energy in the sphere; the table holds a value 10 % above what that gives.
        double s = new ObjectMapper().readTree(out.resolve("sphere.json").toFile()).get("S_mGy_per_MBq_s").asDouble();
        Path ref = Files.writeString(tmp.resolve("ref.csv"), String.format(java.util.Locale.ROOT,
                "nuclide,mass_g,S_mGy_per_MBq_s%nLu-177,100,%.9g%n", s * 1.1));
        Path out2 = tmp.resolve("sphere-ref");
        CliHarness.Outcome o2 = CliHarness.validate(FakeBenchmarkRunner.exact(), "sphere", "--nuclide", "Lu-177",
                "--mass-g", "100", "--out", out2.toString(), "--reference", ref.toString());
        assertEquals(0, o2.exitCode(), o2.err());
        assertEquals("energy balance of 2 runs PASS; S value vs user table " + ref + ": 100 g -9.1 % (shown, not "
                + "judged: no tolerance is known for a user's table)", verdictLine(o2));
        JsonNode user = new ObjectMapper().readTree(out2.resolve("sphere.json").toFile()).get("user_reference");
        assertEquals(s * 1.1, user.get("S_mGy_per_MBq_s").asDouble(), 1e-8 * s, "as printed, to 9 digits");
        assertEquals("INFORMATIONAL", user.get("verdict").asText());
    }

    /**
     * Lu-177 at a mass of the OLINDA/EXM table is judged against it: the fake returns the table's S (exact: PASS,
     * exit 0) or 8 % above it (beyond the 5.1 % tolerance of the 2 g row: FAIL, exit 3), and says so on the command
     * line with the reference value and the tolerance.
     */
    @Test
    void lu177AtAnOlindaMassIsJudged() throws Exception {
        CliHarness.Outcome pass = CliHarness.validate(FakeBenchmarkRunner.exact(), "sphere", "--nuclide", "Lu-177",
                "--mass-g", "2", "--out", tmp.resolve("pass").toString());
        assertEquals(0, pass.exitCode(), pass.err());
        String judged = "energy balance of 2 runs PASS; S value vs OLINDA/EXM sphere model (Golzaryan et al. 2025, "
                + "Table S4, second-hand) ";
        assertEquals(judged + "PASS", verdictLine(pass));
        assertTrue(pass.out().contains("0.01170 mGy/(MBq s), engine / reference 1.0000, tolerance +-5.1 %: PASS"),
                pass.out());
        CliHarness.Outcome fail = CliHarness.validate(FakeBenchmarkRunner.scaled(1.08), "sphere", "--nuclide", "Lu177",
                "--mass-g", "2.0", "--out", tmp.resolve("fail").toString());
        assertEquals(CommandSupport.EXIT_VALIDATION_FAILED, fail.exitCode(), fail.err());
        assertEquals(judged + "FAIL", verdictLine(fail));
        JsonNode olinda = new ObjectMapper().readTree(tmp.resolve("fail/sphere.json").toFile()).get("olinda");
        assertEquals("FAIL", olinda.get("verdict").asText());
        assertEquals(1.08, olinda.get("engine_over_reference").asDouble(), 1e-9);
    }

    /**
     * Lu-177 between two masses of the table: no OLINDA/EXM value, so nothing about S is judged; the log-log
     * interpolation of the neighbours (4 and 13 g) is shown, marked as such, in sphere.json and the verdict line.
     */
    @Test
    void lu177BetweenOlindaMassesShowsTheInterpolation() throws Exception {
        Path out = tmp.resolve("between");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "sphere", "--nuclide", "Lu-177",
                "--mass-g", "10", "--out", out.toString());
        assertEquals(0, o.exitCode(), o.err());
        String line = verdictLine(o);
        assertTrue(line.startsWith("energy balance of 2 runs PASS; S value vs OLINDA/EXM log-log interpolated: 10 g ")
                && line.endsWith(" (shown, not judged: no OLINDA/EXM value at 10 g; the table has 0.5-54 g)"), line);
        JsonNode olinda = new ObjectMapper().readTree(out.resolve("sphere.json").toFile()).get("olinda");
        assertTrue(olinda.get("interpolated").asBoolean());
        assertEquals(4.0, olinda.get("between_g").get(0).asDouble(), 0);
        assertEquals(13.0, olinda.get("between_g").get(1).asDouble(), 0);
        // ln S linear in ln m between (4 g, 0.000352) and (13 g, 0.00011) Gy/(min MBq), times 1000/60.
        double t = Math.log(10.0 / 4) / Math.log(13.0 / 4);
        double expected = Math.exp((1 - t) * Math.log(0.000352) + t * Math.log(0.00011)) * 1000 / 60;
        assertEquals(expected, olinda.get("S_mGy_per_MBq_s").asDouble(), 1e-12 * expected);
        assertEquals("INFORMATIONAL", olinda.get("verdict").asText());
    }

    /** --out is required by validate sphere, and its help shows it in the usage and in the example. */
    @Test
    void sphereHelpShowsTheRequiredOut() {
        CliHarness.Outcome o = CliHarness.main("validate", "sphere", "--help");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains(" --out=DIR") && !o.out().contains("[--out=DIR]"), o.out());
        assertTrue(o.out().contains("validate sphere --nuclide Lu-177 --mass-g 10 --out DIR"), o.out());
        CliHarness.Outcome missing = CliHarness.main("validate", "sphere", "--nuclide", "Lu-177", "--mass-g", "10");
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().strip().startsWith("error: Missing required option: '--out=DIR'"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }

    /** A nuclide kernel has no reference: its verdict says the kernel was not judged, and why. */
    @Test
    void nuclideDosePointKernelVerdictSaysItWasNotJudged() {
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "dpk", "--source", "Lu-177", "--out",
                tmp.resolve("lu").toString());
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("energy balance PASS; kernel not judged (no reference kernel for nuclides: the kernel and X90 "
                + "are shown for information)", verdictLine(o));
    }

    /** A 1 g Y-90 sphere through the real program, with a reference table: sphere.json and the shown comparison. */
    @Test
    void sphereWithAReferenceTableWritesSphereJson() throws Exception {
        Path ref = Files.writeString(tmp.resolve("ref.csv"), "nuclide,mass_g,S_mGy_per_MBq_s\nY-90,1,0.12\n");
        Path out = tmp.resolve("sphere");
        CliHarness.Outcome o = CliHarness.main("validate", "sphere", "--nuclide", "Y-90", "--mass-g", "1", "--out",
                out.toString(), "--reference", ref.toString(), "--decays", "2000", "--threads", "2", "--backend", "java");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("sphere.json").toFile());
        assertEquals("Y-90", j.get("nuclide").asText());
        assertTrue(j.get("af_photons").isNull(), "Y-90 photons are not transported");
        // Y-90 betas (mean range about 4 mm in a sphere of radius 6.2 mm) leave a good part of their energy outside.
        double af = j.get("af_electrons").asDouble();
        assertTrue(af > 0.3 && af < 0.95, "af_electrons " + af);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode point = report.get("sections").get(0).get("comparisons").get(0).get("points").get(0);
        assertEquals(0.12, point.get("reference").asDouble(), 0);
        assertEquals("INFORMATIONAL", point.get("verdict").asText());
        assertEquals("Java, 2 threads", report.get("sections").get(0).get("runs").get(0).get("device").asText());
    }

    /**
     * A 2 g Lu-177 sphere through the real program (2000 decays, under a second): sphere.json carries the OLINDA/EXM
     * comparison with the table's value for 2 mL (0.000702 Gy/(min MBq) = 0.0117 mGy/(MBq s)), its tolerance and
     * its parts, and the report judges the same point. Only the structure and the reference are checked, not the
     * physics (at 2000 decays the engine's standard error is about 1 %, counted twice in the tolerance); the exit
     * code must agree with the verdict.
     */
    @Test
    void lu177SphereAtAnOlindaMassWritesTheComparison() throws Exception {
        Path out = tmp.resolve("olinda");
        CliHarness.Outcome o = CliHarness.main("validate", "sphere", "--nuclide", "Lu-177", "--mass-g", "2", "--out",
                out.toString(), "--decays", "2000", "--threads", "2", "--backend", "java");
        JsonNode j = new ObjectMapper().readTree(out.resolve("sphere.json").toFile());
        JsonNode olinda = j.get("olinda");
        assertEquals("0.000702", olinda.get("S_Gy_per_min_per_MBq").asText());
        assertEquals(0.000702 * 1000 / 60, olinda.get("S_mGy_per_MBq_s").asDouble(), 1e-15);
        assertFalse(olinda.get("interpolated").asBoolean());
        assertEquals(2.0, olinda.get("volume_mL").asDouble(), 0);
        assertEquals(j.get("S_mGy_per_MBq_s").asDouble() / olinda.get("S_mGy_per_MBq_s").asDouble(),
                olinda.get("engine_over_reference").asDouble(), 1e-12);
        JsonNode parts = olinda.get("tolerance_components");
        assertEquals(0.0000005 / 0.000702, parts.get("rounding").asDouble(), 1e-12);
        assertEquals(2 * j.get("rel_unc").asDouble(), parts.get("engine").asDouble(), 1e-12);
        double tol = Math.sqrt(Math.pow(parts.get("rounding").asDouble(), 2) + 0.041 * 0.041 + 0.03 * 0.03
                + Math.pow(parts.get("engine").asDouble(), 2));
        assertEquals(tol, olinda.get("tolerance").asDouble(), 1e-12);
        String verdict = olinda.get("verdict").asText();
        assertEquals(Math.abs(olinda.get("deviation").asDouble()) <= tol ? "PASS" : "FAIL", verdict);
        JsonNode point = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("sections").get(0)
                .get("comparisons").get(0).get("points").get(0);
        assertEquals(olinda.get("S_mGy_per_MBq_s").asDouble(), point.get("reference").asDouble(), 0);
        assertEquals(tol, point.get("tolerance").asDouble(), 1e-12);
        assertEquals(verdict, point.get("verdict").asText());
        assertEquals(verdict.equals("PASS") ? 0 : CommandSupport.EXIT_VALIDATION_FAILED, o.exitCode(), o.err());
    }

    @Test
    void allQuickWritesTheReportAndCountsTheBenchmarks() throws Exception {
        Path out = tmp.resolve("all");
        CliHarness.Outcome o = CliHarness.validate(FakeBenchmarkRunner.exact(), "all", "--quick", "--out",
                out.toString(), "--decays", "2000");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals("10 benchmarks; energy balance of 17 runs PASS; 8 benchmarks judged against their references: "
                + "8 PASS, 0 FAIL; 2 shown, not judged (Spheres: I-131; Spheres: Y-90); "
                + "Java vs OpenCL not run (no OpenCL device with 64-bit integer atomics)",
                o.out().lines().findFirst().orElseThrow());
        assertNoBareVerdict(o.out().lines().findFirst().orElseThrow());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.get("settings").asText().startsWith("decays 2000, seed 1, backend auto"),
                report.get("settings").asText());
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }

    /** The line after "verdict: ", checked to name a subject before every PASS or FAIL. */
    private static String verdictLine(CliHarness.Outcome o) {
        String line = o.out().lines().filter(l -> l.startsWith("verdict: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict line in: " + o.out())).substring(9);
        assertNoBareVerdict(line);
        return line;
    }

    private static void assertNoBareVerdict(String line) {
        for (String part : line.split(";")) {
            String p = part.strip();
            assertFalse(p.isEmpty() || p.matches("(PASS|FAIL|INFORMATIONAL).*"),
                    "bare verdict '" + p + "' in: " + line);
        }
    }
}
