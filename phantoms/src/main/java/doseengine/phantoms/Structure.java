package doseengine.phantoms;

/**
 * One labelled structure of a rendered phantom.
 *
 * @param name label name (lower-case snake_case)
 * @param label label value in the phantom's {@link doseengine.geometry.LabelMap}
 * @param hu CT number (HU) of its voxels
 * @param concentrationMBqPerMl activity concentration (MBq/ml)
 * @param sampledVolumeMl volume of the structure's visible part measured by the sub-voxel samples (ml); the
 *     analytic volume up to the sampling error (see {@link Rendering#sampledVolumesMl})
 */
public record Structure(String name, int label, short hu, double concentrationMBqPerMl, double sampledVolumeMl) {
}
