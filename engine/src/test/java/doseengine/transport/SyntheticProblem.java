package doseengine.transport;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.material.MaterialCatalog;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small heterogeneous problem for orchestration tests: a 10 x 10 x 10 grid of 4 mm voxels, densities from 0.3
 * to 1.9 g/cm3, activity in every voxel (random weights, five times hotter in a 4 x 4 x 4 block), two labels:
 * "hot" (the block) and "shell" (the outer layer of voxels).
 */
public final class SyntheticProblem {
    public static final int N = 10;
    public static final double VOXEL_MM = 4;

    private SyntheticProblem() {}

    public static VoxelGrid grid() {
        return VoxelGrid.centredCube(N, N, N, VOXEL_MM);
    }

    public static FloatVolume density() {
        float[] rho = new float[N * N * N];
        SplittableRandom r = new SplittableRandom(5);
        for (int v = 0; v < rho.length; v++) {
            rho[v] = (float) (0.3 + 1.6 * r.nextDouble());
        }
        return new FloatVolume(grid(), rho);
    }

    /** Time-integrated activity (MBq h) per voxel. */
    public static FloatVolume activity() {
        float[] a = new float[N * N * N];
        SplittableRandom r = new SplittableRandom(6);
        VoxelGrid g = grid();
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    double w = 0.2 + r.nextDouble();
                    a[g.flatIndex(i, j, k)] = (float) (inHot(i, j, k) ? 5 * w : w);
                }
            }
        }
        return new FloatVolume(g, a);
    }

    public static LabelMap labels() {
        short[] l = new short[N * N * N];
        VoxelGrid g = grid();
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    boolean outer = i == 0 || j == 0 || k == 0 || i == N - 1 || j == N - 1 || k == N - 1;
                    l[g.flatIndex(i, j, k)] = (short) (inHot(i, j, k) ? 1 : outer ? 2 : 0);
                }
            }
        }
        return new LabelMap(new ShortVolume(g, l), Map.of(1, "hot", 2, "shell"));
    }

    static boolean inHot(int i, int j, int k) {
        return i >= 3 && i < 7 && j >= 3 && j < 7 && k >= 3 && k < 7;
    }

    /** The problem with Lu-177, soft tissue everywhere (material index 0) and a CT of 0 HU. */
    public static DoseProblem problem() {
        VoxelGrid g = grid();
        return new DoseProblem("synthetic", new ShortVolume(g), density(), new ByteVolume(g),
                List.of(MaterialCatalog.standard().get("tissue_soft_icrp")), activity(), labels(),
                NuclideCatalog.get("Lu-177"), List.of());
    }
}
