package doseengine.study;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the voxel method got the TIA of one structure's voxels (its own mask, so a voxel of two overlapping
 * structures counts in both, as the structures' sums do): each {@link VoxelTiaMap.Path} and its count.
 *
 * @param byPath voxels per path
 */
public record VoxelCounts(Map<VoxelTiaMap.Path, Long> byPath) {
    public VoxelCounts {
        byPath = new EnumMap<>(byPath);
    }

    /** The voxels of the structure. */
    public long voxels() {
        return byPath.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(VoxelTiaMap.Path p) {
        return byPath.getOrDefault(p, 0L);
    }

    /** The voxels that kept their own fit. */
    public long fitted() {
        return count(VoxelTiaMap.Path.MONO) + count(VoxelTiaMap.Path.BI);
    }

    /** The voxels that took their structure's value. */
    public long fromStructure() {
        return count(VoxelTiaMap.Path.TOO_FEW_POINTS) + count(VoxelTiaMap.Path.NO_EXPONENTIAL_FIT)
                + count(VoxelTiaMap.Path.TOO_UNCERTAIN);
    }

    /**
     * The counts per structure name, then {@link StructureTia#REST} for the voxels of no structure, from the paths
     * of {@link VoxelTiaMap.Result#paths()}.
     */
    public static Map<String, VoxelCounts> of(byte[] paths, LabelMap labels) {
        Map<String, Map<VoxelTiaMap.Path, Long>> counts = new LinkedHashMap<>();
        for (VoxelTiaMap.Path p : VoxelTiaMap.Path.values()) {
            float[] indicator = new float[paths.length];
            for (int v = 0; v < paths.length; v++) {
                indicator[v] = paths[v] == p.ordinal() ? 1 : 0;
            }
            StructureSums s = StructureSums.of(new FloatVolume(labels.grid(), indicator), labels);
            s.structures().forEach((name, c) -> counts.computeIfAbsent(name, k -> new EnumMap<>(VoxelTiaMap.Path.class))
                    .put(p, Math.round(c)));
            counts.computeIfAbsent(StructureTia.REST, k -> new EnumMap<>(VoxelTiaMap.Path.class))
                    .put(p, Math.round(s.restMBq()));
        }
        Map<String, VoxelCounts> out = new LinkedHashMap<>();
        counts.forEach((name, c) -> out.put(name, new VoxelCounts(c)));
        return out;
    }

    /** {@code 120 fitted (mono 20, bi 100), 3 from the structure (too few points 1, ...), 7 without activity}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d fitted (mono %d, bi %d), %d from the structure's fit "
                + "(too few points %d, no exponential fit %d, too uncertain %d), %d without activity", fitted(),
                count(VoxelTiaMap.Path.MONO), count(VoxelTiaMap.Path.BI), fromStructure(),
                count(VoxelTiaMap.Path.TOO_FEW_POINTS), count(VoxelTiaMap.Path.NO_EXPONENTIAL_FIT),
                count(VoxelTiaMap.Path.TOO_UNCERTAIN), count(VoxelTiaMap.Path.NO_ACTIVITY));
    }
}
