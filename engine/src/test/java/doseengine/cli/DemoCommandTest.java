package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.physics.decay.NuclideCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoComputesTheTorsoWithLutetiumAndSaysHowTheActivityWasIntegrated() throws Exception {
        Path out = tmp.resolve("demo");
        CliRunner.Outcome o = CliRunner.run("demo", "--out", out.toString(), "--voxel-mm", "12", "--backend", "java",
                "--decays", "2e4", "--threads", "2");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("organs.json").toFile());
        assertEquals("Lu-177", j.get("nuclide").asText());
        assertEquals("demo", j.get("command").asText());
        // Physical decay only: A~ = 7400 MBq x T1/2 / ln 2 (T1/2 of 177Lu from ICRP 107, in hours). The phantom's
        // map sums to 7400 MBq within float rounding (1e-4, PhantomCommandTest).
        double hours = NuclideCatalog.get("Lu-177").halfLifeSeconds() / 3600 / Math.log(2);
        assertEquals(7400 * hours, j.get("tia_MBq_h").asDouble(), 7400 * hours * 1e-4);
        List<String> names = new ArrayList<>();
        j.get("labels").forEach(l -> names.add(l.get("name").asText()));
        assertTrue(names.containsAll(List.of("liver", "spleen", "tumour_1")), names.toString());
        String notes = j.get("notes").toString();
        assertTrue(notes.contains("biological clearance is not modelled"), notes);
        assertTrue(Files.readString(out.resolve("report.html")).contains("biological clearance is not modelled"));
        for (String f : List.of("dose.nii.gz", "uncertainty.nii.gz", "organs.csv", "dvh.png", "dose_slice.png")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // Doses per GBq of the 7.4 GBq administered, beside the doses.
        assertEquals(7400, j.get("administered_MBq").asDouble(), 7400 * 1e-6);
        for (JsonNode l : j.get("labels")) {
            assertEquals(l.get("mean_Gy").asDouble() / 7.4, l.get("mean_Gy_per_GBq").asDouble(),
                    1e-5 * l.get("mean_Gy").asDouble(), l.toString());
        }
        // The headline maximum lies in tissue: the torso's body label covers all of it, and the air around it
        // (which holds some activity at the skin and very high, noisy doses) is left out.
        JsonNode max = j.get("max_dose");
        assertFalse(max.get("structure").isNull(), max.toString());
        assertTrue(max.get("rel_unc").asDouble() > 0, max.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("maximum dose in tissue") && html.contains("Gy/GBq"), "report");
        assertTrue(o.out().contains("Gy_per_GBq") && o.out().contains("vox_unc"), o.out());
    }

    /**
     * {@code --backend opencl} on a device that cannot be had is one line of error and exit 2, before any work:
     * device 99 does not exist (or, on a machine without OpenCL, there is no device at all).
     */
    @Test
    void demoRefusesAnOpenClDeviceThatIsNotThere() {
        CliRunner.Outcome o = CliRunner.run("demo", "--out", tmp.resolve("x").toString(), "--backend", "opencl",
                "--device", "99");
        assertEquals(2, o.exitCode(), o.err());
        String err = o.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: --") && err.contains("OpenCL device"), err);
        assertFalse(Files.exists(tmp.resolve("x").resolve("dose.nii.gz")));
    }
}
