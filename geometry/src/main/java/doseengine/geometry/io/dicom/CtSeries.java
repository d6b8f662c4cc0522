package doseengine.geometry.io.dicom;

import doseengine.geometry.Volume;
import java.util.List;

/**
 * A CT series read into the engine: Hounsfield units on the series' grid, and what RT objects derived from it
 * must share with it.
 *
 * @param hu                HU per voxel: a {@code ShortVolume} when every value is an integer in short range
 *                          (the usual CT), else a {@code FloatVolume}
 * @param reference         study, frame of reference and patient module of the first slice
 * @param seriesInstanceUid the series read
 * @param seriesDescription its description, null when absent
 * @param notes             what was skipped or decided, one line each
 */
public record CtSeries(Volume hu, DicomReference reference, String seriesInstanceUid, String seriesDescription,
                       List<String> notes) {
    public CtSeries {
        notes = List.copyOf(notes);
    }
}
