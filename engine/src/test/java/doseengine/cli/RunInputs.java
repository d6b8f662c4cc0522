package doseengine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.LabelNamesJson;
import java.nio.file.Path;

/**
 * Input files for {@code run} tests, written into a folder: a 12 x 10 x 8 CT of 5 mm voxels (soft tissue at 40 HU,
 * a lung block at -800 HU, a bone block at 700 HU), a time-integrated activity image in MBq h (1 everywhere in the
 * soft tissue, 10 in a "hot" block), and labels "hot" (1) and "lung" (2) with labels.json beside them.
 */
final class RunInputs {
    static final int NX = 12, NY = 10, NZ = 8;
    static final double VOXEL_MM = 5;

    final Path ct, activity, labels, labelNames;

    private RunInputs(Path dir) {
        ct = dir.resolve("ct.nii.gz");
        activity = dir.resolve("activity.nii.gz");
        labels = dir.resolve("labels.nii.gz");
        labelNames = dir.resolve("labels.json");
    }

    static VoxelGrid grid() {
        return VoxelGrid.centredCube(NX, NY, NZ, VOXEL_MM);
    }

    static boolean hot(int i, int j, int k) {
        return i >= 2 && i < 5 && j >= 2 && j < 5 && k >= 2 && k < 5;
    }

    static boolean lung(int i, int j, int k) {
        return i >= 7 && i < 11 && j >= 1 && j < 8 && k >= 1 && k < 7;
    }

    static boolean bone(int i, int j, int k) {
        return i >= 2 && i < 5 && j >= 6 && j < 9 && k >= 2 && k < 6;
    }

    static short[] hu() {
        VoxelGrid g = grid();
        short[] hu = new short[g.voxelCount()];
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    hu[g.flatIndex(i, j, k)] = (short) (lung(i, j, k) ? -800 : bone(i, j, k) ? 700 : 40);
                }
            }
        }
        return hu;
    }

    static float[] activityMBqH() {
        VoxelGrid g = grid();
        float[] a = new float[g.voxelCount()];
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    a[g.flatIndex(i, j, k)] = hot(i, j, k) ? 10f : lung(i, j, k) ? 0.2f : bone(i, j, k) ? 0f : 1f;
                }
            }
        }
        return a;
    }

    static short[] labelValues() {
        VoxelGrid g = grid();
        short[] l = new short[g.voxelCount()];
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    l[g.flatIndex(i, j, k)] = (short) (hot(i, j, k) ? 1 : lung(i, j, k) ? 2 : 0);
                }
            }
        }
        return l;
    }

    /** Writes the CT, activity, labels and labels.json into {@code dir}. */
    static RunInputs write(Path dir) {
        RunInputs r = new RunInputs(dir);
        ImageFiles.write(r.ct, new ShortVolume(grid(), hu()));
        ImageFiles.write(r.activity, new FloatVolume(grid(), activityMBqH()));
        ImageFiles.write(r.labels, new ShortVolume(grid(), labelValues()));
        ObjectNode names = LabelNamesJson.newDocument();
        LabelNamesJson.addLabel(names, 1, "hot");
        LabelNamesJson.addLabel(names, 2, "lung");
        LabelNamesJson.write(r.labelNames, names);
        return r;
    }

    /** The arguments of a quick Java Monte Carlo run of these inputs into {@code out}, followed by {@code extra}. */
    String[] args(Path out, String... extra) {
        String[] base = {"run", "--ct", ct.toString(), "--activity", activity.toString(), "--nuclide", "Lu-177",
            "--labels", labels.toString(), "--out", out.toString(), "--method", "mc", "--backend", "java"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
