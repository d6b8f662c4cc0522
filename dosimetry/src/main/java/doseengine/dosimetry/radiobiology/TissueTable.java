package doseengine.dosimetry.radiobiology;

import com.fasterxml.jackson.databind.JsonNode;
import doseengine.geometry.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Linear-quadratic parameters per structure kind ("kidney", "red_marrow", "salivary_glands", "tumour", or any name
 * the user chooses). The defaults ({@code default_tissues.json} beside this class) hold only what has a source:
 * <ul>
 *   <li>kidney: alpha/beta 2.6 Gy, repair half-time 2.8 h, as used by Barone et al. 2005 J Nucl Med 46:99S and
 *       Wessels et al. 2008 J Nucl Med 49:1884.</li>
 * </ul>
 * Red marrow, salivary glands and tumour have no default: no source for them was checked when this table was
 * written, and a guessed number would read as a fact. A structure without parameters has no BED; the user gives
 * them in a file of the same schema.
 *
 * <p>Schema (unknown keys are refused):
 * <pre>
 * { "tissues": { "kidney": { "alpha_beta_Gy": 2.6, "repair_half_time_h": 2.8, "source": "optional text" } } }
 * </pre>
 */
public final class TissueTable {
    private static final String DEFAULTS = "default_tissues.json";
    private static final Set<String> ROOT_KEYS = Set.of("tissues", "comment");
    private static final Set<String> ENTRY_KEYS = Set.of("alpha_beta_Gy", "repair_half_time_h", "source");

    private final Map<String, TissueParameters> byKind;

    private TissueTable(Map<String, TissueParameters> byKind) {
        this.byKind = Collections.unmodifiableMap(byKind);
    }

    /** The defaults with their sources. */
    public static TissueTable defaults() {
        return read(TissueTable.class.getResourceAsStream(DEFAULTS), DEFAULTS);
    }

    /** The user's table; it replaces the defaults. */
    public static TissueTable read(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A table from JSON text; {@code name} names it in messages. */
    public static TissueTable parse(String json, String name) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    }

    private static TissueTable read(InputStream in, String file) {
        JsonNode root = JsonFields.parse(in, file);
        JsonFields.onlyKeys(root, ROOT_KEYS, file);
        JsonNode tissues = JsonFields.object(root, "tissues", file);
        Map<String, TissueParameters> byKind = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tissues.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = file + ": tissues." + e.getKey();
            if (!e.getValue().isObject()) {
                throw new BadInputException(where + " must be a JSON object");
            }
            JsonFields.onlyKeys(e.getValue(), ENTRY_KEYS, where);
            double ab = JsonFields.number(e.getValue(), "alpha_beta_Gy", where);
            double half = JsonFields.number(e.getValue(), "repair_half_time_h", where);
            String source = JsonFields.text(e.getValue(), "source", where, false);
            try {
                byKind.put(e.getKey(), new TissueParameters(ab, half, source));
            } catch (BadInputException bad) {
                throw new BadInputException(where + ": " + bad.getMessage(), bad);
            }
        }
        return new TissueTable(byKind);
    }

    /** The parameters of a structure kind, if the table has them. */
    public Optional<TissueParameters> get(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** Every kind with its parameters, in file order. */
    public Map<String, TissueParameters> all() {
        return byKind;
    }
}
