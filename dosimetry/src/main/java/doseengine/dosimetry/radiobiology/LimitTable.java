package doseengine.dosimetry.radiobiology;

import com.fasterxml.jackson.databind.JsonNode;
import doseengine.geometry.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Limits for organs at risk and response thresholds for lesions. The defaults ({@code default_limits.json} beside
 * this class, each entry with its source):
 * <ul>
 *   <li>kidney, absorbed dose, maximum 23 Gy: the external-beam tolerance dose TD5/5 of the whole kidney
 *       (Emami et al. 1991 Int J Radiat Oncol Biol Phys 21:109), used in PRRT (Bodei et al. 2008 Eur J Nucl Med Mol
 *       Imaging 35:1847).</li>
 *   <li>kidney, BED, maximum 28 Gy with risk factors, 40 Gy without (Bodei et al. 2008 Eur J Nucl Med Mol Imaging
 *       35:1847).</li>
 *   <li>red marrow, absorbed dose, maximum 2 Gy: "the accepted dose limit for BM [bone marrow] is 2 Gy, adopted
 *       from 131I treatment" (Bergsma et al. 2016 Eur J Nucl Med Mol Imaging 43:453, abstract), who also conclude
 *       that it "seems not to be valid for PRRT with 177Lu-DOTATATE".</li>
 *   <li>salivary glands, absorbed dose, maximum 20 Gy: external-beam QUANTEC, severe xerostomia "is usually avoided
 *       if at least one parotid gland is spared to a mean dose of less than ~20 Gy or if both glands are spared to
 *       less than ~25 Gy" (Deasy et al. 2010 Int J Radiat Oncol Biol Phys 76:S58, abstract); fractionated photons,
 *       an extrapolation to radioligand therapy.</li>
 *   <li>lesion, absorbed dose, minimum 35 Gy after cycle 1, minimum over lesions (LUMEN trial): source not
 *       verified.</li>
 *   <li>lesion, absorbed dose, minimum 10.6 Gy after cycle 1, mean over lesions (LUTADOSE trial): source not
 *       verified.</li>
 * </ul>
 *
 * <p>Schema (unknown keys are refused; {@code condition}, {@code source}, {@code over} and {@code after_cycle}
 * optional):
 * <pre>
 * { "limits": [ { "structure": "kidney", "quantity": "absorbed_dose" | "bed", "bound": "maximum" | "minimum",
 *                 "value_Gy": 23, "condition": "text", "source": "text",
 *                 "over": "each" | "minimum" | "mean", "after_cycle": 1 } ] }
 * </pre>
 * Without {@code over} a limit is on each structure on its own; without {@code after_cycle} on the value summed over
 * every cycle given, so a table written before these keys existed reads as it did.
 */
public final class LimitTable {
    private static final String DEFAULTS = "default_limits.json";
    private static final Set<String> ROOT_KEYS = Set.of("limits", "comment");
    private static final Set<String> ENTRY_KEYS =
            Set.of("structure", "quantity", "bound", "value_Gy", "condition", "source", "over", "after_cycle");

    private final List<Limit> limits;

    private LimitTable(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    /** The defaults with their sources. */
    public static LimitTable defaults() {
        return read(LimitTable.class.getResourceAsStream(DEFAULTS), DEFAULTS);
    }

    /** The user's table; it replaces the defaults. */
    public static LimitTable read(Path file) {
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A table from JSON text; {@code name} names it in messages. */
    public static LimitTable parse(String json, String name) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name);
    }

    private static LimitTable read(InputStream in, String file) {
        JsonNode root = JsonFields.parse(in, file);
        JsonFields.onlyKeys(root, ROOT_KEYS, file);
        JsonNode list = root.get("limits");
        if (list == null || !list.isArray()) {
            throw new BadInputException(file + ": \"limits\" must be a JSON array");
        }
        List<Limit> limits = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file + ": limits[" + i + "]";
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw new BadInputException(where + " must be a JSON object");
            }
            JsonFields.onlyKeys(e, ENTRY_KEYS, where);
            String structure = JsonFields.text(e, "structure", where, true);
            Limit.Quantity q = Limit.Quantity.parse(JsonFields.text(e, "quantity", where, true), where);
            Limit.Bound b = Limit.Bound.parse(JsonFields.text(e, "bound", where, true), where);
            double v = JsonFields.number(e, "value_Gy", where);
            String overText = JsonFields.text(e, "over", where, false);
            Limit.Over over = overText.isEmpty() ? Limit.Over.EACH : Limit.Over.parse(overText, where);
            Integer afterCycle = afterCycle(e, where);
            try {
                limits.add(new Limit(structure, q, b, v, JsonFields.text(e, "condition", where, false),
                        JsonFields.text(e, "source", where, false), over, afterCycle));
            } catch (BadInputException bad) {
                throw new BadInputException(where + ": " + bad.getMessage(), bad);
            }
        }
        return new LimitTable(limits);
    }

    /** {@code "after_cycle"}: absent or null for the value summed over every cycle, else a cycle number >= 1. */
    private static Integer afterCycle(JsonNode e, String where) {
        JsonNode n = e.get("after_cycle");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
            throw new BadInputException(where + ": \"after_cycle\" must be a cycle number >= 1 (1 for the first"
                    + " cycle), got " + n);
        }
        return n.asInt();
    }

    /** Every limit, in file order. */
    public List<Limit> all() {
        return limits;
    }

    /** The limits on one structure kind or name, in file order. */
    public List<Limit> forStructure(String structure) {
        return limits.stream().filter(l -> l.structure().equals(structure)).toList();
    }
}
