package doseengine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.study.KidneyBedMap;
import java.util.List;
import java.util.Optional;

/** The keys of {@code study.json} that {@link StudyImages} adds: file paths and the kidneys' voxel BED. */
final class StudyImagesJson {
    private StudyImagesJson() {}

    /** A cycle's {@code dvh}, {@code lesion_slices} and {@code bed_kidneys} (paths relative to the output folder). */
    static void cycle(ObjectNode o, String cycle, StudyImages images) {
        o.put("dvh", cycle + "/" + RunReport.DVH_PNG);
        ArrayNode slices = o.putArray("lesion_slices");
        for (LesionSlices.LesionSlice l : images.lesionSlices().getOrDefault(cycle, List.of())) {
            ObjectNode s = slices.addObject();
            s.put("name", l.name());
            s.put("file", cycle + "/" + l.file());
            s.put("slice_k", l.k());
        }
        if (images.kidneyBed().containsKey(cycle)) {
            o.put("bed_kidneys", cycle + "/" + StudyImages.BED_KIDNEYS);
        } else {
            o.putNull("bed_kidneys");
        }
    }

    /** {@code voxel_bed_mean_Gy} and {@code voxel_bed_max_Gy} of {@code structure} in {@code map} (null if none). */
    static void voxelBed(ObjectNode o, KidneyBedMap map, String structure) {
        Optional<KidneyBedMap.Kidney> k = map == null ? Optional.empty() : map.kidney(structure);
        if (k.isPresent()) {
            o.put("voxel_bed_mean_Gy", k.get().meanGy());
            o.put("voxel_bed_max_Gy", k.get().maxGy());
        } else {
            o.putNull("voxel_bed_mean_Gy");
            o.putNull("voxel_bed_max_Gy");
        }
    }

    /** The root's {@code cumulative_dvh} and {@code cumulative_bed_kidneys}. */
    static void cumulative(ObjectNode root, StudyImages images) {
        if (images.cumulativeDvh() == null) {
            root.putNull("cumulative_dvh");
        } else {
            root.put("cumulative_dvh", images.cumulativeDvh());
        }
        if (images.cumulativeBed() == null) {
            root.putNull("cumulative_bed_kidneys");
        } else {
            root.put("cumulative_bed_kidneys", StudyImages.CUMULATIVE_BED_KIDNEYS);
        }
    }
}
