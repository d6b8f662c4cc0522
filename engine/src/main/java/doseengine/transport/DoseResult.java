package doseengine.transport;

import doseengine.tally.DoseMap;
import doseengine.tally.EnergyBalance;
import doseengine.tally.RegionDose;
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
 */
public record DoseResult(DoseProblem problem, RunSettings settings, DoseMap dose, List<RegionDose> regions,
                         EnergyBalance balance, RunOutcome outcome, double setupSeconds) {
    public DoseResult {
        regions = List.copyOf(regions);
    }

    /** The highest voxel dose in tissue (not air), with its uncertainty and place. */
    public doseengine.tally.TissueMaximum tissueMaximum() {
        return doseengine.tally.TissueMaximum.of(dose, problem.density(), problem.labels());
    }

    /** Total time-integrated activity (MBq h): the decays the dose map is scaled to, over 3.6e9. */
    public double totalTiaMBqH() {
        return dose.decays() / doseengine.dosimetry.TimeIntegratedActivity.DECAYS_PER_MBQ_H;
    }
}
