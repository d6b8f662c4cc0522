package doseengine.physics.decay;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nuclide names as users write them: {@code Lu-177}, {@code Lu177}, {@code 177Lu}, {@code 177-Lu}, in any case.
 * The canonical form is ICRP's: element symbol with a capital first letter, a hyphen, the mass number.
 */
public final class NuclideName {
    private static final Pattern SYMBOL_FIRST = Pattern.compile("([a-z]{1,2})[- ]?(\\d{1,3})");
    private static final Pattern MASS_FIRST = Pattern.compile("(\\d{1,3})[- ]?([a-z]{1,2})");

    private NuclideName() {
    }

    /** The canonical form of {@code text}, or empty when it does not look like a nuclide name. */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SYMBOL_FIRST.matcher(s);
        if (m.matches()) {
            return Optional.of(format(m.group(1), m.group(2)));
        }
        m = MASS_FIRST.matcher(s);
        if (m.matches()) {
            return Optional.of(format(m.group(2), m.group(1)));
        }
        return Optional.empty();
    }

    private static String format(String symbol, String mass) {
        String element = Character.toUpperCase(symbol.charAt(0)) + symbol.substring(1);
        return element + "-" + Integer.parseInt(mass);
    }
}
