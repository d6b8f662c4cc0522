package doseengine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import doseengine.cli.DistributedRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broadcast inputs: serialized and staged on an executor, every file comes back with its bytes, inputs of one
 * folder stay together (the activity's metadata is found beside it), a folder comes back whole, and the command
 * line names the staged copies.
 */
class InputBundleTest {
    @TempDir
    Path tmp;

    @Test
    void stagedCopiesKeepBytesAndFoldersAndTheCommandLineNamesThem() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("driver/a"));
        Path ct = Files.createDirectories(tmp.resolve("driver/b/ct"));
        Files.write(ct.resolve("1.dcm"), new byte[] {1, 2, 3});
        Files.createDirectories(ct.resolve("sub"));
        Files.write(ct.resolve("sub/2.dcm"), new byte[] {4});
        Files.write(a.resolve("spect.nii"), new byte[] {5, 6});
        Files.write(a.resolve("labels.nii"), new byte[] {7});

        java.util.LinkedHashMap<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("--ct", ct);
        inputs.put("--activity", a.resolve("spect.nii"));
        inputs.put("--labels", a.resolve("labels.nii"));
        Map<String, Path> on = roundTrip(InputBundle.read(inputs)).stage(tmp.resolve("executor"));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(on.get("--ct").resolve("1.dcm")));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(on.get("--ct").resolve("sub/2.dcm")));
        assertEquals(on.get("--activity").getParent(), on.get("--labels").getParent());
        assertNotEquals(on.get("--ct").getParent(), on.get("--activity").getParent());
        assertArrayEquals(new byte[] {5, 6}, Files.readAllBytes(on.get("--activity")));
        assertEquals(7, InputBundle.read(inputs).bytes());

        DistributedRun line = DistributedRun.parse(List.of("run", "--ct", ct.toString(), "--activity",
                a.resolve("spect.nii").toString(), "--labels", a.resolve("labels.nii").toString(), "--nuclide", "Lu-177", "--decays", "1e4",
                "--out", "result"));
        List<String> local = line.argsWith(on, tmp.resolve("executor/out"));
        assertEquals(on.get("--ct").toString(), local.get(local.indexOf("--ct") + 1));
        assertEquals(on.get("--labels").toString(), local.get(local.indexOf("--labels") + 1));
        assertEquals(tmp.resolve("executor/out").toString(), local.get(local.indexOf("--out") + 1));
        assertEquals("run", local.get(0));
    }

    private static InputBundle roundTrip(InputBundle b) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(b);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (InputBundle) in.readObject();
        }
    }
}
