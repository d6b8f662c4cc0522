package doseengine.cli;

import doseengine.geometry.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import picocli.CommandLine;

/**
 * A count on the command line (decays, seeds, threads, device indices), written as a whole number in any of the
 * ways a physicist writes one: {@code 1000000}, {@code 1e6}, {@code 1E6}, {@code 2.5e5}, {@code 1_000_000}. A
 * value that is not a whole number ({@code 1.5}, {@code 1e-3}) or does not fit the type is refused, never rounded.
 */
public final class WholeNumber {
    private WholeNumber() {}

    /**
     * @param option the option's name, for the message
     * @throws BadInputException "OPTION 'TEXT' is not a whole number" (or "is too large")
     */
    public static long parseLong(String option, String text) {
        BigInteger v = parse(option, text);
        if (v.bitLength() > 63) {
            throw new BadInputException(option + " '" + text + "' is too large");
        }
        return v.longValue();
    }

    /** As {@link #parseLong}, for an int. */
    public static int parseInt(String option, String text) {
        BigInteger v = parse(option, text);
        if (v.bitLength() > 31) {
            throw new BadInputException(option + " '" + text + "' is too large");
        }
        return v.intValue();
    }

    private static BigInteger parse(String option, String text) {
        String t = text == null ? "" : text.strip().replace("_", "");
        try {
            BigDecimal d = new BigDecimal(t);
            if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
                throw new BadInputException(option + " '" + text + "' is not a whole number");
            }
            // A huge exponent (1e999999999) would make toBigIntegerExact allocate without bound.
            if (d.precision() - d.scale() > 40) {
                throw new BadInputException(option + " '" + text + "' is too large");
            }
            return d.toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException(option + " '" + text + "' is not a whole number");
        }
    }

    /** The picocli converters of long and int options: counts as above. */
    static void register(CommandLine cl) {
        CommandLine.ITypeConverter<Long> longs = s -> convert(() -> parseLong("value", s));
        CommandLine.ITypeConverter<Integer> ints = s -> convert(() -> parseInt("value", s));
        cl.registerConverter(Long.class, longs);
        cl.registerConverter(Long.TYPE, longs);
        cl.registerConverter(Integer.class, ints);
        cl.registerConverter(Integer.TYPE, ints);
    }

    /** picocli names the option itself when a converter throws TypeConversionException. */
    private static <T> T convert(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            String m = e.getMessage();
            throw new CommandLine.TypeConversionException(m.substring(m.indexOf('\'')));
        }
    }
}
