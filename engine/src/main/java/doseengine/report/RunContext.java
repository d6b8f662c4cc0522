package doseengine.report;

import doseengine.geometry.BadInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says about a run beyond its numbers: the command, the program version, the inputs, notes on how
 * the inputs were interpreted (written to organs.json and report.html), and the administered activity when known.
 *
 * @param command        "run" or "demo"
 * @param version        the program version
 * @param started        when the command started
 * @param inputs         input name to description (file, phantom, unit), in display order
 * @param notes          assumptions and input conversions worth a physicist's attention
 * @param administeredMBq the activity administered to the patient (MBq), for doses per GBq; null when unknown
 */
public record RunContext(String command, String version, Instant started, Map<String, String> inputs,
                         List<String> notes, Double administeredMBq) {
    /** A note that starts with this is a warning: printed as one, not as a note. */
    public static final String WARNING_PREFIX = "warning: ";

    public RunContext {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        notes = List.copyOf(notes);
        if (administeredMBq != null && !(administeredMBq > 0 && Double.isFinite(administeredMBq))) {
            throw new BadInputException("--administered-mbq must be a positive number of MBq, got " + administeredMBq);
        }
    }

    /** A context without a known administered activity. */
    public RunContext(String command, String version, Instant started, Map<String, String> inputs, List<String> notes) {
        this(command, version, started, inputs, notes, null);
    }

    /** The administered activity as people write it: "7400 MBq", "1234.57 MBq"; "unknown" when it is. */
    public String administeredText() {
        return administeredMBq == null ? "unknown" : mbq(administeredMBq);
    }

    /** An activity with at most six significant digits and no trailing zeros: 7399.99998 -> "7400 MBq". */
    public static String mbq(double activityMBq) {
        return new java.math.BigDecimal(activityMBq).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + " MBq";
    }

    /** Gy per GBq administered for a dose in Gy; NaN when the administered activity is unknown. */
    public double perGBq(double gray) {
        return administeredMBq == null ? Double.NaN : gray / (administeredMBq / 1000);
    }
}
