package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refused input of {@code run}: one line starting with "error:", exit status 2, no output written. */
class RunBadInputTest {
    @TempDir
    Path tmp;

    private RunInputs in;
    private Path out;

    @BeforeEach
    void writeInputs() {
        in = RunInputs.write(tmp);
        out = tmp.resolve("out");
    }

    /** Runs, expects exit 2 and one error line containing every fragment, and no dose written. */
    private void refused(String[] args, String... fragments) {
        CliRunner.Outcome o = CliRunner.run(args);
        assertEquals(2, o.exitCode(), o.err());
        String err = o.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' missing from: " + err);
        }
        assertFalse(Files.exists(out.resolve("dose.nii.gz")));
    }

    private String[] withActivity(float[] activity) {
        Path a = tmp.resolve("bad_activity.nii.gz");
        ImageFiles.write(a, new FloatVolume(RunInputs.grid(), activity));
        return withActivityFile(a);
    }

    private String[] withActivityFile(Path a) {
        return new String[] {"run", "--ct", in.ct.toString(), "--activity", a.toString(), "--nuclide", "Lu-177",
            "--out", out.toString(), "--method", "led", "--decays", "100"};
    }

    @Test
    void missingFile() {
        String[] args = in.args(out, "--decays", "100");
        args[2] = tmp.resolve("nope.nii.gz").toString();
        refused(args, "nope.nii.gz", "not found");
    }

    /**
     * A float MetaImage whose voxel {@code index} holds {@code bad}: the writers refuse non-finite values, so the
     * value is patched into the raw file (little-endian float32) after writing a finite image.
     */
    private Path floatImageWith(String stem, float[] values, int index, float bad) throws Exception {
        Path mhd = tmp.resolve(stem + ".mhd");
        ImageFiles.write(mhd, new FloatVolume(RunInputs.grid(), values));
        Path raw = tmp.resolve(stem + ".raw");
        byte[] bytes = Files.readAllBytes(raw);
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(4 * index, bad);
        Files.write(raw, bytes);
        return mhd;
    }

    @Test
    void ctWithNaN() throws Exception {
        float[] hu = new float[RunInputs.grid().voxelCount()];
        Path ct = floatImageWith("nan_ct", hu, 17, Float.NaN);
        String[] args = in.args(out, "--decays", "100");
        args[2] = ct.toString();
        refused(args, "nan_ct", "NaN");
    }

    @Test
    void negativeActivity() {
        float[] a = RunInputs.activityMBqH();
        a[RunInputs.grid().flatIndex(1, 2, 3)] = -0.5f;
        refused(withActivity(a), "bad_activity.nii.gz", "(1,2,3)", "-0.5");
    }

    @Test
    void infiniteActivity() throws Exception {
        Path a = floatImageWith("inf_activity", RunInputs.activityMBqH(), 5, Float.POSITIVE_INFINITY);
        refused(withActivityFile(a), "inf_activity", "Infinity");
    }

    @Test
    void emptyActivity() {
        refused(withActivity(new float[RunInputs.grid().voxelCount()]), "bad_activity.nii.gz", "empty");
    }

    @Test
    void unknownNuclide() {
        String[] args = in.args(out, "--decays", "100");
        args[6] = "Tc-99m";
        refused(args, "unknown nuclide 'Tc-99m'", "Lu-177");
    }

    @Test
    void unwritableOutputFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("occupied"), "x");
        out = file.resolve("sub");
        refused(in.args(out, "--decays", "100"), "output folder");
    }

    @Test
    void nonPositiveDecays() {
        refused(in.args(out, "--decays", "0"), "--decays", "positive");
        refused(in.args(out, "--decays", "-3"), "--decays");
    }

    @Test
    void unknownTargetLabel() {
        refused(in.args(out, "--target-uncertainty", "0.05", "--target-label", "liver"), "liver", "hot", "lung");
    }

    @Test
    void targetWithoutLabelsOrWithDecays() {
        refused(new String[] {"run", "--ct", in.ct.toString(), "--activity", in.activity.toString(), "--nuclide",
            "Lu-177", "--out", out.toString(), "--target-uncertainty", "0.05", "--target-label", "hot"}, "--labels");
        refused(in.args(out, "--decays", "100", "--target-uncertainty", "0.05", "--target-label", "hot"),
                "exclude each other");
        refused(in.args(out, "--target-uncertainty", "1.5", "--target-label", "hot"), "--target-uncertainty");
    }

    @Test
    void cutoffsOutOfRange() {
        refused(in.args(out, "--electron-cutoff-kev", "0.5"), "--electron-cutoff-kev", "between 1 and 100 keV");
        refused(in.args(out, "--electron-cutoff-kev", "250"), "--electron-cutoff-kev");
        refused(in.args(out, "--photon-cutoff-kev", "NaN"), "--photon-cutoff-kev 'NaN' is not a finite number");
    }

    @Test
    void labelsThatDoNotOverlapTheCt() {
        // The same label image moved 1 m away: none of its voxels lies in the CT.
        VoxelGrid far = new VoxelGrid(RunInputs.NX, RunInputs.NY, RunInputs.NZ, 5, 5, 5, new double[] {1000, 0, 0});
        Path labels = tmp.resolve("far.nii.gz");
        ImageFiles.write(labels, new ShortVolume(far, RunInputs.labelValues()));
        String[] args = in.args(out, "--decays", "100", "--label-names", in.labelNames.toString());
        args[8] = labels.toString();
        refused(args, "far.nii.gz", "no labelled voxel lies inside the CT grid");
    }

    @Test
    void activityMostlyOutsideTheCt() {
        VoxelGrid shifted = new VoxelGrid(RunInputs.NX, RunInputs.NY, RunInputs.NZ, 5, 5, 5, new double[] {0, 0, 0});
        Path a = tmp.resolve("shifted.nii.gz");
        ImageFiles.write(a, new FloatVolume(shifted, RunInputs.activityMBqH()));
        String[] args = in.args(out, "--decays", "100");
        args[4] = a.toString();
        refused(args, "shifted.nii.gz", "outside");
    }

    /** An OpenCL device index that does not exist (or no OpenCL at all) with --backend opencl. */
    @Test
    void openClDeviceThatIsNotThere() {
        refused(new String[] {"run", "--ct", in.ct.toString(), "--activity", in.activity.toString(), "--nuclide",
            "Lu-177", "--out", out.toString(), "--backend", "opencl", "--device", "99"}, "OpenCL device");
    }

    @Test
    void activityWithoutIntegrationTime() {
        refused(in.args(out, "--activity-unit", "MBq"), "--tia-hours");
        refused(in.args(out, "--tia-hours", "10"), "--tia-hours needs --activity-unit MBq or Bq/ml");
        refused(in.args(out, "--activity-unit", "MBqh", "--tia-hours", "10"), "--tia-hours applies only");
        refused(in.args(out, "--activity-unit", "mCi"), "--activity-unit");
    }

    @Test
    void unparsableOptionIsOneLineToo() {
        refused(in.args(out, "--decays", "many"), "--decays", "--help");
    }
}
