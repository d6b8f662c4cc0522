package doseengine.source;

import doseengine.geometry.VoxelGrid;

/**
 * The transport's coordinates: cm along the grid's i, j, k axes, measured from the outer corner of voxel
 * (0,0,0), so voxel (i,j,k) spans {@code [i*sx, (i+1)*sx]} (sx in cm) on the first axis and voxel stepping
 * is a division by the spacing. World coordinates (LPS, mm, with direction cosines) only enter on output:
 * <pre>
 *   continuous index  c = x_cm * 10 / spacing_mm - 0.5       (voxel centres at integer c)
 *   world (mm)        VoxelGrid.indexToWorld(c)
 * </pre>
 * Directions are expressed on the same axes; for a non-axis-aligned grid a world direction {@code u} is
 * {@code D^T u} in this frame.
 */
public final class TransportFrame {
    private TransportFrame() {}

    /** Transport position (cm) of a world point (mm). */
    public static double[] fromWorldMm(VoxelGrid g, double[] worldMm) {
        double[] c = g.worldToIndex(worldMm[0], worldMm[1], worldMm[2]);
        return new double[] {
            (c[0] + 0.5) * g.spacingX() / 10, (c[1] + 0.5) * g.spacingY() / 10, (c[2] + 0.5) * g.spacingZ() / 10,
        };
    }

    /** World point (mm) of a transport position (cm). */
    public static double[] toWorldMm(VoxelGrid g, double[] cm) {
        return g.indexToWorld(cm[0] * 10 / g.spacingX() - 0.5, cm[1] * 10 / g.spacingY() - 0.5,
                cm[2] * 10 / g.spacingZ() - 0.5);
    }

    /** Flat index of the voxel holding a transport position, or -1 outside the grid (faces belong upward). */
    public static int voxelOf(VoxelGrid g, double[] cm) {
        int i = (int) Math.floor(cm[0] * 10 / g.spacingX());
        int j = (int) Math.floor(cm[1] * 10 / g.spacingY());
        int k = (int) Math.floor(cm[2] * 10 / g.spacingZ());
        return g.contains(i, j, k) ? g.flatIndex(i, j, k) : -1;
    }
}
