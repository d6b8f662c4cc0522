package doseengine.study;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle's time-integrated activity: the map that {@code run}'s Monte Carlo takes and the fit behind each
 * structure.
 *
 * @param cycle       the cycle
 * @param reference   the time point whose CT grid the map has (and, for the organ method, whose activity pattern;
 *                    see {@link CycleActivity})
 * @param tiaMBqH     the TIA map, MBq h per voxel, on the reference time point's CT grid
 * @param labels      the reference time point's structures, on that grid
 * @param structures  each structure's TIA, in the reference labels' value order
 * @param rest        the rest of the body's (the voxels of no structure)
 * @param sums        the activities of each time point, in the cycle's time order
 * @param method      the method that made the map (the voxel method falls back to the organ method per cycle)
 * @param voxelCounts for the voxel method, per structure name and {@link StructureTia#REST} how its voxels got
 *                    their TIA; empty for the organ method
 * @param notes       what the cycle's reader decided that the user should know (a fallback, the voxel paths)
 */
public record CycleTia(Cycle cycle, ImagingTimePoint reference, FloatVolume tiaMBqH, LabelMap labels,
        List<StructureTia> structures, StructureTia rest, List<StructureSums> sums, DoseMethod method,
        Map<String, VoxelCounts> voxelCounts, List<String> notes) {
    public CycleTia {
        structures = List.copyOf(structures);
        sums = List.copyOf(sums);
        voxelCounts = new LinkedHashMap<>(voxelCounts);
        notes = List.copyOf(notes);
    }

    /** The organ method's. */
    public CycleTia(Cycle cycle, ImagingTimePoint reference, FloatVolume tiaMBqH, LabelMap labels,
            List<StructureTia> structures, StructureTia rest, List<StructureSums> sums) {
        this(cycle, reference, tiaMBqH, labels, structures, rest, sums, DoseMethod.ORGAN, Map.of(), List.of());
    }

    /** The structure named {@code name}, or the rest of the body for {@link StructureTia#REST}. */
    public StructureTia structure(String name) {
        if (StructureTia.REST.equals(name)) {
            return rest;
        }
        return structures.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no structure " + name));
    }
}
