package doseengine.geometry.resample;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;

import java.util.stream.IntStream;

/**
 * Exact volume-overlap resampling between grids whose axes are parallel up to a permutation and flips. Two boxes
 * with parallel edges overlap in a box, so a target voxel's share of a source voxel is the product of three 1D
 * interval overlaps; each target voxel gathers its sources in double and is written once, so target slices are
 * computed in parallel. See {@link ActivityResampler}.
 */
final class OverlapResampling {
    private OverlapResampling() {}

    /** Per target index along one axis: the source voxels it overlaps (as flat-index offsets) and their weights. */
    private static final class AxisOverlaps {
        final int[] start;   // entries of target index t are start[t] .. start[t+1]-1
        final int[] offset;  // source index along the matching source axis, times that axis's flat stride
        final double[] weight; // overlap length / source voxel length

        AxisOverlaps(int[] start, int[] offset, double[] weight) {
            this.start = start;
            this.offset = offset;
            this.weight = weight;
        }
    }

    static ResampledActivity resample(float[] a, VoxelGrid source, VoxelGrid target, int[] sourceAxisOf,
            double sourceTotal) {
        IndexMap toSource = new IndexMap(target, source);
        int[] nSource = {source.nx(), source.ny(), source.nz()};
        int[] nTarget = {target.nx(), target.ny(), target.nz()};
        int[] stride = {1, source.nx(), source.nx() * source.ny()};
        AxisOverlaps[] overlaps = new AxisOverlaps[3];
        double[][] insideFraction = new double[3][];
        for (int b = 0; b < 3; b++) {
            int axis = sourceAxisOf[b];
            double off = toSource.offset[axis];
            double scale = toSource.matrix[3 * axis + b];
            overlaps[b] = axisOverlaps(off, scale, nTarget[b], nSource[axis], stride[axis]);
            insideFraction[axis] = insideFraction(off, scale, nTarget[b], nSource[axis]);
        }

        double outside = 0;
        for (int k = 0, v = 0; k < nSource[2]; k++) {
            for (int j = 0; j < nSource[1]; j++) {
                double fjk = insideFraction[1][j] * insideFraction[2][k];
                for (int i = 0; i < nSource[0]; i++, v++) {
                    outside += a[v] * (1 - insideFraction[0][i] * fjk);
                }
            }
        }

        float[] out = new float[target.voxelCount()];
        AxisOverlaps ox = overlaps[0], oy = overlaps[1], oz = overlaps[2];
        int ntx = nTarget[0], nty = nTarget[1];
        int maxPairs = maxEntries(oy) * maxEntries(oz);
        IntStream.range(0, nTarget[2]).parallel().forEach(r -> {
            int[] yzOffset = new int[maxPairs];
            double[] yzWeight = new double[maxPairs];
            for (int q = 0; q < nty; q++) {
                int pairs = 0;
                for (int ez = oz.start[r]; ez < oz.start[r + 1]; ez++) {
                    for (int ey = oy.start[q]; ey < oy.start[q + 1]; ey++) {
                        yzOffset[pairs] = oz.offset[ez] + oy.offset[ey];
                        yzWeight[pairs] = oz.weight[ez] * oy.weight[ey];
                        pairs++;
                    }
                }
                int row = ntx * (q + nty * r);
                for (int p = 0; p < ntx; p++) {
                    double sum = 0;
                    for (int ex = ox.start[p]; ex < ox.start[p + 1]; ex++) {
                        int xo = ox.offset[ex];
                        double xw = ox.weight[ex];
                        for (int e = 0; e < pairs; e++) {
                            sum += a[xo + yzOffset[e]] * (xw * yzWeight[e]);
                        }
                    }
                    out[row + p] = (float) sum;
                }
            }
        });
        return ResampledActivity.of(new FloatVolume(target, out), sourceTotal, outside, "exact overlap");
    }

    /**
     * Target voxel t covers source coordinates {@code off + scale * [t - 0.5, t + 0.5]} along the matching source
     * axis; its weight for source voxel s is the length it shares with {@code [s - 0.5, s + 0.5]}.
     */
    private static AxisOverlaps axisOverlaps(double off, double scale, int nTarget, int nSource, int stride) {
        int perTarget = (int) Math.ceil(Math.abs(scale)) + 2;
        int[] start = new int[nTarget + 1];
        int[] offset = new int[nTarget * perTarget];
        double[] weight = new double[nTarget * perTarget];
        int e = 0;
        for (int t = 0; t < nTarget; t++) {
            start[t] = e;
            // Both ends from the same expression as the neighbours' ends, so adjacent target voxels tile exactly.
            double x0 = off + scale * (t - 0.5), x1 = off + scale * (t + 0.5);
            double lo = Math.min(x0, x1), hi = Math.max(x0, x1);
            int sFirst = Math.max(0, (int) Math.floor(lo + 0.5));
            int sLast = Math.min(nSource - 1, (int) Math.floor(hi + 0.5));
            for (int s = sFirst; s <= sLast; s++) {
                double w = Math.min(hi, s + 0.5) - Math.max(lo, s - 0.5);
                if (w > 0) {
                    offset[e] = s * stride;
                    weight[e] = w;
                    e++;
                }
            }
        }
        start[nTarget] = e;
        return new AxisOverlaps(start, offset, weight);
    }

    /** Fraction of each source voxel's length, along one axis, that lies inside the target grid. */
    private static double[] insideFraction(double off, double scale, int nTarget, int nSource) {
        double x0 = off + scale * -0.5, x1 = off + scale * (nTarget - 0.5);
        double lo = Math.min(x0, x1), hi = Math.max(x0, x1);
        double[] f = new double[nSource];
        for (int s = 0; s < nSource; s++) {
            f[s] = Math.max(0, Math.min(hi, s + 0.5) - Math.max(lo, s - 0.5));
        }
        return f;
    }

    private static int maxEntries(AxisOverlaps o) {
        int m = 1;
        for (int t = 0; t + 1 < o.start.length; t++) {
            m = Math.max(m, o.start[t + 1] - o.start[t]);
        }
        return m;
    }
}
