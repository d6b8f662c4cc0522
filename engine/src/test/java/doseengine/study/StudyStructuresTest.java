package doseengine.study;

import static doseengine.study.StudyFolder.cycle;
import static doseengine.study.StudyFolder.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import doseengine.geometry.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Study#requireSameStructures}, with names from a fake reader of label images and RTSTRUCTs. */
class StudyStructuresTest {
    @TempDir
    Path dir;

    private static String point(double hours, String structures) {
        String key = structures.endsWith(".dcm") ? "structures" : "labels";
        return "{'hours': " + hours + ", 'ct': 'ct.nii', 'activity': 'spect.nii', '" + key + "': '" + structures
                + "'}";
    }

    /** Cycle C1: labels.nii at 4 h, rs.dcm at 24 h, labels.nii at 96 h; cycle C2: c2/t24/labels.nii.gz. */
    private Study readStudy() {
        StudyFolder folder = new StudyFolder(dir);
        return StudyFile.read(folder.write(study(
                cycle("'name': 'C1', 'administered_MBq': 7400", point(96, "labels.nii"), point(4, "labels.nii"),
                        point(24, "rs.dcm")),
                cycle("'name': 'C2', 'administered_MBq': 7400", point(24, "c2/t24/labels.nii.gz")))));
    }

    private Function<StructureSource, Set<String>> names(List<StructureSource> asked,
            Map<String, Set<String>> byFile) {
        return s -> {
            asked.add(s);
            return byFile.get(dir.relativize(s.file()).toString().replace('\\', '/'));
        };
    }

    @Test
    void sameStructuresWithinEachCyclePassAndCyclesMayDiffer() {
        List<StructureSource> asked = new ArrayList<>();
        readStudy().requireSameStructures(names(asked, Map.of(
                "labels.nii", Set.of("kidney_left", "kidney_right", "lesion_1"),
                "rs.dcm", Set.of("lesion_1", "kidney_right", "kidney_left"),
                "c2/t24/labels.nii.gz", Set.of("kidney_left", "kidney_right", "lesion_1", "lesion_2"))));
        assertEquals(4, asked.size(), "every time point's structures were read");
        assertEquals(StructureSource.Kind.RTSTRUCT, asked.get(1).kind());
    }

    @Test
    void aStructureMissingAtALaterTimePoint() {
        BadInputException e = assertThrows(BadInputException.class, () -> readStudy().requireSameStructures(names(
                new ArrayList<>(), Map.of(
                        "labels.nii", Set.of("kidney_left", "kidney_right", "lesion_1"),
                        "rs.dcm", Set.of("kidney_right"),
                        "c2/t24/labels.nii.gz", Set.of()))));
        assertEquals(dir.resolve("study.json") + ": cycles[0].time_points[2].structures: no structure "
                + "\"kidney_left\", \"lesion_1\", which time_points[1] has", e.getMessage());
    }

    @Test
    void aStructureMissingAtTheFirstTimePoint() {
        BadInputException e = assertThrows(BadInputException.class, () -> readStudy().requireSameStructures(names(
                new ArrayList<>(), Map.of(
                        "labels.nii", Set.of("kidney_left"),
                        "rs.dcm", Set.of("kidney_left", "lesion_3"),
                        "c2/t24/labels.nii.gz", Set.of()))));
        assertEquals(dir.resolve("study.json") + ": cycles[0].time_points[1].labels: no structure \"lesion_3\", "
                + "which time_points[2] has", e.getMessage());
    }
}
