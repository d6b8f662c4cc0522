package doseengine.study;

import static doseengine.study.StudyFolder.cycle;
import static doseengine.study.StudyFolder.study;
import static doseengine.study.StudyFolder.timePoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of the study file, line for line. */
class StudyFileRefusalTest {
    private static final String C1 = "'name': 'C1', 'administered_MBq': 7400, 'injection': '2026-03-02T09:30:00'";

    @TempDir
    Path dir;
    private StudyFolder folder;

    @BeforeEach
    void folder() {
        folder = new StudyFolder(dir);
    }

    /** Reading {@code json} fails with exactly the line {@code <study file>: <expected>}. */
    private void refused(String json, String expected) {
        Path file = folder.write(json);
        BadInputException e = assertThrows(BadInputException.class, () -> StudyFile.read(file));
        assertEquals(file + ": " + expected, e.getMessage());
    }

    /** A one-cycle study whose cycle C1 has these time points. */
    private void refusedPoints(String expected, String... timePoints) {
        refused(study(cycle(C1, timePoints)), expected);
    }

    @Test
    void hoursAndAcquiredTogether() {
        refusedPoints("cycles[0].time_points[1]: give either \"hours\" or \"acquired\", not both",
                timePoint("'hours': 4"), timePoint("'hours': 24, 'acquired': '2026-03-03T09:30:00'"));
    }

    @Test
    void neitherHoursNorAcquired() {
        refusedPoints("cycles[0].time_points[0]: give \"hours\" after the injection or the \"acquired\" time",
                timePoint(""));
    }

    @Test
    void acquiredBeforeOrAtTheInjection() {
        refusedPoints("cycles[0].time_points[2].acquired 2026-03-01T08:00:00 is before the injection "
                + "2026-03-02T09:30:00", timePoint("'hours': 4"), timePoint("'hours': 24"),
                timePoint("'acquired': '2026-03-01T08:00:00'"));
        refusedPoints("cycles[0].time_points[0].acquired 2026-03-02T09:30 is at the injection 2026-03-02T09:30:00",
                timePoint("'acquired': '2026-03-02T09:30'"));
    }

    @Test
    void hoursNotPositive() {
        refusedPoints("cycles[0].time_points[0].hours must be a positive number of hours after the injection, got 0",
                timePoint("'hours': 0"));
        refusedPoints("cycles[0].time_points[0]: \"hours\" must be a number, got \"4\"", timePoint("'hours': '4'"));
    }

    /** 24 h given, and 24 h from the times: the same time point twice. */
    @Test
    void twoTimePointsAtTheSameTime() {
        refusedPoints("cycles[0]: two time points at 24 h (time_points[0] and time_points[2])",
                timePoint("'hours': 24"), timePoint("'hours': 4"), timePoint("'acquired': '2026-03-03T09:30:00'"));
    }

    @Test
    void acquiredWithoutTheCycleInjection() {
        refused(study(cycle("'administered_MBq': 7400", timePoint("'acquired': '2026-03-03T09:30:00'"))),
                "cycles[0].time_points[0].acquired needs the cycle's \"injection\" time");
    }

    @Test
    void timesThatAreNotLocalIsoTimes() {
        refusedPoints("cycles[0].time_points[0]: \"acquired\" must be a local ISO date-time such as "
                + "2026-03-02T09:30:00, got \"3 March 2026\"", timePoint("'acquired': '3 March 2026'"));
        refused(study(cycle("'administered_MBq': 7400, 'injection': '2026-03-02T09:30:00+01:00'",
                timePoint("'hours': 4"))), "cycles[0]: \"injection\" must be a local ISO date-time such as "
                + "2026-03-02T09:30:00 without offset (the study's times are local: set \"time_zone\" for "
                + "daylight-saving changes), got \"2026-03-02T09:30:00+01:00\"");
    }

    @Test
    void administeredActivityNotPositiveOrMissing() {
        refused(study(cycle(C1, timePoint("'hours': 4")),
                cycle("'name': 'C2', 'administered_MBq': -5", timePoint("'hours': 4"))),
                "cycles[1]: \"administered_MBq\" must be a positive number of MBq, got -5");
        refused(study(cycle("'name': 'C1'", timePoint("'hours': 4"))),
                "cycles[0]: \"administered_MBq\" is missing");
        refused(study(cycle("'administered_MBq': '7400'", timePoint("'hours': 4"))),
                "cycles[0]: \"administered_MBq\" must be a positive number of MBq, got \"7400\"");
    }

    @Test
    void unknownKeysAtEveryLevel() {
        refusedPoints("cycles[0].time_points[0]: unknown key \"activty\" (known: ct, activity, activity_unit, labels, "
                + "structures, hours, acquired)", timePoint("'hours': 4, 'activty': 'x'"));
        refused(study(cycle(C1 + ", 'tracer': 'DOTATATE'", timePoint("'hours': 4"))),
                "cycles[0]: unknown key \"tracer\" (known: name, administered_MBq, injection, time_points)");
        refused("{'nuclide': 'Lu-177', 'cycle': []}",
                "unknown key \"cycle\" (known: nuclide, method, time_zone, cycles, limits, effective_half_lives, single_time_point)");
    }

    @Test
    void missingFilesNamedAsWritten() {
        refusedPoints("cycles[0].time_points[0].ct: no such file or folder c1/t4/missing.nii.gz",
                "{'hours': 4, 'ct': 'c1/t4/missing.nii.gz', 'activity': 'spect.nii', 'labels': 'labels.nii'}");
        refusedPoints("cycles[0].time_points[0].labels: no such file nowhere/labels.nii.gz",
                "{'hours': 4, 'ct': 'ct.nii', 'activity': 'spect.nii', 'labels': 'nowhere/labels.nii.gz'}");
        refusedPoints("cycles[0].time_points[0].structures: dicom_ct is a folder, not a file",
                "{'hours': 4, 'ct': 'ct.nii', 'activity': 'spect.nii', 'structures': 'dicom_ct'}");
        refusedPoints("cycles[0].time_points[0]: \"activity\" is missing",
                "{'hours': 4, 'ct': 'ct.nii', 'labels': 'labels.nii'}");
        refusedPoints("cycles[0].time_points[0]: \"ct\" is not a path: Nul character not allowed",
                "{'hours': 4, 'ct': 'ct\\u0000.nii', 'activity': 'spect.nii', 'labels': 'labels.nii'}");
        refusedPoints("cycles[0].time_points[0]: \"ct\" must be a string, got 5",
                "{'hours': 4, 'ct': 5, 'activity': 'spect.nii', 'labels': 'labels.nii'}");
        refused("{'nuclide': 'Lu-177', 'limits': 'my_limits.json', 'cycles': [" + cycle(C1, timePoint("'hours': 4"))
                + "]}", "limits: no such file my_limits.json");
    }

    @Test
    void labelsOrStructuresExactlyOnce() {
        refusedPoints("cycles[0].time_points[0]: give \"labels\" (a label image) or \"structures\" (a DICOM RTSTRUCT)",
                "{'hours': 4, 'ct': 'ct.nii', 'activity': 'spect.nii'}");
        refusedPoints("cycles[0].time_points[0]: give either \"labels\" or \"structures\", not both",
                timePoint("'hours': 4, 'structures': 'rs.dcm'"));
    }

    @Test
    void activityUnitMustBeAnActivity() {
        refusedPoints("cycles[0].time_points[0]: \"activity_unit\" must be an activity, \"MBq\" (per voxel) or "
                + "\"Bq/ml\", got \"MBqh\"", timePoint("'hours': 4, 'activity_unit': 'MBqh'"));
        refusedPoints("cycles[0].time_points[0]: \"activity_unit\" must be an activity, \"MBq\" (per voxel) or "
                + "\"Bq/ml\", got \"mCi\"", timePoint("'hours': 4, 'activity_unit': 'mCi'"));
    }

    @Test
    void cycleNamesUniqueIgnoringCaseAndUsableAsFolders() {
        refused(study(cycle(C1, timePoint("'hours': 4")),
                cycle("'name': 'c1', 'administered_MBq': 7400", timePoint("'hours': 4"))),
                "cycles[1]: name \"c1\" is also the name of cycles[0] (names are folders of the output, "
                        + "compared ignoring case)");
        refused(study(cycle(C1, timePoint("'hours': 4")),
                cycle("'administered_MBq': 7400", timePoint("'hours': 4")),
                cycle("'name': 'C2', 'administered_MBq': 7400", timePoint("'hours': 4"))),
                "cycles[2]: name \"C2\" is also the name of cycles[1] (names are folders of the output, "
                        + "compared ignoring case)");
        refused(study(cycle("'name': '../C1', 'administered_MBq': 7400", timePoint("'hours': 4"))),
                "cycles[0]: \"name\" must be usable as a folder name (letters, digits, '.', '-', '_', not starting "
                        + "with '.', '-' or '_'), got \"../C1\"");
    }

    @Test
    void cyclesAndTimePointsNotEmpty() {
        refused("{'nuclide': 'Lu-177', 'cycles': []}", "\"cycles\" is empty; give at least one");
        refused("{'nuclide': 'Lu-177'}", "\"cycles\" is missing");
        refused("{'nuclide': 'Lu-177', 'cycles': {}}", "\"cycles\" must be a list, got {}");
        refused(study(cycle(C1)), "cycles[0]: \"time_points\" is empty; give at least one");
        refused(study("5"), "cycles[0] must be a JSON object, got 5");
    }

    @Test
    void nuclideMethodAndTimeZone() {
        refused("{'cycles': []}", "\"nuclide\" is missing");
        refused("{'nuclide': 'Lu-178', 'cycles': []}",
                "\"nuclide\": unknown nuclide 'Lu-178': known nuclides are I-131, Lu-177, Y-90");
        refused("{'nuclide': 'Lu-177', 'method': 'Organ', 'cycles': []}",
                "\"method\" must be \"organ\" or \"voxel\", got \"Organ\"");
        refused("{'nuclide': 'Lu-177', 'time_zone': 'Paris', 'cycles': []}",
                "\"time_zone\" must be a time-zone name such as Europe/Paris, got \"Paris\"");
    }

    @Test
    void notAStudyObject() {
        refused("[]", "the file must be a JSON object, got []");
        refused("", "empty; a study file is a JSON object");
    }

    /** Jackson's wording is its own; the line, the position and the form are ours. */
    @Test
    void brokenJsonSaysWhere() {
        Path file = folder.write("{'nuclide': 'Lu-177',");
        String line = assertThrows(BadInputException.class, () -> StudyFile.read(file)).getMessage();
        assertTrue(line.startsWith(file + ": not valid JSON: Unexpected end-of-input"), line);
        assertTrue(line.endsWith(" at line 1, column 22"), line);
        assertFalse(line.contains("[Source:"), line);
        assertFalse(line.contains("\n"), line);
    }

    @Test
    void aKeyTwiceIsNotValidJson() {
        Path file = folder.write("{'nuclide': 'Lu-177', 'nuclide': 'Y-90'}");
        BadInputException e = assertThrows(BadInputException.class, () -> StudyFile.read(file));
        assertEquals(file + ": not valid JSON: Duplicate field 'nuclide' at line 1, column 32", e.getMessage());
    }

    @Test
    void textAfterTheObjectIsNotValidJson() {
        refused("{'nuclide': 'Lu-177'} {}", "not valid JSON: more after the end of the object at line 1, column 23");
    }

    @Test
    void noStudyFile() {
        Path missing = dir.resolve("nowhere.json");
        BadInputException e = assertThrows(BadInputException.class, () -> StudyFile.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
