package doseengine.dosimetry.kinetics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Population effective half-lives (h) per nuclide and structure, for the single-time-point population method
 * ({@link SingleTimePoint#populationHalfLifeMBqH}), with their spread over the population where the source gives it.
 *
 * <p>The table the study uses by default is empty. A nuclide does not say which radiopharmaceutical was given
 * (177Lu-DOTATATE and 177Lu-PSMA-617 clear from the kidneys at different rates), so no published value may apply to
 * every study of a nuclide; a table is always chosen by the user: a file of the schema below, or a built-in table by
 * name ({@link #builtIn}: only those whose numbers were read in their source, see docs/kinetics.md).
 *
 * <p>Schema (unknown keys refused, every message one line naming the file and the field):
 * <pre>
 * { "comment": "optional text",
 *   "effective_half_lives": [
 *     { "nuclide": "Lu-177", "structure": "kidney", "half_life_h": 50,
 *       "sigma_h": 10,        (optional: standard deviation over the population, h)
 *       "log_sigma": 0.2,     (optional, not with sigma_h: standard deviation of ln T_eff, lognormal)
 *       "source": "optional text" } ] }
 * </pre>
 * {@code structure} is a structure's name or a kind ("kidney", "lesion" or "tumour", "red_marrow",
 * "salivary_glands"); a structure's own name wins over its kind. Names, kinds and nuclides are compared ignoring
 * case, and a nuclide in any spelling with its letters and mass number ("Lu-177", "lu177", "177Lu").
 */
public final class EffectiveHalfLives {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> ROOT_KEYS = Set.of("comment", "effective_half_lives");
    private static final Set<String> ENTRY_KEYS =
            Set.of("nuclide", "structure", "half_life_h", "sigma_h", "log_sigma", "source");
    /** Built-in tables, by name: resources beside this class. */
    private static final Map<String, String> BUILT_IN = Map.of("lu177-psma-617", "lu177_psma617_half_lives.json");

    /**
     * One entry.
     *
     * @param nuclide       as the table spells it
     * @param structure     a structure's name or kind, as the table spells it
     * @param halfLifeHours the population effective half-life, h
     * @param relSigma      the standard uncertainty of ln T_eff over the population (sigma_h / T_eff or log_sigma),
     *                      or null where the table gives no spread
     * @param spread        the spread as the table gave it, in words ("sigma_h 10", "log_sigma 0.2"), or ""
     * @param source        the table's source text, or ""
     * @param table         the file or built-in table it came from
     */
    public record Entry(String nuclide, String structure, double halfLifeHours, Double relSigma, String spread,
            String source, String table) {
    }

    private final Map<String, Entry> entries;

    private EffectiveHalfLives(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** An empty table; add entries with {@link #with}. */
    public static EffectiveHalfLives empty() {
        return new EffectiveHalfLives(new LinkedHashMap<>());
    }

    /** The table with one entry (no spread) added or replaced. */
    public EffectiveHalfLives with(String nuclide, String structure, double halfLifeHours) {
        return with(new Entry(nuclide, structure, halfLifeHours, null, "", "", "in code"));
    }

    /** The table with {@code e} added or replaced. */
    public EffectiveHalfLives with(Entry e) {
        if (!Double.isFinite(e.halfLifeHours()) || e.halfLifeHours() <= 0) {
            throw new BadInputException("effective half-life of " + e.structure() + " (" + e.nuclide()
                + ") must be finite and > 0 h, got " + e.halfLifeHours());
        }
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.put(key(e.nuclide(), e.structure()), e);
        return new EffectiveHalfLives(copy);
    }

    /** The user's table in {@code file}. */
    public static EffectiveHalfLives read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The names {@link #builtIn} knows. */
    public static Set<String> builtInNames() {
        return new TreeSet<>(BUILT_IN.keySet());
    }

    /** A built-in table by name (case-insensitive), e.g. "lu177-psma-617"; refused with the names it knows. */
    public static EffectiveHalfLives builtIn(String name) {
        String resource = BUILT_IN.get(name.toLowerCase(Locale.ROOT));
        if (resource == null) {
            throw new BadInputException("effective half-lives: no built-in table \"" + name + "\" (known: "
                    + String.join(", ", builtInNames()) + ")");
        }
        return read(EffectiveHalfLives.class.getResourceAsStream(resource), "built-in table " + name);
    }

    /** A table from JSON; {@code name} names it in messages. */
    public static EffectiveHalfLives read(InputStream in, String name) {
        JsonNode root;
        try (in) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            throw new BadInputException(name + ": not valid JSON: " + (m.contains("\n") ? m.substring(0,
                    m.indexOf('\n')) : m), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(name + ": must be a JSON object");
        }
        onlyKeys(root, ROOT_KEYS, name);
        JsonNode list = root.get("effective_half_lives");
        if (list == null || !list.isArray()) {
            throw new BadInputException(name + ": \"effective_half_lives\" must be a list of entries");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String where = name + ": effective_half_lives[" + i + "]";
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                throw new BadInputException(where + " must be a JSON object");
            }
            onlyKeys(n, ENTRY_KEYS, where);
            String nuclide = text(n, "nuclide", where, true);
            if (nuclideKey(nuclide).isEmpty()) {
                throw new BadInputException(where + ".nuclide must name a nuclide with its mass number, e.g. "
                        + "\"Lu-177\", got \"" + nuclide + "\"");
            }
            String structure = text(n, "structure", where, true);
            if (structure.isBlank()) {
                throw new BadInputException(where + ".structure must be a structure's name or kind, got \"\"");
            }
            double half = positive(n, "half_life_h", where, true, false);
            boolean hasSd = present(n, "sigma_h");
            boolean hasLog = present(n, "log_sigma");
            if (hasSd && hasLog) {
                throw new BadInputException(where + ": give \"sigma_h\" or \"log_sigma\", not both");
            }
            Double rel = null;
            String spread = "";
            if (hasSd) {
                double sd = positive(n, "sigma_h", where, false, true);
                rel = sd / half;
                spread = "sigma_h " + fmt(sd) + " h";
            } else if (hasLog) {
                rel = positive(n, "log_sigma", where, false, true);
                spread = "log_sigma " + fmt(rel);
            }
            String source = present(n, "source") ? text(n, "source", where, false) : "";
            String key = key(nuclide, structure);
            Integer before = firstAt.putIfAbsent(key, i);
            if (before != null) {
                throw new BadInputException(where + ": nuclide " + nuclide + " and structure \"" + structure
                        + "\" are also effective_half_lives[" + before + "]");
            }
            entries.put(key, new Entry(nuclide, structure, half, rel, spread, source, name));
        }
        return new EffectiveHalfLives(entries);
    }

    /**
     * The entry for a structure of {@code nuclide}: its own name first, then each of {@code kinds} in order (e.g.
     * "lesion", "tumour").
     */
    public Optional<Entry> find(String nuclide, String name, List<String> kinds) {
        Entry e = entries.get(key(nuclide, name));
        for (Iterator<String> it = kinds.iterator(); e == null && it.hasNext(); ) {
            e = entries.get(key(nuclide, it.next()));
        }
        return Optional.ofNullable(e);
    }

    /** The effective half-life (h); a structure not in the table is refused. */
    public double halfLifeHours(String nuclide, String structure) {
        return find(nuclide, structure, List.of()).orElseThrow(() -> new BadInputException(
                "effective half-life: no entry for structure " + structure + " and nuclide " + nuclide
                        + "; give one in the table")).halfLifeHours();
    }

    /** Every entry, in table order. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** True when the table has no entry. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static String key(String nuclide, String structure) {
        return nuclideKey(nuclide) + "|" + structure.toLowerCase(Locale.ROOT);
    }

    /** "Lu-177", "lu177", "177Lu" to "lu177"; "" without letters or digits. */
    static String nuclideKey(String nuclide) {
        StringBuilder letters = new StringBuilder();
        StringBuilder digits = new StringBuilder();
        for (char c : nuclide.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetter(c)) {
                letters.append(c);
            } else if (Character.isDigit(c)) {
                digits.append(c);
            }
        }
        return letters.isEmpty() || digits.isEmpty() ? "" : letters + digits.toString();
    }

    private static void onlyKeys(JsonNode o, Set<String> allowed, String where) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new BadInputException(where + ": unknown key \"" + k + "\" (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static boolean present(JsonNode o, String key) {
        return o.has(key) && !o.get(key).isNull();
    }

    private static String text(JsonNode o, String key, String where, boolean required) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadInputException(where + ": \"" + key + "\" is missing");
            }
            return "";
        }
        if (!n.isTextual()) {
            throw new BadInputException(where + "." + key + " must be a string, got " + n);
        }
        return n.asText();
    }

    private static double positive(JsonNode o, String key, String where, boolean required, boolean zeroAllowed) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadInputException(where + ": \"" + key + "\" is missing");
            }
            return Double.NaN;
        }
        double v = n.isNumber() ? n.asDouble() : Double.NaN;
        if (!Double.isFinite(v) || v < 0 || (v == 0 && !zeroAllowed)) {
            throw new BadInputException(where + "." + key + " must be a number " + (zeroAllowed ? ">= 0" : "> 0")
                    + (key.endsWith("_h") ? " (hours)" : "") + ", got " + n);
        }
        return v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
