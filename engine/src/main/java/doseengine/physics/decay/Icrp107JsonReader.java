package doseengine.physics.decay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one nuclide from the ICRP-107 JSON of OpenGATE/icrp107-database (decoded once, see the README beside
 * the data): {@code name}, {@code half_life} with {@code time_unit}, and {@code emissions}, a dict of lists of
 * {@code [energy_MeV, yield_per_decay]} ({@code b-spectra}: {@code [E_MeV, N per MeV per decay]}).
 */
final class Icrp107JsonReader {
    /** Seconds per ICRP time unit; year-long half-lives are not needed here and are refused. */
    private static final Map<String, Double> SECONDS_PER_UNIT = Map.of(
            "us", 1e-6, "ms", 1e-3, "s", 1.0, "m", 60.0, "h", 3600.0, "d", 86400.0);
    /** Groups the engine does not transport: a file that fills one is refused rather than cut short. */
    private static final Set<String> UNSUPPORTED_GROUPS = Set.of(
            "alpha", "beta+", "neutron", "alpha recoil", "annihilation", "fission", "betaD");
    private static final String SPECTRUM_GROUP = "b-spectra";

    private Icrp107JsonReader() {
    }

    /** @param source names the input in error messages (resource or file name) */
    static Nuclide read(InputStream in, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new BadInputException(source + ": not readable ICRP-107 JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(source + ": not an ICRP-107 JSON object");
        }
        String name = text(root, "name", source);
        double halfLife = number(root.get("half_life"), source + ": half_life");
        String unit = text(root, "time_unit", source);
        Double perUnit = SECONDS_PER_UNIT.get(unit);
        if (perUnit == null) {
            throw new BadInputException(source + ": half-life unit '" + unit + "' is not one of "
                    + SECONDS_PER_UNIT.keySet());
        }
        if (!(halfLife > 0)) {
            throw new BadInputException(source + ": half_life " + halfLife + " is not positive");
        }
        JsonNode emissions = root.get("emissions");
        if (emissions == null || !emissions.isObject()) {
            throw new BadInputException(source + ": no 'emissions' object");
        }
        checkKnownGroups(emissions, source);

        List<BetaBranch> branches = new ArrayList<>();
        for (double[] pair : pairs(emissions, RadiationType.BETA.icrpGroup(), source)) {
            branches.add(new BetaBranch(pair[0], pair[1]));
        }
        List<double[]> spectrum = pairs(emissions, SPECTRUM_GROUP, source);
        BetaSpectrum beta = null;
        if (!spectrum.isEmpty()) {
            double[] e = new double[spectrum.size()];
            double[] n = new double[spectrum.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = spectrum.get(i)[0];
                n[i] = spectrum.get(i)[1];
            }
            try {
                beta = new BetaSpectrum(e, n);
            } catch (IllegalArgumentException ex) {
                throw new BadInputException(source + ": " + ex.getMessage(), ex);
            }
        }
        if ((beta == null) != branches.isEmpty()) {
            throw new BadInputException(source + ": beta branches and beta spectrum must come together");
        }

        List<DiscreteLine> lines = new ArrayList<>();
        for (RadiationType type : RadiationType.values()) {
            if (type == RadiationType.BETA) {
                continue;
            }
            for (double[] pair : pairs(emissions, type.icrpGroup(), source)) {
                lines.add(new DiscreteLine(type, pair[0], pair[1]));
            }
        }
        // Decimal product, so 64.1 h gives 230760 s and not 230759.99999999997.
        double seconds = new BigDecimal(Double.toString(halfLife)).multiply(new BigDecimal(Double.toString(perUnit)))
                .doubleValue();
        return new Nuclide(name, halfLife, unit, seconds, beta, branches, lines);
    }

    private static void checkKnownGroups(JsonNode emissions, String source) {
        Iterator<String> groups = emissions.fieldNames();
        while (groups.hasNext()) {
            String group = groups.next();
            boolean known = group.equals(SPECTRUM_GROUP) || UNSUPPORTED_GROUPS.contains(group);
            for (RadiationType t : RadiationType.values()) {
                known |= group.equals(t.icrpGroup());
            }
            if (!known) {
                throw new BadInputException(source + ": unknown emission group '" + group + "'");
            }
            if (UNSUPPORTED_GROUPS.contains(group) && emissions.get(group).size() > 0) {
                throw new BadInputException(source + ": emission group '" + group
                        + "' is not empty, and the engine does not transport it");
            }
        }
    }

    /** The {@code [a, b]} pairs of one group, each finite and non-negative; an absent group is empty. */
    private static List<double[]> pairs(JsonNode emissions, String group, String source) {
        JsonNode list = emissions.get(group);
        List<double[]> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            throw new BadInputException(source + ": emission group '" + group + "' is not a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            String where = source + ": " + group + "[" + i + "]";
            if (!pair.isArray() || pair.size() != 2) {
                throw new BadInputException(where + " is not an [energy, value] pair");
            }
            double a = number(pair.get(0), where);
            double b = number(pair.get(1), where);
            if (!(a >= 0) || !(b >= 0)) {
                throw new BadInputException(where + " = [" + a + ", " + b + "] has a negative value");
            }
            out.add(new double[] {a, b});
        }
        return out;
    }

    private static String text(JsonNode root, String key, String source) {
        JsonNode node = root.get(key);
        if (node == null || !node.isTextual()) {
            throw new BadInputException(source + ": missing text field '" + key + "'");
        }
        return node.asText();
    }

    private static double number(JsonNode node, String where) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new BadInputException(where + " is not a finite number");
        }
        return node.asDouble();
    }
}
