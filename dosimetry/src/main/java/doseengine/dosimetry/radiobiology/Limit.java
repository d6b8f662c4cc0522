package doseengine.dosimetry.radiobiology;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/**
 * One limit (an organ at risk must stay below it) or threshold (a lesion should reach it).
 *
 * @param structure structure kind or name it applies to ("kidney", "red_marrow", "lesion", ...)
 * @param quantity  absorbed dose or BED, summed over the cycles the condition says
 * @param bound     MAXIMUM for a limit, MINIMUM for a response threshold
 * @param valueGy   the limit, Gy
 * @param condition  when it applies, free text ("with risk factors", "after cycle 1, minimum over lesions")
 * @param source     where it comes from, free text; says so when the source was not verified
 * @param over       how the value aggregates over the structures the limit applies to: each on its own, or one
 *                   value for all of them (their minimum, or the plain mean of their mean doses)
 * @param afterCycle null: the value summed over every cycle given; N: summed over cycles 1 to N only (a threshold
 *                   "after cycle 1" is on the first cycle's dose, whatever the cycles after it)
 */
public record Limit(String structure, Quantity quantity, Bound bound, double valueGy, String condition,
        String source, Over over, Integer afterCycle) {
    /**
     * How a limit aggregates over the structures it applies to. A trial's lesion threshold is a condition on the
     * patient, not on each lesion: LUMEN's on the smallest lesion dose, LUTADOSE's on the mean tumour dose.
     */
    public enum Over {
        /** Each structure on its own (the default; organs at risk). */
        EACH,
        /** The smallest value over the structures. */
        MINIMUM,
        /** The plain mean of the structures' values, each structure counting once whatever its mass. */
        MEAN;

        static Over parse(String s, String where) {
            return switch (s) {
                case "each" -> EACH;
                case "minimum" -> MINIMUM;
                case "mean" -> MEAN;
                default -> throw new BadInputException(where + ": \"over\" must be \"each\", \"minimum\" or \"mean\","
                        + " got \"" + s + "\"");
            };
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the limit is on. */
    public enum Quantity {
        ABSORBED_DOSE, BED;

        static Quantity parse(String s, String where) {
            return switch (s) {
                case "absorbed_dose" -> ABSORBED_DOSE;
                case "bed" -> BED;
                default -> throw new BadInputException(where + ": \"quantity\" must be \"absorbed_dose\" or \"bed\","
                        + " got \"" + s + "\"");
            };
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which side of the limit is wanted. */
    public enum Bound {
        MAXIMUM, MINIMUM;

        static Bound parse(String s, String where) {
            return switch (s) {
                case "maximum" -> MAXIMUM;
                case "minimum" -> MINIMUM;
                default -> throw new BadInputException(where + ": \"bound\" must be \"maximum\" or \"minimum\", got \""
                        + s + "\"");
            };
        }
    }

    public Limit {
        if (structure == null || structure.isBlank()) {
            throw new BadInputException("limit: \"structure\" must be a non-empty string");
        }
        if (quantity == null || bound == null) {
            throw new BadInputException("limit for " + structure + ": quantity and bound are required");
        }
        if (!(valueGy > 0) || !Double.isFinite(valueGy)) {
            throw new BadInputException("limit for " + structure + ": \"value_Gy\" must be finite and > 0, got "
                    + valueGy);
        }
        condition = condition == null ? "" : condition;
        source = source == null ? "" : source;
        over = over == null ? Over.EACH : over;
        if (afterCycle != null && afterCycle < 1) {
            throw new BadInputException("limit for " + structure + ": \"after_cycle\" must be a cycle number >= 1, got "
                    + afterCycle);
        }
    }

    /** A limit on each structure, on the value summed over every cycle. */
    public Limit(String structure, Quantity quantity, Bound bound, double valueGy, String condition, String source) {
        this(structure, quantity, bound, valueGy, condition, source, Over.EACH, null);
    }

    /** Whether the limit is on the value summed over every cycle given (no "after_cycle"). */
    public boolean cumulative() {
        return afterCycle == null;
    }

    /** Whether this limit applies to a structure of this kind key or name. */
    public boolean appliesTo(String kindKey, String name) {
        return structure.equals(kindKey) || structure.equals(name);
    }

    /** Where {@code valueGy} (with standard uncertainty {@code sigmaGy}) stands against this limit. */
    public LimitStatus statusOf(double valueGy, double sigmaGy) {
        return LimitStatus.of(valueGy, sigmaGy, this.valueGy);
    }
}
