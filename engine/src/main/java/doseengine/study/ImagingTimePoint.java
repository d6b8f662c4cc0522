package doseengine.study;

import doseengine.io.ActivityUnit;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One imaging time point of a cycle: a CT, an activity image and the structures, some hours after the injection.
 * Named apart from the fits' {@code doseengine.dosimetry.kinetics.TimePoint} (hours and MBq), which the study
 * command builds from it.
 *
 * @param field               where it is in the study file, e.g. {@code cycles[0].time_points[1]}, for messages
 * @param hoursAfterInjection the time after the injection in hours, > 0: as given, or {@code acquired} minus the
 *                            cycle's injection
 * @param acquired            the acquisition time as given (a local time of the study), or null when the file gives
 *                            {@code hours}
 * @param ct                  the CT: a file, or a folder (a DICOM series)
 * @param activity            the activity image: a file, or a folder (a DICOM series)
 * @param activityUnit        the unit of the activity image's voxel values ({@code MBq} or {@code Bq/ml}), or null
 *                            when the file does not say: then the image's own metadata decides, as for {@code run}
 * @param structures          the label image or RTSTRUCT
 */
public record ImagingTimePoint(String field, double hoursAfterInjection, LocalDateTime acquired, Path ct,
        Path activity, ActivityUnit activityUnit, StructureSource structures) {
}
