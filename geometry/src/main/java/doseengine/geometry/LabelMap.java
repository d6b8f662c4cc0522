package doseengine.geometry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A label image (0 = unlabelled background) with a name for each label value: organs, lesions, phantom
 * compartments. Labels are 16-bit so a segmentation with many structures still fits.
 */
public final class LabelMap {
    private final ShortVolume labels;
    private final Map<Integer, String> names;

    public LabelMap(ShortVolume labels, Map<Integer, String> names) {
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getKey() <= 0 || e.getKey() > Short.MAX_VALUE) {
                throw new IllegalArgumentException("label values must be in 1.." + Short.MAX_VALUE + ", got "
                        + e.getKey() + " for " + e.getValue());
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("label " + e.getKey() + " has no name");
            }
        }
        this.labels = labels;
        this.names = Collections.unmodifiableMap(new TreeMap<>(names));
    }

    public ShortVolume volume() { return labels; }

    public VoxelGrid grid() { return labels.grid(); }

    /** Label value to name, sorted by value. */
    public Map<Integer, String> names() { return names; }

    public int valueOf(String name) {
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        throw new BadInputException("no label named '" + name + "'; known labels: " + names.values());
    }

    /** Voxel count per named label value (labels with no voxel count 0). */
    public Map<Integer, Integer> voxelCounts() {
        int[] counts = new int[Short.MAX_VALUE + 1];
        for (short s : labels.data()) {
            if (s > 0) {
                counts[s]++;
            }
        }
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (int v : names.keySet()) {
            out.put(v, counts[v]);
        }
        return out;
    }
}
