package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --calibration} reaches the CT conversion: a table that makes every voxel 2 g/cm3 doubles the masses. */
class CalibrationOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aUserDensityTableSetsTheMasses() throws Exception {
        RunInputs in = RunInputs.write(dir);
        Path table = dir.resolve("density.csv");
        Files.writeString(table, "HU,density_g_cm3\n-1024,2.0\n3071,2.0\n");
        CliRunner.Outcome o = CliRunner.run(in.args(dir.resolve("out"), "--decays", "20000", "--calibration",
                table.toString()));
        assertEquals(0, o.exitCode(), o.err());
        JsonNode organs = new ObjectMapper().readTree(dir.resolve("out/organs.json").toFile());
        JsonNode hot = organs.get("labels").get(0);
        assertEquals("hot", hot.get("name").asText());
        // 27 voxels of 5 mm (0.125 cm3) at 2 g/cm3.
        assertEquals(27 * 0.125 * 2.0, hot.get("mass_g").asDouble(), 1e-6);
        // The report names the table it used.
        assertEquals(table.toString(), organs.get("inputs").get("HU to density").asText());
    }
}
