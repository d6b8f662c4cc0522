package doseengine.geometry.io.dicom;

import doseengine.geometry.FloatVolume;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A quantitative SPECT or PET image read into the engine: activity concentration at the acquisition time on the
 * image's own grid (the engine resamples it onto the CT through the shared frame of reference).
 *
 * @param bqPerMl             activity concentration, Bq/ml, at {@code acquisitionTime}; finite and not negative
 * @param frameOfReferenceUid (0020,0052), which must match the CT's for the two to overlay; null when absent
 * @param acquisitionTime     the time the values hold for (local clock); null when the file gives none
 * @param radiopharmaceutical what was injected (fields null where the file is silent)
 * @param seriesInstanceUid   the series read
 * @param seriesDescription   its description, null when absent
 * @param modality            NM (SPECT) or PT
 * @param notes               what was decided (units, decay correction) and skipped, one line each
 */
public record ActivityImage(FloatVolume bqPerMl, String frameOfReferenceUid, LocalDateTime acquisitionTime,
                            Radiopharmaceutical radiopharmaceutical, String seriesInstanceUid,
                            String seriesDescription, String modality, List<String> notes) {
    public ActivityImage {
        notes = List.copyOf(notes);
    }
}
