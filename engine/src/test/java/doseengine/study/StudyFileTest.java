package doseengine.study;

import static doseengine.study.StudyFolder.cycle;
import static doseengine.study.StudyFolder.study;
import static doseengine.study.StudyFolder.timePoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import doseengine.io.ActivityUnit;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyFileTest {
    @TempDir
    Path dir;

    /** Two cycles: the first with three time points in no order (hours, acquired, a DICOM folder), the second one. */
    @Test
    void readsTwoCyclesWithTimePointsSortedAndPathsFromTheStudyFolder() {
        StudyFolder folder = new StudyFolder(dir);
        String absoluteCt = dir.resolve("c1/t96/ct").toString().replace("\\", "/");
        Study s = StudyFile.read(folder.write("""
                {'nuclide': 'lu177', 'limits': 'limits.json',
                 'cycles': [
                  {'name': 'C1', 'administered_MBq': 7400, 'injection': '2026-03-02T09:30:00',
                   'time_points': [
                    {'hours': 96, 'ct': '%s', 'activity': 'c1/t96/nm', 'labels': 'labels.nii'},
                    {'hours': 4, 'ct': 'c1/t4/ct.nii.gz', 'activity': 'c1/t4/spect.nii.gz', 'activity_unit': 'Bq/ml',
                     'labels': 'c1/t4/labels.nii.gz'},
                    {'acquired': '2026-03-03T09:10:00', 'ct': 'c1/t24/ct', 'activity': 'c1/t24/nm.dcm',
                     'structures': 'c1/t24/rs.dcm'}]},
                  {'name': 'C2', 'administered_MBq': 7000.5,
                   'time_points': [
                    {'hours': 24, 'ct': 'c2/t24/ct.nii.gz', 'activity': 'c2/t24/spect.nii.gz',
                     'activity_unit': 'MBq per voxel', 'labels': 'c2/t24/labels.nii.gz'}]}]}
                """.formatted(absoluteCt)));

        assertEquals("Lu-177", s.nuclide().name());
        assertEquals(DoseMethod.ORGAN, s.method(), "organ is the default");
        assertEquals(dir.resolve("limits.json"), s.limitsFile());
        assertNull(s.timeZone());
        assertEquals(folder.file, s.source());
        assertEquals(List.of("C1", "C2"), s.cycles().stream().map(Cycle::name).toList());

        Cycle c1 = s.cycles().get(0);
        assertEquals(7400, c1.administeredMBq());
        assertEquals(LocalDateTime.of(2026, 3, 2, 9, 30), c1.injection());
        assertEquals(List.of("cycles[0].time_points[1]", "cycles[0].time_points[2]", "cycles[0].time_points[0]"),
                c1.timePoints().stream().map(ImagingTimePoint::field).toList(), "sorted by time");

        ImagingTimePoint t4 = c1.timePoints().get(0);
        assertEquals(4, t4.hoursAfterInjection());
        assertNull(t4.acquired());
        assertEquals(dir.resolve("c1/t4/ct.nii.gz"), t4.ct());
        assertEquals(dir.resolve("c1/t4/spect.nii.gz"), t4.activity());
        assertEquals(ActivityUnit.BQ_PER_ML, t4.activityUnit());
        assertEquals(new StructureSource(StructureSource.Kind.LABEL_IMAGE, dir.resolve("c1/t4/labels.nii.gz")),
                t4.structures());

        ImagingTimePoint t24 = c1.timePoints().get(1);
        // 2026-03-02T09:30 to 2026-03-03T09:10: 23 h 40 min.
        assertEquals(85200 / 3600.0, t24.hoursAfterInjection(), 0);
        assertEquals(LocalDateTime.of(2026, 3, 3, 9, 10), t24.acquired());
        assertEquals(dir.resolve("c1/t24/ct"), t24.ct(), "a DICOM series is a folder");
        assertNull(t24.activityUnit(), "not given: the image's metadata decides");
        assertEquals(new StructureSource(StructureSource.Kind.RTSTRUCT, dir.resolve("c1/t24/rs.dcm")),
                t24.structures());

        assertEquals(dir.resolve("c1/t96/ct"), c1.timePoints().get(2).ct(), "an absolute path is kept");
        assertEquals(dir.resolve("c1/t96/nm"), c1.timePoints().get(2).activity(), "a DICOM series is a folder");

        Cycle c2 = s.cycles().get(1);
        assertEquals(7000.5, c2.administeredMBq());
        assertNull(c2.injection());
        assertEquals(1, c2.timePoints().size());
        assertEquals(ActivityUnit.MBQ, c2.timePoints().get(0).activityUnit());
    }

    @Test
    void pathsAreRelativeToTheStudyFileNotToTheWorkingDirectory() {
        StudyFolder folder = new StudyFolder(dir.resolve("patient"));
        Study s = StudyFile.read(folder.write(study(cycle("'administered_MBq': 7400", timePoint("'hours': 4")))));
        assertEquals(dir.resolve("patient/ct.nii"), s.cycles().get(0).timePoints().get(0).ct());
    }

    @Test
    void cyclesWithoutNameAreNumberedAndTheMethodCanBeVoxel() {
        StudyFolder folder = new StudyFolder(dir);
        Study s = StudyFile.read(folder.write("""
                {'nuclide': 'Lu-177', 'method': 'voxel', 'cycles': [%s, %s]}
                """.formatted(cycle("'administered_MBq': 7400", timePoint("'hours': 4")),
                cycle("'administered_MBq': 7400", timePoint("'hours': 4")))));
        assertEquals(DoseMethod.VOXEL, s.method());
        assertEquals(List.of("C1", "C2"), s.cycles().stream().map(Cycle::name).toList());
        assertNull(s.limitsFile(), "no limits: the default table");
    }

    /** Europe/Paris went from 02:00 to 03:00 on 2026-03-29: 10:00 to 10:00 across it is 23 h elapsed. */
    @Test
    void theStudyTimeZoneCountsADaylightSavingChange() {
        StudyFolder folder = new StudyFolder(dir);
        String cycle = cycle("'administered_MBq': 7400, 'injection': '2026-03-28T10:00'",
                timePoint("'acquired': '2026-03-29T10:00:00'"));
        Study withZone = StudyFile.read(folder.write(
                "{'nuclide': 'Lu-177', 'time_zone': 'Europe/Paris', 'cycles': [" + cycle + "]}"));
        assertEquals(ZoneId.of("Europe/Paris"), withZone.timeZone());
        assertEquals(23, withZone.cycles().get(0).timePoints().get(0).hoursAfterInjection(), 0);

        Study clock = StudyFile.read(folder.write(study(cycle)));
        assertEquals(24, clock.cycles().get(0).timePoints().get(0).hoursAfterInjection(), 0);
    }

    @Test
    void hoursFromTimesAreExactToTheSecond() {
        StudyFolder folder = new StudyFolder(dir);
        Study s = StudyFile.read(folder.write(study(cycle("'administered_MBq': 1, 'injection': '2026-03-02T09:30:00'",
                timePoint("'acquired': '2026-03-02T09:30:01'")))));
        assertEquals(1 / 3600.0, s.cycles().get(0).timePoints().get(0).hoursAfterInjection(), 0);
    }
}
