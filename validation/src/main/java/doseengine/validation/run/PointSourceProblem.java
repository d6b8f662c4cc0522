package doseengine.validation.run;

import doseengine.geometry.VoxelGrid;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.Arrays;

/**
 * A point source in a homogeneous medium with energy scored in spherical shells around it: the dose point kernel
 * set-up. The medium is given twice, as a material of infinite extent (for a transport that needs no grid) and
 * as a homogeneous voxel grid large enough to stand for it (centred on the source, reaching past the last shell
 * and past the range of the most energetic electron emitted, and for photons a few mean free paths beyond the last
 * shell: {@code DpkBenchmark}).
 *
 * @param name          the benchmark's name, for logs
 * @param source        what each decay emits
 * @param material      {@code MaterialCatalog} name of the medium
 * @param density       its mass density (g/cm3)
 * @param grid          the voxel grid of the medium (mm, LPS); the source sits at world {@code sourceMm}
 * @param sourceMm      world position of the point source (mm), the centre of the grid's middle voxel
 * @param shellEdgesMm  shell radii (mm) around the source, strictly increasing from 0
 */
public record PointSourceProblem(String name, EmissionSource source, String material, double density, VoxelGrid grid,
        double[] sourceMm, double[] shellEdgesMm) {
    public PointSourceProblem {
        sourceMm = sourceMm.clone();
        shellEdgesMm = shellEdgesMm.clone();
        if (shellEdgesMm.length < 2 || shellEdgesMm[0] != 0) {
            throw new IllegalArgumentException("shells need at least two edges starting at 0");
        }
        for (int i = 1; i < shellEdgesMm.length; i++) {
            if (!(shellEdgesMm[i] > shellEdgesMm[i - 1])) {
                throw new IllegalArgumentException("shell edges must increase strictly");
            }
        }
        if (!(density > 0)) {
            throw new IllegalArgumentException("density must be positive");
        }
    }

    /** The same problem under another name (the logs tell runs of one problem apart by it). */
    public PointSourceProblem named(String newName) {
        return new PointSourceProblem(newName, source, material, density, grid, sourceMm, shellEdgesMm);
    }

    @Override
    public double[] sourceMm() {
        return sourceMm.clone();
    }

    @Override
    public double[] shellEdgesMm() {
        return shellEdgesMm.clone();
    }

    public int shells() {
        return shellEdgesMm.length - 1;
    }

    /** The shell radii in cm, as {@code ShellBatchTally} takes them. */
    public float[] shellEdgesCm() {
        float[] cm = new float[shellEdgesMm.length];
        for (int i = 0; i < cm.length; i++) {
            cm[i] = (float) (shellEdgesMm[i] / 10.0);
        }
        return cm;
    }

    /** The grid as the kernels see it: material index 0 everywhere at {@link #density()}. */
    public VoxelGeometry voxelGeometry() {
        int n = grid.voxelCount();
        float[] rho = new float[n];
        Arrays.fill(rho, (float) density);
        return new VoxelGeometry(grid.nx(), grid.ny(), grid.nz(), (float) (grid.spacingX() / 10),
                (float) (grid.spacingY() / 10), (float) (grid.spacingZ() / 10), new byte[n], rho);
    }
}
