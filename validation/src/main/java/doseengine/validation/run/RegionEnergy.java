package doseengine.validation.run;

/**
 * Energy deposited in a labelled region per decay, with its relative standard error computed from the region's
 * total per batch (not by combining voxel errors: the voxels of one region are correlated).
 */
public record RegionEnergy(double meanMeVPerDecay, double relativeUncertainty) {
}
