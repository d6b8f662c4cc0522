package doseengine.report;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.tally.TissueMaximum;

/**
 * The mass-weighted mean dose over each voxel's 3 x 3 x 3 neighbourhood (clipped at the grid's faces), counting
 * only tissue voxels ({@link TissueMaximum#isTissue}: lung and denser): {@code sum(D rho) / sum(rho)}. Used to
 * find where the dose is high in a region rather than in one voxel: an air voxel that holds some activity (skin,
 * partial volumes) can reach many times the organ doses on its own. Separable box sums, six passes.
 */
final class LocalMeanDose {
    private LocalMeanDose() {}

    static float[] of(FloatVolume dose, FloatVolume density) {
        VoxelGrid g = dose.grid();
        float[] d = dose.data();
        float[] rho = density.data();
        int n = d.length;
        float[] energy = new float[n];
        float[] mass = new float[n];
        for (int v = 0; v < n; v++) {
            if (TissueMaximum.isTissue(rho[v])) {
                energy[v] = d[v] * rho[v];
                mass[v] = rho[v];
            }
        }
        int[] strides = {1, g.nx(), g.nx() * g.ny()};
        int[] sizes = {g.nx(), g.ny(), g.nz()};
        for (int axis = 0; axis < 3; axis++) {
            energy = boxSum(energy, g, strides[axis], sizes[axis]);
            mass = boxSum(mass, g, strides[axis], sizes[axis]);
        }
        float[] out = new float[n];
        for (int v = 0; v < n; v++) {
            out[v] = mass[v] > 0 ? energy[v] / mass[v] : 0f;
        }
        return out;
    }

    /** Sum of each voxel and its two neighbours along one axis (stride, length), those inside the grid. */
    private static float[] boxSum(float[] in, VoxelGrid g, int stride, int length) {
        float[] out = new float[in.length];
        for (int v = 0; v < in.length; v++) {
            int c = (v / stride) % length;
            float s = in[v];
            if (c > 0) {
                s += in[v - stride];
            }
            if (c < length - 1) {
                s += in[v + stride];
            }
            out[v] = s;
        }
        return out;
    }
}
