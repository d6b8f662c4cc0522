package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.Bed;
import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One structure summed over the cycles so far, with its status against every limit that applies to it.
 *
 * <p>Rules. Dose: the sum of the cycles' mean doses. BED: the sum of the cycles' BEDs ({@link Bed#overCycles}: full
 * repair between cycles, no repopulation). Uncertainty: the cycles' standard uncertainties in quadrature, which
 * assumes their errors independent (separate images, fits and Monte Carlo runs). A calibration error common to every
 * cycle is correlated between them and would add linearly; this sum understates it. Limits: those of the table
 * whose structure is the kind's key or the structure's own name, each against the cumulative value of its quantity;
 * a BED limit on a structure without BED is not checked ({@code bedNote} says why). A limit with {@code after_cycle} N
 * is checked on the sum over cycles 1 to N (not at all while there are fewer cycles); the others on the sum over
 * every cycle. A limit that aggregates over lesions ({@code over} minimum or mean) is still checked here on each
 * lesion; {@link ThresholdCheck} holds it against the aggregate.
 *
 * @param name        the structure
 * @param kind        its kind
 * @param doseGy      summed mean dose, Gy
 * @param doseSigmaGy its standard uncertainty, Gy
 * @param bedGy       summed BED, Gy; null when a cycle has none
 * @param bedSigmaGy  its standard uncertainty, Gy; null with bedGy
 * @param bedNote     "" or why there is no BED
 * @param checks      the status against each applicable limit, in table order; {@link LimitCheck#valueGy} is the sum
 *                    the limit is on (over cycles 1 to N for an "after_cycle" limit)
 */
public record CumulativeDose(String name, StructureKind kind, double doseGy, double doseSigmaGy, Double bedGy,
        Double bedSigmaGy, String bedNote, List<LimitCheck> checks) {
    public CumulativeDose {
        checks = List.copyOf(checks);
    }

    /** One entry per structure of the first cycle, in its order; every cycle must have the same structures. */
    public static List<CumulativeDose> over(List<Cycle> cycles, LimitTable limits) {
        if (cycles == null || cycles.isEmpty()) {
            throw new BadInputException("cumulative dose: at least one cycle is needed");
        }
        Cycle first = cycles.get(0);
        for (Cycle c : cycles) {
            if (c.structures().size() != first.structures().size()) {
                throw new BadInputException("cycle " + c.name() + ": has " + c.structures().size()
                        + " structures, cycle " + first.name() + " has " + first.structures().size());
            }
        }
        List<CumulativeDose> out = new ArrayList<>();
        for (StructureCycle s : first.structures()) {
            out.add(of(s.name(), s.kind(), cycles, limits));
        }
        return out;
    }

    private static CumulativeDose of(String name, StructureKind kind, List<Cycle> cycles, LimitTable limits) {
        int n = cycles.size();
        // Sums over cycles 1..k for k = 1..n: the last is the cumulative value, the others serve "after_cycle" limits.
        double[] dose = new double[n + 1];
        double[] doseVar = new double[n + 1];
        double[] bed = new double[n + 1];
        double[] bedVar = new double[n + 1];
        int bedCycles = n;
        String bedNote = "";
        for (int i = 0; i < n; i++) {
            StructureCycle s = cycles.get(i).structure(name);
            if (s == null) {
                throw new BadInputException("cycle " + cycles.get(i).name() + ": structure \"" + name
                        + "\" is missing");
            }
            dose[i + 1] = dose[i] + s.meanGy();
            doseVar[i + 1] = doseVar[i] + s.sigmaGy() * s.sigmaGy();
            if (s.bedGy() == null) {
                if (bedNote.isEmpty()) {
                    bedNote = "cycle " + cycles.get(i).name() + ": " + s.bedNote();
                    bedCycles = i;
                }
            } else {
                bed[i + 1] = Bed.overCycles(new double[] {bed[i], s.bedGy()});
                bedVar[i + 1] = bedVar[i] + s.bedSigmaGy() * s.bedSigmaGy();
            }
        }
        Double bedTotal = bedNote.isEmpty() ? bed[n] : null;
        Double bedSigma = bedTotal == null ? null : Math.sqrt(bedVar[n]);
        List<LimitCheck> checks = new ArrayList<>();
        for (Limit l : limits.all()) {
            if (!l.appliesTo(kind.key(), name)) {
                continue;
            }
            int k = l.cumulative() ? n : l.afterCycle();
            if (k > n) {
                continue; // the threshold's cycle is not there yet; ThresholdCheck says so
            }
            if (l.quantity() == Limit.Quantity.ABSORBED_DOSE) {
                checks.add(LimitCheck.of(l, dose[k], Math.sqrt(doseVar[k])));
            } else if (k <= bedCycles) {
                checks.add(LimitCheck.of(l, bed[k], Math.sqrt(bedVar[k])));
            }
        }
        return new CumulativeDose(name, kind, dose[n], Math.sqrt(doseVar[n]), bedTotal, bedSigma, bedNote, checks);
    }
}
