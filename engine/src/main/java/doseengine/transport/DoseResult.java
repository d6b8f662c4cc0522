package doseengine.transport;

import doseengine.tally.DoseMap;
import doseengine.tally.EnergyBalance;
import doseengine.tally.RegionDose;
import doseengine.tally.TissueMaximum;
import java.util.List;

/**
 * The outcome of a dose calculation.
 *
 * @param problem      what was computed
 * @param settings     how
 * @param dose         dose (Gy for the problem's time-integrated activity) and relative uncertainty per voxel
 * @param regions      per named label: mean dose and its uncertainty, D2/D50/D98, DVH; empty without labels
 * @param balance      mean energy per decay emitted, deposited in the grid and escaped (MeV)
 * @param outcome      decays, batches, time, why it stopped
 * @param setupSeconds time spent building the tables and the source before the transport
 * @param tissueMaximum the highest voxel dose in tissue (not air), with its uncertainty and place
 */
public record DoseResult(DoseProblem problem, RunSettings settings, DoseMap dose, List<RegionDose> regions,
                         EnergyBalance balance, RunOutcome outcome, double setupSeconds, TissueMaximum tissueMaximum) {
    public DoseResult {
        regions = List.copyOf(regions);
    }

    /** The result of a calculation, its tissue maximum found in the dose map (one pass over the grid). */
    static DoseResult of(DoseProblem problem, RunSettings settings, DoseMap dose, List<RegionDose> regions,
                         EnergyBalance balance, RunOutcome outcome, double setupSeconds) {
        return new DoseResult(problem, settings, dose, regions, balance, outcome, setupSeconds,
                TissueMaximum.of(dose, problem.density(), problem.labels()));
    }

    /** Total time-integrated activity (MBq h): the decays the dose map is scaled to, over 3.6e9. */
    public double totalTiaMBqH() {
        return dose.decays() / doseengine.dosimetry.TimeIntegratedActivity.DECAYS_PER_MBQ_H;
    }
}
