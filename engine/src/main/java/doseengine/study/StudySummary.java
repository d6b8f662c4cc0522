package doseengine.study;

import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.dosimetry.radiobiology.NextCycle;
import doseengine.dosimetry.treatment.AggregateCheck;
import doseengine.dosimetry.treatment.Cycle;
import doseengine.dosimetry.treatment.CumulativeDose;
import doseengine.dosimetry.treatment.NextCyclePlanner;
import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The study over its cycles: each structure's dose and BED summed with its status against the limits
 * ({@link CumulativeDose}), the next cycle ({@link NextCyclePlanner}) and the summed dose map.
 *
 * <p>Only the structures with a summary (dose and dose-rate curve) in every cycle are summed; the others are named
 * in {@code notes}. The dose maps are summed voxel by voxel only when every cycle's reference CT has the same grid
 * (a different grid would need registration); otherwise {@code cumulativeDoseGy} is null and a note says so.
 *
 * @param cycles           the cycles, in study order
 * @param cumulative       per structure summed over the cycles
 * @param thresholds       the limits that aggregate over their structures (a lesion threshold on the minimum or the
 *                         mean over the lesions), each against its one value
 * @param nextCycle        the next cycle's largest activity, empty when no structure is an organ at risk with a limit
 * @param cumulativeDoseGy the summed dose map, or null
 * @param notes            what was left out and why
 */
public record StudySummary(List<CycleDose> cycles, List<CumulativeDose> cumulative,
        List<AggregateCheck> thresholds, Optional<NextCycle> nextCycle, FloatVolume cumulativeDoseGy,
        List<String> notes) {
    public StudySummary {
        cycles = List.copyOf(cycles);
        cumulative = List.copyOf(cumulative);
        thresholds = List.copyOf(thresholds);
        notes = List.copyOf(notes);
    }

    public static StudySummary of(List<CycleDose> cycles, LimitTable limits) {
        List<String> notes = new ArrayList<>();
        cycles.forEach(c -> notes.addAll(c.tia().notes()));
        Set<String> common = null;
        Set<String> all = new LinkedHashSet<>();
        for (CycleDose c : cycles) {
            Set<String> names = new LinkedHashSet<>();
            c.structures().stream().map(StructureDose::cycle).filter(Objects::nonNull).map(StructureCycle::name)
                    .forEach(names::add);
            c.structures().forEach(s -> all.add(s.tia().name()));
            if (common == null) {
                common = names;
            } else {
                common.retainAll(names);
            }
        }
        Set<String> left = new LinkedHashSet<>(all);
        left.removeAll(common);
        if (!left.isEmpty()) {
            notes.add("not summed over cycles (no dose or dose-rate curve in every cycle): " + String.join(", ", left));
        }
        List<Cycle> treatment = new ArrayList<>();
        for (CycleDose c : cycles) {
            Set<String> keep = common;
            Cycle t = c.treatment();
            treatment.add(new Cycle(t.name(), t.administeredMBq(),
                    t.structures().stream().filter(s -> keep.contains(s.name())).toList()));
        }
        List<CumulativeDose> cumulative = common.isEmpty() ? List.of() : CumulativeDose.over(treatment, limits);
        Optional<NextCycle> next = cumulative.isEmpty() ? Optional.empty()
                : NextCyclePlanner.plan(treatment, cumulative, limits);
        if (next.isEmpty()) {
            notes.add("no next cycle: no structure is an organ at risk with a usable limit");
        }
        List<AggregateCheck> thresholds = AggregateCheck.over(cumulative, limits, cycles.size());
        FloatVolume sum = sum(cycles, notes);
        return new StudySummary(cycles, cumulative, thresholds, next, sum, notes);
    }

    private static FloatVolume sum(List<CycleDose> cycles, List<String> notes) {
        VoxelGrid grid = cycles.get(0).doseGy().grid();
        for (CycleDose c : cycles) {
            if (!c.doseGy().grid().sameGeometry(grid, VoxelGrid.DEFAULT_TOLERANCE_MM)) {
                notes.add("cumulative dose map not written: cycle " + c.name() + "'s CT grid differs from cycle "
                        + cycles.get(0).name() + "'s (summing voxel by voxel would need registration)");
                return null;
            }
        }
        float[] out = new float[cycles.get(0).doseGy().data().length];
        for (CycleDose c : cycles) {
            float[] d = c.doseGy().data();
            for (int v = 0; v < out.length; v++) {
                out[v] += d[v];
            }
        }
        return new FloatVolume(grid, out);
    }
}
