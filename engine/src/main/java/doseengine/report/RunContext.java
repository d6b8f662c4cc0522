package doseengine.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report says about a run beyond its numbers: the command, the program version, the inputs, and notes on
 * how the inputs were interpreted (written to organs.json and report.html).
 *
 * @param command  "run" or "demo"
 * @param version  the program version
 * @param started  when the command started
 * @param inputs   input name to description (file, phantom, unit), in display order
 * @param notes    assumptions and input conversions worth a physicist's attention
 */
public record RunContext(String command, String version, Instant started, Map<String, String> inputs,
                         List<String> notes) {
    public RunContext {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        notes = List.copyOf(notes);
    }
}
