package doseengine.dosimetry.kinetics;

import doseengine.geometry.BadInputException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Population effective half-lives (h) per nuclide and structure, for the single-time-point population method
 * ({@link SingleTimePoint#populationHalfLifeMBqH}). The caller supplies the table (from its own cycle-1 fits or
 * from a study it trusts); the default is empty, because no published value could be checked against its source
 * while this was written and an invented number would look authoritative. Keys are case-insensitive.
 */
public final class EffectiveHalfLives {
    private final Map<String, Double> hours = new TreeMap<>();

    /** An empty table; add entries with {@link #with}. */
    public static EffectiveHalfLives empty() {
        return new EffectiveHalfLives();
    }

    /** The table with one entry added or replaced. */
    public EffectiveHalfLives with(String nuclide, String structure, double halfLifeHours) {
        if (!Double.isFinite(halfLifeHours) || halfLifeHours <= 0) {
            throw new BadInputException("effective half-life of " + structure + " (" + nuclide
                + ") must be finite and > 0 h, got " + halfLifeHours);
        }
        EffectiveHalfLives copy = new EffectiveHalfLives();
        copy.hours.putAll(hours);
        copy.hours.put(key(nuclide, structure), halfLifeHours);
        return copy;
    }

    /** The effective half-life (h); a structure not in the table is refused. */
    public double halfLifeHours(String nuclide, String structure) {
        Double v = hours.get(key(nuclide, structure));
        if (v == null) {
            throw new BadInputException("effective half-life: no entry for structure " + structure + " and nuclide "
                + nuclide + "; give one in the table");
        }
        return v;
    }

    private static String key(String nuclide, String structure) {
        return nuclide.toLowerCase(Locale.ROOT) + "|" + structure.toLowerCase(Locale.ROOT);
    }
}
