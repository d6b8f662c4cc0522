package doseengine.study;

import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.radiobiology.DoseRate;
import doseengine.dosimetry.radiobiology.TissueTable;
import doseengine.dosimetry.treatment.DoseRateCurves;
import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.dosimetry.treatment.StructureKind;
import doseengine.geometry.BadInputException;
import doseengine.tally.RegionDose;

/**
 * One structure in one cycle of the organ method: its TIA from the fit, its Monte Carlo mean dose, and from both
 * its dose-rate curve, combined uncertainty, BED and EQD2 ({@link StructureCycle}).
 *
 * <p>The dose-rate curve has the shape of the structure's fitted activity and integrates to the Monte Carlo mean
 * dose ({@link DoseRateCurves}): the fit's parameters for the mono- and bi-exponential, the measured points with a
 * physical-decay tail for the trapezoid, and for a single time point a mono-exponential with the effective half-life
 * its TIA assumed: the population's, or for Hänscheid the time of the measurement.
 *
 * @param tia    the structure's TIA and fit
 * @param region its Monte Carlo dose, or null when the run has no such region (no voxel on the CT grid)
 * @param cycle  the summary with BED, or null when there is none: zero TIA or dose, or no dose-rate curve
 * @param note   "" or why {@code cycle} (or its BED) is missing, in words
 */
public record StructureDose(StructureTia tia, RegionDose region, StructureCycle cycle, String note) {

    /** The row of {@code tia}, with the run's {@code region} (may be null). */
    public static StructureDose of(StructureTia tia, RegionDose region, StructureKind kind, double administeredMBq,
            PhysicalDecay decay, TissueTable tissues) {
        if (!(tia.tiaMBqH() > 0)) {
            return new StructureDose(tia, region, null, "no time-integrated activity (" + tia.reason()
                    + "): no dose-rate curve or BED");
        }
        if (region == null) {
            return new StructureDose(tia, null, null, "no voxel on the CT grid: no Monte Carlo dose");
        }
        if (!(region.meanGy() > 0)) {
            return new StructureDose(tia, region, null, "zero Monte Carlo dose: no dose-rate curve or BED");
        }
        try {
            DoseRate curve = curve(tia, decay, region.meanGy());
            StructureCycle c = StructureCycle.of(tia.name(), kind, tia.model(), curve, region.relativeUncertainty(),
                    tia.tiaSigmaMBqH() / tia.tiaMBqH(), administeredMBq, tissues);
            return new StructureDose(tia, region, c, c.bedNote());
        } catch (BadInputException e) {
            return new StructureDose(tia, region, null, e.getMessage());
        }
    }

    private static DoseRate curve(StructureTia tia, PhysicalDecay decay, double meanGy) {
        if (tia.fit() == null) {
            return DoseRateCurves.singleTimePoint(meanGy, tia.singleTimePointHalfLifeHours());
        }
        return DoseRateCurves.fromFit(tia.fit(), tia.curve(), decay, meanGy);
    }

    /** The TIA's relative standard uncertainty, or null without TIA. */
    public Double tiaRelUnc() {
        return tia.tiaMBqH() > 0 ? tia.tiaSigmaMBqH() / tia.tiaMBqH() : null;
    }

    /** The Monte Carlo mean dose, Gy, or null without a region. */
    public Double meanGy() {
        return region == null ? null : region.meanGy();
    }

    /** Monte Carlo and TIA uncertainties combined ({@link StructureCycle#combinedRelative}), or null. */
    public Double relUnc() {
        if (cycle != null) {
            return cycle.relUnc();
        }
        Double t = tiaRelUnc();
        return region == null || t == null || !(region.meanGy() > 0) ? null
                : StructureCycle.combinedRelative(region.relativeUncertainty(), t);
    }
}
