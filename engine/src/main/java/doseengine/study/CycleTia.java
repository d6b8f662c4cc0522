package doseengine.study;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.List;

/**
 * A cycle's time-integrated activity by the organ method: the map that {@code run}'s Monte Carlo takes and the fit
 * behind each structure's share of it.
 *
 * @param cycle      the cycle
 * @param reference  the time point whose CT grid and activity pattern the map has (see {@link CycleActivity})
 * @param tiaMBqH    the TIA map, MBq h per voxel, on the reference time point's CT grid
 * @param labels     the reference time point's structures, on that grid
 * @param structures each structure's TIA, in the reference labels' value order
 * @param rest       the rest of the body's (the voxels of no structure)
 * @param sums       the activities of each time point, in the cycle's time order
 */
public record CycleTia(Cycle cycle, ImagingTimePoint reference, FloatVolume tiaMBqH, LabelMap labels,
        List<StructureTia> structures, StructureTia rest, List<StructureSums> sums) {
    public CycleTia {
        structures = List.copyOf(structures);
        sums = List.copyOf(sums);
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
