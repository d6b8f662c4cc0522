package doseengine.phantoms;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import java.util.Map;

/**
 * What the {@link Rasterizer} made of a list of layers.
 *
 * @param ctHu CT numbers (HU): each voxel takes the CT number of its majority structure
 * @param activityMBq activity per voxel (MBq): the sum over structures of concentration x sampled volume
 *     fraction x voxel volume, so partial voxels keep their share
 * @param labels label value i+1 for layer i; 0 where the background holds the majority
 * @param sampledVolumesMl per layer label, in layer order: the volume (ml) of the layer's visible part as the
 *     sub-voxel samples measured it (fractions summed over voxels). It equals the analytic volume up to the
 *     sampling error and is what the activity is proportional to; it is not the label voxel count times the
 *     voxel volume.
 */
public record Rendering(ShortVolume ctHu, FloatVolume activityMBq, LabelMap labels,
        Map<String, Double> sampledVolumesMl) {
}
