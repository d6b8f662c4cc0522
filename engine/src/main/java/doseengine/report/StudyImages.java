package doseengine.report;

import doseengine.study.KidneyBedMap;
import java.util.List;
import java.util.Map;

/**
 * What the study command wrote beside the tables, for {@link StudyReport} to link and report: per cycle the lesion
 * pictures and the kidneys' voxel BED map, over the cycles the summed dose's DVH and the summed kidney BED map.
 * Paths are relative to the output folder.
 *
 * @param lesionSlices      per cycle name, its lesions' pictures (files in the cycle's folder)
 * @param kidneyBed         per cycle name, its kidneys' voxel BED map; a cycle without one is absent
 * @param cumulativeDvh     the summed dose's DVH picture, or null when no summed dose map was written
 * @param cumulativeBed     the summed kidney BED map, or null when none was written
 * @param notes             what was not written and why
 */
public record StudyImages(Map<String, List<LesionSlices.LesionSlice>> lesionSlices,
        Map<String, KidneyBedMap> kidneyBed, String cumulativeDvh, KidneyBedMap cumulativeBed, List<String> notes) {
    /** The per-cycle kidney BED map's file name. */
    public static final String BED_KIDNEYS = "bed_kidneys.nii.gz";
    /** The summed kidney BED map's file name. */
    public static final String CUMULATIVE_BED_KIDNEYS = "cumulative_bed_kidneys.nii.gz";
    /** The summed dose's DVH picture. */
    public static final String CUMULATIVE_DVH = "dvh_cumulative.png";

    public StudyImages {
        lesionSlices = Map.copyOf(lesionSlices);
        kidneyBed = Map.copyOf(kidneyBed);
        notes = List.copyOf(notes);
    }

    /** Nothing beside the tables. */
    public static StudyImages none() {
        return new StudyImages(Map.of(), Map.of(), null, null, List.of());
    }
}
