package doseengine.geometry.io.dicom;

import java.util.Locale;

/**
 * One series found in a folder, from its files' headers: what a listing shows and what a user needs to pick a
 * series by UID. Text fields are as the first file (in path order) has them, null where absent.
 *
 * @param fileCount  files of the series
 * @param frameCount frames over all its files (slices of a CT, frames of a multi-frame NM image)
 */
public record DicomSeriesInfo(String patientId, String studyInstanceUid, String studyDescription,
                              String seriesInstanceUid, String modality, String seriesDescription, String seriesDate,
                              String seriesTime, String frameOfReferenceUid, int fileCount, int rows, int columns,
                              int frameCount, String sopClassUid) {
    /** One line for a listing: modality, UID, description, size, date. */
    public String line() {
        return String.format(Locale.ROOT, "%s %s \"%s\" %d file%s, %d frame%s of %d x %d, %s %s, patient %s, study %s",
                modality == null ? "?" : modality, seriesInstanceUid, seriesDescription == null ? "" : seriesDescription,
                fileCount, fileCount == 1 ? "" : "s", frameCount, frameCount == 1 ? "" : "s", columns, rows,
                seriesDate == null ? "no date" : seriesDate, seriesTime == null ? "" : seriesTime,
                patientId == null ? "?" : patientId, studyDescription == null ? studyInstanceUid : studyDescription);
    }

    /** Short form naming the series in a message: {@code 1.2.3 "Abdomen" (120 slices, 20240301)}. */
    public String shortLine() {
        return String.format(Locale.ROOT, "%s \"%s\" (%d %s, %s)", seriesInstanceUid,
                seriesDescription == null ? "" : seriesDescription, frameCount,
                frameCount == 1 ? "image" : "images", seriesDate == null ? "no date" : seriesDate);
    }
}
