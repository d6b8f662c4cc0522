package doseengine.validation.run;

import doseengine.tally.EnergyBalance;
import java.util.Map;

/**
 * What a voxel-source run returns: energy per voxel per decay (MeV, flat index {@code i + nx (j + ny k)}) with
 * its relative standard error, the energy of each labelled region, the energy balance and how the run went.
 */
public record VoxelSourceResult(double[] voxelMeVPerDecay, double[] voxelRelativeUncertainty,
        Map<String, RegionEnergy> regions, EnergyBalance balance, RunRecord run) {
    public VoxelSourceResult {
        if (voxelMeVPerDecay.length != voxelRelativeUncertainty.length) {
            throw new IllegalArgumentException("one uncertainty per voxel");
        }
        voxelMeVPerDecay = voxelMeVPerDecay.clone();
        voxelRelativeUncertainty = voxelRelativeUncertainty.clone();
        regions = Map.copyOf(regions);
    }

    @Override
    public double[] voxelMeVPerDecay() {
        return voxelMeVPerDecay.clone();
    }

    @Override
    public double[] voxelRelativeUncertainty() {
        return voxelRelativeUncertainty.clone();
    }
}
