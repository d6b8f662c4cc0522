package doseengine.study;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which method a single-time-point cycle uses per structure (study file key {@code "single_time_point"}).
 */
public enum SingleTimePointRule {
    /**
     * The default: the population effective half-life where the table has the structure (by name, then by kind),
     * Hänscheid's approximation for every other structure and the rest of the body. With an empty table (the
     * default table) this is Hänscheid everywhere, as before the table existed.
     */
    POPULATION("population"),
    /** Hänscheid's approximation for every structure; the table, if any, is not used. */
    HAENSCHEID("haenscheid");

    private final String label;

    SingleTimePointRule(String label) {
        this.label = label;
    }

    /** The study file's word. */
    public String label() {
        return label;
    }

    /** The rule of a study-file word, case-insensitive. */
    public static Optional<SingleTimePointRule> fromLabel(String text) {
        return Arrays.stream(values()).filter(r -> r.label.equals(text.toLowerCase(Locale.ROOT))).findFirst();
    }
}
