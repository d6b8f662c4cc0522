package doseengine.geometry.resample;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;

import java.util.Locale;

/**
 * Conservative resampling for grids at any relative orientation: source voxels split into sub-voxels, each
 * deposited as a small target-aligned box by exact overlap. Accuracy and cost are described in
 * {@link ActivityResampler}. Single-threaded: deposits from neighbouring source voxels land in the same target
 * voxels.
 */
final class SubVoxelResampling {
    private SubVoxelResampling() {}

    static ResampledActivity resample(float[] a, VoxelGrid source, VoxelGrid target, int samplesPerTargetVoxel,
            double sourceTotal) {
        IndexMap toTarget = new IndexMap(source, target);
        double[] m = toTarget.matrix;
        int[] n = new int[3];
        for (int c = 0; c < 3; c++) {
            double reach = 0; // target voxels crossed per source voxel along source axis c, worst target axis
            for (int r = 0; r < 3; r++) {
                reach = Math.max(reach, Math.abs(m[3 * r + c]));
            }
            n[c] = Math.max(1, (int) Math.ceil(samplesPerTargetVoxel * reach - 1e-9));
        }
        // Sub-voxel edge vectors in target index units, one per source axis, and the half-widths of the
        // target-aligned box that bounds a sub-voxel.
        double[][] step = new double[3][3];
        double[] half = new double[3];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                step[c][r] = m[3 * r + c] / n[c];
                half[r] += 0.5 * Math.abs(step[c][r]);
            }
        }
        int[] nt = {target.nx(), target.ny(), target.nz()};
        int nsx = source.nx(), nsy = source.ny(), nsz = source.nz();
        float[] out = new float[target.voxelCount()];
        double inverseCount = 1.0 / ((double) n[0] * n[1] * n[2]);
        double outside = 0;
        double[] corner = new double[3];
        double[] centre = new double[3];
        int maxPerAxis = (int) Math.ceil(2 * Math.max(half[0], Math.max(half[1], half[2]))) + 2;
        int[][] cell = new int[3][maxPerAxis];
        double[][] weight = new double[3][maxPerAxis];
        int[] count = new int[3];
        for (int k = 0, v = 0; k < nsz; k++) {
            for (int j = 0; j < nsy; j++) {
                for (int i = 0; i < nsx; i++, v++) {
                    if (a[v] == 0) {
                        continue;
                    }
                    double share = a[v] * inverseCount;
                    double si = i - 0.5 + 0.5 / n[0], sj = j - 0.5 + 0.5 / n[1], sk = k - 0.5 + 0.5 / n[2];
                    for (int r = 0; r < 3; r++) {
                        corner[r] = toTarget.offset[r] + m[3 * r] * si + m[3 * r + 1] * sj + m[3 * r + 2] * sk;
                    }
                    double inside = 0;
                    for (int qz = 0; qz < n[2]; qz++) {
                        for (int qy = 0; qy < n[1]; qy++) {
                            for (int qx = 0; qx < n[0]; qx++) {
                                for (int r = 0; r < 3; r++) {
                                    centre[r] = corner[r] + qx * step[0][r] + qy * step[1][r] + qz * step[2][r];
                                }
                                inside += deposit(out, centre, half, nt, share, cell, weight, count);
                            }
                        }
                    }
                    outside += a[v] - inside;
                }
            }
        }
        String method = String.format(Locale.ROOT, "sub-sampled, %dx%dx%d sub-voxels per source voxel", n[0], n[1],
                n[2]);
        return ResampledActivity.of(new FloatVolume(target, out), sourceTotal, outside, method);
    }

    /**
     * Spreads {@code share} over the target voxels that a target-aligned box of half-widths {@code half}, centred on
     * {@code centre} (target index units), overlaps, in proportion to the overlap volume; returns the part that
     * landed inside the target grid.
     */
    private static double deposit(float[] out, double[] centre, double[] half, int[] nt, double share, int[][] cell,
            double[][] weight, int[] count) {
        double insideFraction = 1;
        for (int r = 0; r < 3; r++) {
            double lo = centre[r] - half[r], hi = centre[r] + half[r], width = hi - lo;
            int first = Math.max(0, (int) Math.floor(lo + 0.5));
            int last = Math.min(nt[r] - 1, (int) Math.floor(hi + 0.5));
            int c = 0;
            double in = 0;
            for (int t = first; t <= last; t++) {
                double w = (Math.min(hi, t + 0.5) - Math.max(lo, t - 0.5)) / width;
                if (w > 0) {
                    cell[r][c] = t;
                    weight[r][c] = w;
                    in += w;
                    c++;
                }
            }
            count[r] = c;
            insideFraction *= in;
        }
        if (insideFraction == 0) {
            return 0;
        }
        int nx = nt[0], nxy = nt[0] * nt[1];
        for (int ez = 0; ez < count[2]; ez++) {
            double wz = share * weight[2][ez];
            int oz = nxy * cell[2][ez];
            for (int ey = 0; ey < count[1]; ey++) {
                double wyz = wz * weight[1][ey];
                int oyz = oz + nx * cell[1][ey];
                for (int ex = 0; ex < count[0]; ex++) {
                    out[oyz + cell[0][ex]] += (float) (wyz * weight[0][ex]);
                }
            }
        }
        return share * insideFraction;
    }
}
