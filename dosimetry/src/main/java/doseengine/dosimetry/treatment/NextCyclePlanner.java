package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.dosimetry.radiobiology.NextCycle;
import doseengine.dosimetry.radiobiology.OrganBudget;
import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The next cycle's largest activity from the cycles so far ({@link NextCycle#plan}).
 *
 * <p>Rules. The organs at risk are the structures with at least one maximum in the limit table (by kind key or by
 * name). Each gets an {@link OrganBudget} with the dose per GBq and shape factor of the <em>latest</em> cycle (its
 * kinetics are the nearest to the next cycle's: renal function and tumour burden change between cycles), the
 * cumulative dose and BED, and the strictest (smallest) maximum of each quantity: a table with both kidney BED
 * limits (28 Gy with risk factors, 40 Gy without) plans with 28 Gy unless the caller leaves that entry out for a
 * patient without risk factors. A BED limit needs the tissue's parameters; without them only the dose limit is used,
 * and an organ with neither usable is left out.
 */
public final class NextCyclePlanner {
    private NextCyclePlanner() {
    }

    /** The plan, or empty when no structure is an organ at risk with a usable limit. */
    public static Optional<NextCycle> plan(List<Cycle> cycles, List<CumulativeDose> cumulative, LimitTable limits) {
        if (cycles == null || cycles.isEmpty()) {
            throw new BadInputException("next cycle: at least one cycle is needed");
        }
        Cycle latest = cycles.get(cycles.size() - 1);
        List<OrganBudget> organs = new ArrayList<>();
        for (CumulativeDose c : cumulative) {
            StructureCycle s = latest.structure(c.name());
            if (s == null) {
                throw new BadInputException("cycle " + latest.name() + ": structure \"" + c.name() + "\" is missing");
            }
            double doseLimit = strictest(limits, c, Limit.Quantity.ABSORBED_DOSE);
            double bedLimit = c.bedGy() == null ? Double.NaN : strictest(limits, c, Limit.Quantity.BED);
            if (Double.isNaN(doseLimit) && Double.isNaN(bedLimit)) {
                continue;
            }
            organs.add(new OrganBudget(c.name(), s.gyPerGBq(), s.shapeFactor(), s.alphaBetaGy(), c.doseGy(),
                    c.bedGy() == null ? Double.NaN : c.bedGy(), doseLimit, bedLimit));
        }
        return organs.isEmpty() ? Optional.empty() : Optional.of(NextCycle.plan(organs));
    }

    /** The smallest maximum on {@code q} for this structure, NaN when there is none. */
    private static double strictest(LimitTable limits, CumulativeDose c, Limit.Quantity q) {
        double v = Double.NaN;
        for (Limit l : limits.all()) {
            boolean applies = l.structure().equals(c.kind().key()) || l.structure().equals(c.name());
            // Only limits on the sum over every cycle bound the next one; an "after_cycle" limit is about the past.
            if (applies && l.quantity() == q && l.bound() == Limit.Bound.MAXIMUM && l.cumulative()) {
                v = Double.isNaN(v) ? l.valueGy() : Math.min(v, l.valueGy());
            }
        }
        return v;
    }
}
