package doseengine.phantoms;

import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import java.util.Locale;

/** Sizes the centred, cubic-voxel grid a phantom is rendered on, refusing voxel sizes that cannot work. */
public final class PhantomGrid {
    /**
     * Most voxels a phantom may have: 200 million voxels already take 1.6 GB for CT, activity and labels, and
     * far more for the engine's density, material and dose maps on the same grid.
     */
    public static final long MAX_VOXELS = 200_000_000L;

    private PhantomGrid() {
    }

    /** Throws when {@code voxelMm} is not a positive finite number. */
    public static void requireVoxelSize(String phantom, double voxelMm) {
        if (!(voxelMm > 0) || !Double.isFinite(voxelMm)) {
            throw new BadInputException("voxel size for phantom " + phantom
                    + " must be a positive finite number of mm, got " + voxelMm);
        }
    }

    /**
     * The smallest grid of cubic {@code voxelMm} voxels, centred on the world origin, that holds the box
     * [-halfX, halfX] x [-halfY, halfY] x [-halfZ, halfZ] mm.
     */
    public static VoxelGrid centred(String phantom, double halfX, double halfY, double halfZ, double voxelMm) {
        return build(phantom, halfX, halfY, halfZ, voxelMm, false);
    }

    /**
     * As {@link #centred}, but with an odd number of voxels on each axis, so the world origin is the centre of
     * a voxel rather than a corner. A sphere centred there is voxelized without the coherent error of the
     * corner placement (1.35 % in label volume at 30 voxels across, against 0.07 %).
     */
    public static VoxelGrid centredOnVoxel(String phantom, double halfX, double halfY, double halfZ, double voxelMm) {
        return build(phantom, halfX, halfY, halfZ, voxelMm, true);
    }

    private static VoxelGrid build(String phantom, double halfX, double halfY, double halfZ, double voxelMm,
            boolean odd) {
        requireVoxelSize(phantom, voxelMm);
        long nx = count(halfX, voxelMm, odd), ny = count(halfY, voxelMm, odd), nz = count(halfZ, voxelMm, odd);
        double total = (double) nx * ny * nz;
        if (total > MAX_VOXELS) {
            double minVoxel = voxelMm * Math.cbrt(total / MAX_VOXELS);
            throw new BadInputException(String.format(Locale.ROOT,
                    "phantom %s at %s mm voxels needs %d x %d x %d = %.3g voxels, more than the %d allowed; "
                            + "use voxels of at least %.3g mm", phantom, voxelMm, nx, ny, nz, total, MAX_VOXELS,
                    minVoxel));
        }
        return VoxelGrid.centredCube((int) nx, (int) ny, (int) nz, voxelMm);
    }

    private static long count(double half, double voxelMm, boolean odd) {
        // The small slack keeps an exact fit (200 mm in 2 mm voxels) from gaining a voxel by rounding.
        long n = (long) Math.max(1, Math.min(Math.ceil(2 * half / voxelMm - 1e-9), 1e12));
        return odd && n % 2 == 0 ? n + 1 : n;
    }
}
