package doseengine.study;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One treatment cycle: an administration and the time points imaged after it.
 *
 * @param field           where it is in the study file, e.g. {@code cycles[1]}, for messages
 * @param name            a name usable as a folder name, unique in the study ignoring case; {@code C1}, {@code C2},
 *                        ... by position when the file gives none
 * @param administeredMBq the administered activity in MBq, > 0
 * @param injection       the injection time, a local time of the study (no offset or zone), or null when every time
 *                        point gives {@code hours}
 * @param timePoints      at least one, sorted by time after injection, no two at the same time
 */
public record Cycle(String field, String name, double administeredMBq, LocalDateTime injection,
        List<ImagingTimePoint> timePoints) {
    public Cycle {
        timePoints = List.copyOf(timePoints);
    }
}
