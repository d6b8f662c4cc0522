package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CT series written by pydicom: 8 slices of 16 x 12 in shuffled files and sub-folders, implicit LE, explicit LE
 * and explicit BE mixed, a rescale that differs per slice, a README beside them.
 */
class CtSeriesReaderTest {
    private static final String CT_UID = "2.25.1234567.10";

    @TempDir
    Path dir;

    @Test
    void readsEveryHuOnTheRightGrid() {
        SeriesFixtures.write("ct", dir);
        CtSeries ct = CtSeriesReader.read(dir, null);
        VoxelGrid g = ct.hu().grid();
        assertEquals(16, g.nx());
        assertEquals(12, g.ny());
        assertEquals(8, g.nz());
        assertArrayEquals(new double[] {0.6, 0.8, 2.5}, g.spacing(), 1e-9);
        assertArrayEquals(new double[] {-20, -30, 40}, g.origin(), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 1e-12);
        ShortVolume hu = assertInstanceOf(ShortVolume.class, ct.hu());
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 12; j++) {
                for (int i = 0; i < 16; i++) {
                    assertEquals(SeriesFixtures.ctHu(i, j, k), hu.get(i, j, k), "HU at " + i + "," + j + "," + k);
                }
            }
        }
        assertEquals(CT_UID, ct.seriesInstanceUid());
        assertEquals("CT body", ct.seriesDescription());
        DicomReference ref = ct.reference();
        assertEquals("2.25.1234567.1", ref.studyInstanceUid());
        assertEquals("2.25.1234567.2", ref.frameOfReferenceUid());
        assertEquals("Test^Series", ref.patientName());
        assertEquals("P-0042", ref.patientId());
        assertEquals("19600101", ref.patientBirthDate());
        assertEquals("F", ref.patientSex());
        assertEquals("S1", ref.studyId());
        assertEquals("A77", ref.accessionNumber());
        assertEquals("Ref^Doc", ref.referringPhysicianName());
        assertEquals("Series reader study", ref.studyDescription());
        assertTrue(ct.notes().stream().anyMatch(n -> n.contains("skipped 1 non-DICOM file")), ct.notes().toString());
    }

    @Test
    void folderScanListsTheSeriesAndCountsTheSkippedFile() {
        SeriesFixtures.write("ct", dir);
        DicomFolder folder = DicomFolder.scan(dir);
        assertEquals(1, folder.skippedFiles());
        assertEquals(1, folder.series().size());
        DicomSeriesInfo s = folder.series().get(0);
        assertEquals(new DicomSeriesInfo("P-0042", "2.25.1234567.1", "Series reader study", CT_UID, "CT", "CT body",
                "20240301", "100000", "2.25.1234567.2", 8, 12, 16, 8, "1.2.840.10008.5.1.4.1.1.2"), s);
        assertTrue(s.line().contains(CT_UID), s.line());
        assertEquals(8, folder.headers(CT_UID).size());
    }

    @Test
    void aListOfFilesReadsLikeTheFolder() throws Exception {
        SeriesFixtures.write("ct", dir);
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().startsWith("IMG")).toList();
        }
        CtSeries ct = CtSeriesReader.read(DicomFolder.of(dir, files), CT_UID);
        assertEquals(8, ct.hu().grid().nz());
        assertEquals(SeriesFixtures.ctHu(3, 4, 5), ct.hu().valueAt(3, 4, 5));
    }

    @Test
    void refusesAMissingSlice() {
        assertOneLine(refused("ct-missing"), "a slice is missing");
    }

    @Test
    void refusesDuplicatePositions() {
        assertOneLine(refused("ct-duplicate"), "two slices at one position");
    }

    @Test
    void refusesGantryTilt() {
        assertOneLine(refused("ct-tilt"), "gantry tilt");
    }

    @Test
    void refusesMixedRows() {
        assertOneLine(refused("ct-rows"), "mixes matrix sizes");
    }

    @Test
    void refusesATruncatedSlice() {
        String m = refused("ct-truncated");
        assertOneLine(m, "(7FE0,0010)");
    }

    @Test
    void twoCtSeriesAreListedThenOneIsChosen() {
        SeriesFixtures.write("ct-two", dir);
        String m = assertThrows(DicomException.class, () -> CtSeriesReader.read(dir, null)).getMessage();
        assertOneLine(m, "holds 2 CT series");
        assertTrue(m.contains(CT_UID + " \"CT body\" (8 images, 20240301)"), m);
        assertTrue(m.contains("2.25.1234567.11 \"CT second\" (4 images"), m);
        assertTrue(m.contains("--ct-series UID"), m);
        CtSeries second = CtSeriesReader.read(dir, "2.25.1234567.11");
        assertEquals(4, second.hu().grid().nz());
        assertEquals(SeriesFixtures.ctHu(1, 2, 3), second.hu().valueAt(1, 2, 3));
        String absent = assertThrows(DicomException.class, () -> CtSeriesReader.read(dir, "1.2.3")).getMessage();
        assertOneLine(absent, "has no series 1.2.3");
    }

    @Test
    void aFolderWithoutDicomIsOneLine() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/data.bin"), new byte[300]);
        String m = assertThrows(DicomException.class, () -> CtSeriesReader.read(dir, null)).getMessage();
        assertOneLine(m, "holds no DICOM image series among its 2 file(s)");
    }

    @Test
    void pydicomsCtSmallIsASingleSlice() {
        Path ctSmall = ExternalTools.pydicomTestFiles().resolve("CT_small.dcm");
        String m = assertThrows(DicomException.class,
                () -> CtSeriesReader.read(DicomFolder.of(ctSmall, List.of(ctSmall)), null)).getMessage();
        assertOneLine(m, "has a single slice");
        assertTrue(m.contains("CT_small.dcm"), m);
    }

    private String refused(String kind) {
        SeriesFixtures.write(kind, dir);
        return assertThrows(DicomException.class, () -> CtSeriesReader.read(dir, null)).getMessage();
    }

    private static void assertOneLine(String message, String expected) {
        System.out.println(message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), message);
    }
}
