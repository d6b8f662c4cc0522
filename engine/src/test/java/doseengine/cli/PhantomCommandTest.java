package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.LabelNamesJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhantomCommandTest {
    @TempDir
    Path tmp;

    @Test
    void torsoWritesFourFilesOnOneGridWithNamedLabels() {
        Path out = tmp.resolve("torso");
        CliRunner.Outcome o = CliRunner.run("phantom", "torso", "--out", out.toString(), "--voxel-mm", "6");
        assertEquals(0, o.exitCode(), o.err());
        Volume ct = ImageFiles.read(out.resolve("ct.nii.gz"));
        Volume activity = ImageFiles.read(out.resolve("activity.nii.gz"));
        Volume labels = ImageFiles.read(out.resolve("labels.nii.gz"));
        ct.grid().requireSameGrid(activity.grid(), "ct", "activity");
        ct.grid().requireSameGrid(labels.grid(), "ct", "labels");
        assertEquals(6.0, ct.grid().spacingX(), 1e-6);
        // The torso holds 7400 MBq in total (TorsoPhantom); float storage keeps the sum to 1e-4.
        assertEquals(7400.0, activity.sum(), 7400 * 1e-4);

        Map<Integer, String> names = LabelNamesJson.read(out.resolve("labels.json"));
        assertTrue(names.containsValue("liver") && names.containsValue("kidney_left_cortex"), names.toString());
        // Every named label occurs in the label image, and no unnamed label does.
        int[] counts = new int[Short.MAX_VALUE + 1];
        for (short s : ((ShortVolume) labels).data()) {
            counts[s]++;
        }
        for (int v : names.keySet()) {
            assertTrue(counts[v] > 0, "label " + names.get(v) + " has no voxel");
        }
        for (int v = 1; v < counts.length; v++) {
            if (counts[v] > 0) {
                assertTrue(names.containsKey(v), "label value " + v + " has no name");
            }
        }
    }

    @Test
    void unknownPhantomIsOneLineErrorListingTheKnownOnes() {
        CliRunner.Outcome o = CliRunner.run("phantom", "banana", "--out", tmp.resolve("x").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().startsWith("error: unknown phantom 'banana'"), o.err());
        assertTrue(o.err().contains("torso"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void nonPositiveVoxelSizeIsRefused() {
        CliRunner.Outcome o = CliRunner.run("phantom", "water_cube", "--out", tmp.resolve("x").toString(),
                "--voxel-mm", "-2");
        assertEquals(2, o.exitCode());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void outputFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("occupied"), "x");
        CliRunner.Outcome o = CliRunner.run("phantom", "water_cube", "--out", file.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("output folder"), o.err());
    }
}
