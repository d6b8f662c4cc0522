package doseengine.study;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A time of the study file as written and as a local date-time: ISO 8601 without offset or zone
 * ({@code 2026-03-02T09:30:00}, seconds optional), a clock time where the patient was treated.
 *
 * @param text  as written, for messages
 * @param local the date-time
 */
record StudyTime(String text, LocalDateTime local) {
    /**
     * The time at {@code key} of {@code object}, or null when absent.
     *
     * @throws doseengine.geometry.BadInputException when it is not a local ISO date-time
     */
    static StudyTime parse(JsonObjectAt object, String key) {
        String text = object.text(key);
        if (text == null) {
            return null;
        }
        try {
            return new StudyTime(text, LocalDateTime.parse(text));
        } catch (DateTimeParseException e) {
            String hint = hasOffset(text) ? " without offset (the study's times are local: set \"time_zone\" for "
                    + "daylight-saving changes)" : "";
            throw object.refuse(object.prefix() + "\"" + key + "\" must be a local ISO date-time such as "
                    + "2026-03-02T09:30:00" + hint + ", got \"" + text + "\"");
        }
    }

    private static boolean hasOffset(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
