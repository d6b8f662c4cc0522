package doseengine.bench;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several labels merged into one region, e.g. the torso's four kidney labels (left and right cortex and medulla)
 * into {@code kidneys}. The region's uncertainty is then that of the mean dose of all its voxels together,
 * computed from its total energy per batch like any label's.
 *
 * @param name    the region's name
 * @param members the merged labels' names, in label order
 * @param labels  a label map holding only the region, as value 1
 */
record CombinedRegion(String name, List<String> members, LabelMap labels) {

    /** Merges every label of {@code labels} whose name starts with {@code prefix}. */
    static CombinedRegion ofPrefix(LabelMap labels, String prefix, String name) {
        List<String> members = new ArrayList<>();
        boolean[] member = new boolean[Short.MAX_VALUE + 1];
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            if (e.getValue().startsWith(prefix)) {
                member[e.getKey()] = true;
                members.add(e.getValue());
            }
        }
        if (members.isEmpty()) {
            throw new BadInputException("no label starts with '" + prefix + "'; known labels: "
                    + labels.names().values());
        }
        short[] out = new short[labels.grid().voxelCount()];
        for (int k = 0; k < labels.layerCount(); k++) { // members may lie in several layers; their union is kept
            short[] in = labels.layer(k).data();
            int[] named = labels.compactIndexInLayer(k);
            for (int v = 0; v < in.length; v++) {
                if (in[v] > 0 && member[in[v]] && named[in[v]] >= 0) {
                    out[v] = 1;
                }
            }
        }
        return new CombinedRegion(name, List.copyOf(members),
                new LabelMap(new ShortVolume(labels.grid(), out), Map.of(1, name)));
    }
}
