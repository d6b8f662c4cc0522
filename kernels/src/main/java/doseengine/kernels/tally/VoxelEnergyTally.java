package doseengine.kernels.tally;

/**
 * Energy deposited per voxel of an {@code nx x ny x nz} grid, in fixed point, with the escaped and emitted
 * counters of {@link EnergyTally}. Bin {@code b} is the voxel with flat index {@code b = i + nx * (j + ny * k)},
 * the order of every volume in the project.
 *
 * <p>Device twin: {@code include/tally.clh}: {@code voxel_tally_deposit}.
 */
public final class VoxelEnergyTally extends EnergyTally {
    private final int nx, ny, nz;

    public VoxelEnergyTally(int nx, int ny, int nz) {
        super(voxelCount(nx, ny, nz));
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }

    /**
     * Adds {@code energyMeV} to the voxel with this flat index. Atomic and allocation-free.
     * Precondition (unchecked on the device, an exception here): {@code 0 <= flatIndex < bins()}.
     */
    public void deposit(int flatIndex, float energyMeV) {
        if (flatIndex >= bins()) {
            // Without this, a too large index would land silently in the escaped or emitted counter.
            throw new ArrayIndexOutOfBoundsException("voxel " + flatIndex + " outside a tally of " + bins() + " voxels");
        }
        add(flatIndex, energyMeV);
    }

    /** Bins by the voxel; the position is not needed. */
    @Override
    public void deposit(int voxel, float x, float y, float z, float energyMeV) {
        deposit(voxel, energyMeV);
    }

    private static int voxelCount(int nx, int ny, int nz) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("grid dimensions must be positive, got " + nx + " x " + ny + " x " + nz);
        }
        long n = (long) nx * ny * nz;
        if (n > Integer.MAX_VALUE - 10) {
            throw new IllegalArgumentException("a grid of " + n + " voxels is too large for one tally array");
        }
        return (int) n;
    }
}
