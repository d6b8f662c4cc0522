package doseengine.study;

import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.geometry.FloatVolume;
import java.util.List;
import java.util.Objects;

/**
 * One cycle of the study command: its TIA, its Monte Carlo dose map and each structure's summary.
 *
 * @param tia        the cycle's TIA map and fits
 * @param doseGy     the Monte Carlo dose map, Gy, on the reference time point's CT grid
 * @param decays     the decays simulated
 * @param structures one row per structure of the reference labels, in their order
 * @param comparison the cycle's comparison of the fast methods with Monte Carlo ({@code --methods}), as a path
 *                   relative to the output folder; null without one
 */
public record CycleDose(CycleTia tia, FloatVolume doseGy, long decays, List<StructureDose> structures,
        String comparison) {
    public CycleDose {
        structures = List.copyOf(structures);
    }

    public String name() {
        return tia.cycle().name();
    }

    public double administeredMBq() {
        return tia.cycle().administeredMBq();
    }

    /** The cycle as the treatment sums take it: the structures that have a summary. */
    public doseengine.dosimetry.treatment.Cycle treatment() {
        List<StructureCycle> s = structures.stream().map(StructureDose::cycle).filter(Objects::nonNull).toList();
        return new doseengine.dosimetry.treatment.Cycle(name(), administeredMBq(), s);
    }
}
