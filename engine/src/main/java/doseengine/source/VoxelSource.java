package doseengine.source;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.source.SourceSampler;
import java.util.Locale;

/**
 * Decay positions distributed over voxels in proportion to a weight per voxel (activity, time-integrated
 * activity, or a label mask): the alias table the transport samples, over the voxels with weight > 0 only, so
 * a sparse activity map gives a compact table ({@code tables-source.md} in the kernels module).
 *
 * <p>Memory: 12 bytes per active voxel in the table, plus 12 bytes per active voxel while building it.
 */
public final class VoxelSource {
    private final VoxelGrid grid;
    private final float[] prob;
    private final int[] alias;
    private final int[] voxelIndex;
    private final double totalWeight;

    private VoxelSource(VoxelGrid grid, float[] prob, int[] alias, int[] voxelIndex, double totalWeight) {
        this.grid = grid;
        this.prob = prob;
        this.alias = alias;
        this.voxelIndex = voxelIndex;
        this.totalWeight = totalWeight;
    }

    /**
     * Decays in proportion to the activity of each voxel (any unit: only ratios matter).
     *
     * @throws BadInputException naming the first voxel (i,j,k) whose activity is negative or not finite, or
     *         "activity image is empty" when no voxel has activity > 0
     */
    public static VoxelSource fromActivity(FloatVolume activity) {
        float[] a = activity.data();
        VoxelGrid g = activity.grid();
        int active = 0;
        for (int v = 0; v < a.length; v++) {
            float x = a[v];
            if (!(x >= 0) || Float.isInfinite(x)) {
                int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / (g.nx() * g.ny());
                throw new BadInputException(String.format(Locale.ROOT,
                        "activity at voxel (%d,%d,%d) is %s; it must be finite and >= 0", i, j, k, x));
            }
            if (x > 0) {
                active++;
            }
        }
        if (active == 0) {
            throw new BadInputException("activity image is empty: no voxel has activity > 0");
        }
        int[] voxels = new int[active];
        double[] weights = new double[active];
        int c = 0;
        for (int v = 0; v < a.length; v++) {
            if (a[v] > 0) {
                voxels[c] = v;
                weights[c++] = a[v];
            }
        }
        return of(g, voxels, weights);
    }

    /**
     * Decays uniform over the voxels of a named label (validation: the same alias table over a mask).
     *
     * @throws BadInputException when there is no such label or it has no voxel
     */
    public static VoxelSource uniformInLabel(LabelMap labels, String name) {
        int value = labels.valueOf(name);
        int[] voxels = labels.voxelsOf(value);
        if (voxels.length == 0) {
            throw new BadInputException("label '" + name + "' has no voxel, so it cannot be a source");
        }
        double[] weights = new double[voxels.length];
        java.util.Arrays.fill(weights, 1);
        return of(labels.grid(), voxels, weights);
    }

    private static VoxelSource of(VoxelGrid g, int[] voxels, double[] weights) {
        AliasTable t = AliasTable.build(weights);
        int[] aliasVoxel = new int[voxels.length];
        int[] aliasColumn = t.alias();
        for (int c = 0; c < voxels.length; c++) {
            aliasVoxel[c] = voxels[aliasColumn[c]];
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return new VoxelSource(g, t.prob(), aliasVoxel, voxels, total);
    }

    public VoxelGrid grid() { return grid; }

    /** Number of voxels with weight > 0 (the table's columns). */
    public int activeVoxels() { return voxelIndex.length; }

    /** Sum of the weights (the total activity in the image's unit). */
    public double totalWeight() { return totalWeight; }

    /** Column c keeps its own voxel with this probability (shared array). */
    public float[] prob() { return prob; }

    /** Flat voxel index taken when column c does not keep its own (shared array). */
    public int[] alias() { return alias; }

    /** Flat voxel index of column c (shared array), increasing. */
    public int[] voxelIndex() { return voxelIndex; }

    /** The transport's sampler over this table, with voxel sizes in cm (grid frame, {@link TransportFrame}). */
    public SourceSampler sampler() {
        return new SourceSampler(prob, alias, voxelIndex, grid.nx(), grid.ny(), grid.nz(),
                (float) (grid.spacingX() / 10), (float) (grid.spacingY() / 10), (float) (grid.spacingZ() / 10));
    }

    /** The exact probability that the table draws this voxel (0 for an inactive voxel); O(columns), for tests. */
    public double probabilityOfVoxel(int flatIndex) {
        double s = 0;
        for (int c = 0; c < prob.length; c++) {
            if (voxelIndex[c] == flatIndex) {
                s += prob[c];
            }
            if (alias[c] == flatIndex) {
                s += 1 - (double) prob[c];
            }
        }
        return s / prob.length;
    }
}
