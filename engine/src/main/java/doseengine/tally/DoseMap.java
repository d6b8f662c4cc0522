package doseengine.tally;

import doseengine.dosimetry.TimeIntegratedActivity;
import doseengine.dosimetry.DoseConversion;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.util.Locale;

/**
 * Absorbed dose per voxel (Gy) for {@code decays} decays, with its relative standard error (a fraction, not
 * per cent). {@code decays = 1} is a map of Gy per decay.
 *
 * <p>Per voxel: {@code D = scale * E * 1.602176634e-13 / (rho * V / 1000)}, E the mean energy per decay (MeV)
 * of {@link BatchMoments}, V the voxel volume (cm3), rho the density (g/cm3). A voxel of density 0 has dose 0
 * ({@link DoseConversion}). The relative uncertainty is the energy's batch-means relative standard error
 * (mass and decay count are exact); 1 where no energy was deposited.
 */
public record DoseMap(FloatVolume gray, FloatVolume relativeUncertainty, double decays) {

    public DoseMap {
        gray.grid().requireSameGrid(relativeUncertainty.grid(), "dose", "dose uncertainty");
    }

    /** Gy per decay. */
    public static DoseMap perDecay(VoxelBatchTally tally, FloatVolume density) {
        return of(tally, density, TimeIntegratedActivity.ofDecays(1));
    }

    /**
     * Gy for the given time-integrated activity.
     *
     * @throws BadInputException when the density is on another grid, or negative or non-finite somewhere
     */
    public static DoseMap of(VoxelBatchTally tally, FloatVolume density, TimeIntegratedActivity activity) {
        VoxelGrid grid = tally.grid();
        grid.requireSameGrid(density.grid(), "dose grid", "density");
        requirePhysicalDensity(density);
        BatchMoments m = tally.voxelMoments();
        float[] rho = density.data();
        float[] dose = new float[rho.length];
        float[] unc = new float[rho.length];
        double volumeCm3 = grid.voxelVolumeCm3();
        double scale = activity.decays();
        ParallelBlocks.run(rho.length, (blk, from, to) -> {
            for (int v = from; v < to; v++) {
                double massG = rho[v] * volumeCm3;
                dose[v] = (float) (scale * m.meanPerDecay(v) * DoseConversion.grayPerMeV(massG));
                unc[v] = (float) m.relativeStandardError(v);
            }
        });
        return new DoseMap(new FloatVolume(grid, dose), new FloatVolume(grid, unc), scale);
    }

    /** Throws naming the first voxel whose density is negative or not finite. */
    static void requirePhysicalDensity(FloatVolume density) {
        float[] rho = density.data();
        VoxelGrid g = density.grid();
        for (int v = 0; v < rho.length; v++) {
            if (!(rho[v] >= 0) || Float.isInfinite(rho[v])) {
                int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / (g.nx() * g.ny());
                throw new BadInputException(String.format(Locale.ROOT,
                        "density at voxel (%d,%d,%d) is %s g/cm3; it must be finite and >= 0", i, j, k, rho[v]));
            }
        }
    }
}
