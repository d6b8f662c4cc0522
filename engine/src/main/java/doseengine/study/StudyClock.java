package doseengine.study;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;

/**
 * Hours between two local times of the study. With the study's time zone they are elapsed hours, across a
 * daylight-saving change too (a local time in the hour a change skips is moved forward by it, one in the hour it
 * repeats is the earlier of the two, as {@link java.time.ZonedDateTime#of} does); without one, clock differences.
 *
 * @param zone the study's time zone, or null
 */
record StudyClock(ZoneId zone) {
    private static final double SECONDS_PER_HOUR = 3600;
    private static final double NANOS_PER_HOUR = 3600e9;

    /** {@code to} minus {@code from} in hours, to the nanosecond: negative when {@code to} is earlier. */
    double hoursBetween(LocalDateTime from, LocalDateTime to) {
        Duration d = Duration.between(inZone(from), inZone(to));
        return d.getSeconds() / SECONDS_PER_HOUR + d.getNano() / NANOS_PER_HOUR;
    }

    private Temporal inZone(LocalDateTime t) {
        return zone == null ? t : t.atZone(zone);
    }

    /** Hours as a message shows them: {@code 24}, {@code 23.5}, no trailing zeros. */
    static String hours(double h) {
        return BigDecimal.valueOf(h).stripTrailingZeros().toPlainString();
    }
}
