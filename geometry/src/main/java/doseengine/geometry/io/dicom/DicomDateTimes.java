package doseengine.geometry.io.dicom;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DICOM dates and times as text (PS3.5 6.2: DA {@code YYYYMMDD}, TM {@code HH[MM[SS[.F{1,6}]]]}, DT
 * {@code YYYY[MM[DD[HH[MM[SS[.F]]]]]][&ZZXX]}), plus the ACR-NEMA forms still written by old systems
 * ({@code YYYY.MM.DD}, {@code HH:MM:SS.frac}).
 *
 * <p>Times come back as local clock readings: a DT's UTC offset is dropped, because the acquisition and
 * injection times the decay arithmetic subtracts come from one site's clocks, and Acquisition Time (TM) has no
 * offset to compare it with.
 */
final class DicomDateTimes {
    private static final Pattern TIME = Pattern.compile("(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:\\.(\\d{1,6}))?)?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,6}))?([+-]\\d{4})?");

    private DicomDateTimes() {}

    /** A DA value; {@code attribute} names it in the refusal, e.g. {@code "(0008,0021) Series Date"}. */
    static LocalDate date(Path file, String attribute, String text) {
        String t = text.trim().replace(".", "");
        if (t.matches("\\d{8}")) {
            try {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6, 8)));
            } catch (DateTimeException e) {
                // falls through to the refusal
            }
        }
        throw new DicomException(file, attribute + " '" + text + "' is not a DICOM date (YYYYMMDD)");
    }

    /** A TM value. */
    static LocalTime time(Path file, String attribute, String text) {
        Matcher m = TIME.matcher(text.trim());
        if (m.matches()) {
            try {
                return LocalTime.of(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)),
                        nanos(m.group(4)));
            } catch (DateTimeException e) {
                // falls through to the refusal
            }
        }
        throw new DicomException(file, attribute + " '" + text + "' is not a DICOM time (HHMMSS.FFFFFF)");
    }

    /** A DT value; the UTC offset, when present, is dropped (see the class comment). */
    static LocalDateTime dateTime(Path file, String attribute, String text) {
        Matcher m = DATE_TIME.matcher(text.trim());
        if (m.matches()) {
            try {
                return LocalDateTime.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : number(m.group(2)),
                        m.group(3) == null ? 1 : number(m.group(3)), number(m.group(4)), number(m.group(5)),
                        number(m.group(6)), nanos(m.group(7)));
            } catch (DateTimeException e) {
                // falls through to the refusal
            }
        }
        throw new DicomException(file, attribute + " '" + text
                + "' is not a DICOM date-time (YYYYMMDDHHMMSS.FFFFFF&ZZXX)");
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        StringBuilder nine = new StringBuilder(fraction);
        while (nine.length() < 9) {
            nine.append('0');
        }
        return Integer.parseInt(nine.toString());
    }
}
