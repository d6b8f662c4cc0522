package doseengine.study;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The activity (MBq) of one time point summed per structure, over the rest of the body and over the whole image.
 * The rest of the body is every voxel in no named structure (background and label values without a name); its
 * its own sum, not a difference, so that it is never negative. Sums in double over the float voxels. Where
 * structures overlap (a tumour inside the liver) each structure sums its own mask, so a voxel of both counts in
 * both, and the structures' sums may add up to more than the image's total.
 *
 * @param structures MBq per structure name, in label value order
 * @param restMBq    MBq in voxels of no named structure
 * @param totalMBq   MBq of the whole image
 */
public record StructureSums(Map<String, Double> structures, double restMBq, double totalMBq) {
    public StructureSums {
        structures = Collections.unmodifiableMap(new LinkedHashMap<>(structures));
    }

    /** The sums of {@code activity} (MBq per voxel) over {@code labels}, both on one grid. */
    public static StructureSums of(FloatVolume activity, LabelMap labels) {
        activity.grid().requireSameGrid(labels.grid(), "activity", "labels");
        double[] perValue = new double[Short.MAX_VALUE + 1];
        double[] restByFirstLayerValue = new double[Short.MAX_VALUE + 1];
        float[] a = activity.data();
        int layers = labels.layerCount();
        short[][] l = new short[layers][];
        int[][] compact = new int[layers][];
        for (int k = 0; k < layers; k++) {
            l[k] = labels.layer(k).data();
            compact[k] = labels.compactIndexInLayer(k);
        }
        double total = 0;
        for (int v = 0; v < a.length; v++) {
            boolean held = false;
            for (int k = 0; k < layers; k++) {
                short s = l[k][v];
                if (s > 0 && compact[k][s] >= 0) {
                    perValue[s] += a[v];
                    held = true;
                }
            }
            if (!held) {
                restByFirstLayerValue[l[0][v]] += a[v]; // background and unnamed values, kept apart as before
            }
            total += a[v];
        }
        Map<String, Double> byName = new LinkedHashMap<>();
        double rest = 0;
        for (int value = 0; value < perValue.length; value++) {
            String name = labels.names().get(value);
            if (name == null) {
                rest += restByFirstLayerValue[value]; // a voxel no layer names never carries a named value in layer 0
            } else {
                byName.put(name, perValue[value]);
            }
        }
        return new StructureSums(byName, rest, total);
    }
}
