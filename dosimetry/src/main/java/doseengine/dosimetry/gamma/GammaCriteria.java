package doseengine.dosimetry.gamma;

import doseengine.geometry.BadInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acceptance criteria of a gamma-index comparison (Low et al., Med Phys 25 (1998) 656): a dose-difference
 * criterion (a fraction of a normalisation dose), a distance-to-agreement criterion (mm), the normalisation, and the
 * low-dose threshold below which reference voxels are not evaluated.
 *
 * <p>Normalisation (Low and Dempsey, Med Phys 30 (2003) 2455; AAPM TG-218, Miften et al., Med Phys 45 (2018) e53):
 * {@link Normalisation#GLOBAL} takes the dose difference relative to the reference's maximum dose, the same for every
 * voxel; {@link Normalisation#LOCAL} relative to the reference dose at the voxel, which is stricter in low-dose
 * regions. The threshold is a fraction of the reference's maximum dose: TG-218 recommends 10 %, the default here.
 *
 * <p>Written as text ({@link #parse}, and {@link #toString} writes the same form), case and spaces ignored:
 * <pre>
 *   DD%/DTAmm[,global|local][,threshold=T%]
 * </pre>
 * for example {@code 3%/3mm} (global, threshold 10 %), {@code 2%/2mm,local}, {@code 3%/3mm,threshold=20%},
 * {@code 2.5%/2mm,local,threshold=5%}. DD is in {@code (0, 100]} %, DTA finite and {@code > 0} mm, T in
 * {@code [0, 100]} %.
 *
 * @param doseDifference dose-difference criterion as a fraction (0.03 for 3 %)
 * @param dtaMm          distance-to-agreement criterion in mm
 * @param normalisation  what the dose difference is relative to
 * @param threshold      reference voxels below this fraction of the reference's maximum are not evaluated
 */
public record GammaCriteria(double doseDifference, double dtaMm, Normalisation normalisation, double threshold) {
    /** TG-218's recommended low-dose threshold, 10 % of the reference maximum. */
    public static final double DEFAULT_THRESHOLD = 0.10;

    /** The grammar of {@link #parse}, as error messages show it. */
    public static final String FORM = "DD%/DTAmm[,global|local][,threshold=T%], e.g. 3%/3mm";

    private static final String NUMBER = "(\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern HEAD = Pattern.compile(NUMBER + "%/" + NUMBER + "mm");
    private static final Pattern THRESHOLD = Pattern.compile("threshold=" + NUMBER + "%");

    /** What the dose-difference criterion is a fraction of. */
    public enum Normalisation {
        /** The reference's maximum dose, for every voxel. */
        GLOBAL,
        /** The reference dose at the voxel evaluated. */
        LOCAL
    }

    /** @throws BadInputException for values out of the ranges of the class comment */
    public GammaCriteria {
        if (!(doseDifference > 0 && doseDifference <= 1)) {
            throw new BadInputException("gamma dose-difference criterion must be > 0 % and <= 100 %, got "
                    + percent(doseDifference) + " %");
        }
        if (!(dtaMm > 0) || Double.isInfinite(dtaMm)) {
            throw new BadInputException("gamma distance-to-agreement must be finite and > 0 mm, got " + dtaMm + " mm");
        }
        if (normalisation == null) {
            throw new BadInputException("gamma normalisation must be global or local");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new BadInputException("gamma low-dose threshold must be >= 0 % and <= 100 %, got "
                    + percent(threshold) + " %");
        }
    }

    /** Global criteria with the default threshold: {@code global(0.03, 3)} is 3 %/3 mm. */
    public static GammaCriteria global(double doseDifference, double dtaMm) {
        return new GammaCriteria(doseDifference, dtaMm, Normalisation.GLOBAL, DEFAULT_THRESHOLD);
    }

    /** Local criteria with the default threshold. */
    public static GammaCriteria local(double doseDifference, double dtaMm) {
        return new GammaCriteria(doseDifference, dtaMm, Normalisation.LOCAL, DEFAULT_THRESHOLD);
    }

    /** The same criteria with another low-dose threshold (a fraction of the reference maximum). */
    public GammaCriteria withThreshold(double fraction) {
        return new GammaCriteria(doseDifference, dtaMm, normalisation, fraction);
    }

    /**
     * Reads {@code DD%/DTAmm[,global|local][,threshold=T%]} (see the class comment).
     *
     * @throws BadInputException one line naming the text and the expected form
     */
    public static GammaCriteria parse(String text) {
        String[] parts = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT).split(",", -1);
        Matcher head = HEAD.matcher(parts[0]);
        if (!head.matches() || parts.length > 3) {
            throw bad(text, null);
        }
        Normalisation normalisation = null;
        Double threshold = null;
        for (int p = 1; p < parts.length; p++) {
            Matcher t = THRESHOLD.matcher(parts[p]);
            if ((parts[p].equals("global") || parts[p].equals("local")) && normalisation == null && threshold == null) {
                normalisation = Normalisation.valueOf(parts[p].toUpperCase(Locale.ROOT));
            } else if (t.matches() && threshold == null) {
                threshold = Double.parseDouble(t.group(1)) / 100;
            } else {
                throw bad(text, null);
            }
        }
        try {
            return new GammaCriteria(Double.parseDouble(head.group(1)) / 100, Double.parseDouble(head.group(2)),
                    normalisation == null ? Normalisation.GLOBAL : normalisation,
                    threshold == null ? DEFAULT_THRESHOLD : threshold);
        } catch (BadInputException e) {
            throw bad(text, e.getMessage().replaceFirst("^gamma ", ""));
        }
    }

    private static BadInputException bad(String text, String why) {
        return new BadInputException("gamma criteria '" + text + "': " + (why == null ? "" : why + "; ")
                + "expected " + FORM);
    }

    /** The dose difference that this criterion allows at a voxel, given the reference dose there and its maximum. */
    double allowedDifference(double referenceDose, double referenceMax) {
        return doseDifference * (normalisation == Normalisation.GLOBAL ? referenceMax : referenceDose);
    }

    /** The criteria in the form {@link #parse} reads, every part written: {@code 3%/3mm,global,threshold=10%}. */
    @Override
    public String toString() {
        return percent(doseDifference) + "%/" + number(dtaMm) + "mm," + normalisation.name().toLowerCase(Locale.ROOT)
                + ",threshold=" + percent(threshold) + "%";
    }

    private static String percent(double fraction) {
        return number(fraction * 100);
    }

    /** At most 10 significant digits, without trailing zeros: 3, 2.5, not 3.0000000000000004. */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
