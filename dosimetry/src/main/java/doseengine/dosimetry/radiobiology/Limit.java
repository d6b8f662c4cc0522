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
 * @param condition when it applies, free text ("with risk factors", "after cycle 1, minimum over lesions")
 * @param source    where it comes from, free text; says so when the source was not verified
 */
public record Limit(String structure, Quantity quantity, Bound bound, double valueGy, String condition,
        String source) {
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
    }

    /** Where {@code valueGy} (with standard uncertainty {@code sigmaGy}) stands against this limit. */
    public LimitStatus statusOf(double valueGy, double sigmaGy) {
        return LimitStatus.of(valueGy, sigmaGy, this.valueGy);
    }
}
