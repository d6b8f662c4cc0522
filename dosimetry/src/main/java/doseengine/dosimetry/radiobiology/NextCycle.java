package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;
import java.util.List;

/**
 * The largest activity of the next cycle that keeps every organ at risk within its remaining budget, the organ that
 * limits it, and each organ's own maximum.
 *
 * @param maxActivityMBq the largest activity, MBq; 0 when an organ is already at or over a limit
 * @param limitedBy      the organ with the smallest maximum (the first one listed on a tie)
 * @param organs         each organ's budget with its own maxima, in the order given
 */
public record NextCycle(double maxActivityMBq, String limitedBy, List<OrganBudget> organs) {
    public NextCycle {
        organs = List.copyOf(organs);
    }

    /** Plans the next cycle for the organs at risk. */
    public static NextCycle plan(List<OrganBudget> organs) {
        if (organs == null || organs.isEmpty()) {
            throw new BadInputException("next cycle: at least one organ at risk with a limit is needed");
        }
        OrganBudget limiting = organs.get(0);
        for (OrganBudget o : organs) {
            if (o.maxActivityMBq() < limiting.maxActivityMBq()) {
                limiting = o;
            }
        }
        return new NextCycle(limiting.maxActivityMBq(), limiting.organ(), organs);
    }

    /** A line for the report, e.g. "max 5000 MBq, limited by kidney" or "no activity: kidney is over its limit". */
    public String summary() {
        if (maxActivityMBq == 0) {
            return "no activity: " + limitedBy + " is at or over its limit";
        }
        return String.format(java.util.Locale.ROOT, "max %.0f MBq, limited by %s", maxActivityMBq, limitedBy);
    }
}
