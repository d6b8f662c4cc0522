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
 * a BED limit on a structure without BED is not checked ({@code bedNote} says why). Lesion thresholds are checked on
 * the cumulative dose like the rest: after cycle 1 that is the cycle-1 dose of their condition.
 *
 * @param name        the structure
 * @param kind        its kind
 * @param doseGy      summed mean dose, Gy
 * @param doseSigmaGy its standard uncertainty, Gy
 * @param bedGy       summed BED, Gy; null when a cycle has none
 * @param bedSigmaGy  its standard uncertainty, Gy; null with bedGy
 * @param bedNote     "" or why there is no BED
 * @param checks      the status against each applicable limit, in table order
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
        double dose = 0;
        double doseVar = 0;
        double[] beds = new double[cycles.size()];
        double bedVar = 0;
        String bedNote = "";
        for (int i = 0; i < cycles.size(); i++) {
            StructureCycle s = cycles.get(i).structure(name);
            if (s == null) {
                throw new BadInputException("cycle " + cycles.get(i).name() + ": structure \"" + name
                        + "\" is missing");
            }
            dose += s.meanGy();
            doseVar += s.sigmaGy() * s.sigmaGy();
            if (s.bedGy() == null) {
                bedNote = !bedNote.isEmpty() ? bedNote : "cycle " + cycles.get(i).name() + ": " + s.bedNote();
            } else {
                beds[i] = s.bedGy();
                bedVar += s.bedSigmaGy() * s.bedSigmaGy();
            }
        }
        Double bed = bedNote.isEmpty() ? Bed.overCycles(beds) : null;
        Double bedSigma = bed == null ? null : Math.sqrt(bedVar);
        double doseSigma = Math.sqrt(doseVar);
        List<LimitCheck> checks = new ArrayList<>();
        for (Limit l : limits.all()) {
            if (!l.structure().equals(kind.key()) && !l.structure().equals(name)) {
                continue;
            }
            if (l.quantity() == Limit.Quantity.ABSORBED_DOSE) {
                checks.add(LimitCheck.of(l, dose, doseSigma));
            } else if (bed != null) {
                checks.add(LimitCheck.of(l, bed, bedSigma));
            }
        }
        return new CumulativeDose(name, kind, dose, doseSigma, bed, bedSigma, bedNote, checks);
    }
}
