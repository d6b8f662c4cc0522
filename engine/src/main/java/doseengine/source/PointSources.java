package doseengine.source;

import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.source.PointSource;
import java.util.Arrays;

/** Point sources for validation, placed in the transport frame ({@link TransportFrame}). */
public final class PointSources {
    private PointSources() {}

    /**
     * A point source at a world position (mm) inside the grid.
     *
     * @throws BadInputException when the point lies outside the grid
     */
    public static PointSource atWorldMm(VoxelGrid grid, double[] worldMm) {
        double[] cm = TransportFrame.fromWorldMm(grid, worldMm);
        int voxel = TransportFrame.voxelOf(grid, cm);
        if (voxel < 0) {
            throw new BadInputException("point source at " + Arrays.toString(worldMm) + " mm lies outside the grid "
                    + grid);
        }
        return new PointSource((float) cm[0], (float) cm[1], (float) cm[2], voxel);
    }
}
