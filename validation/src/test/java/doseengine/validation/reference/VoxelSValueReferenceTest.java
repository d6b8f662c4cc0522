package doseengine.validation.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.validation.io.CsvTable;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped Lanconelli 2012 tables: parsed from the Latin-1/CRLF originals, checked against SOURCES.md. */
class VoxelSValueReferenceTest {
    private final VoxelSValueReference ref = VoxelSValueReference.standard();

    @Test
    void twelveTablesOfTheSubsetAreShipped() {
        Set<String> titles = new HashSet<>();
        ref.tables().forEach(t -> titles.add(t.title()));
        assertEquals(Set.of(
                "Lu-177, soft, 3 mm", "Lu-177, soft, 4 mm", "Lu-177, soft, 6 mm", "Lu-177, bone, 3 mm",
                "Y-90, soft, 3 mm", "Y-90, soft, 4 mm", "Y-90, soft, 6 mm", "Y-90, bone, 3 mm",
                "I-131, soft, 3 mm", "I-131, soft, 4 mm", "I-131, soft, 6 mm", "I-131, bone, 3 mm"), titles);
    }

    @Test
    void sourceVoxelValuesAreThoseOfSourcesMd() {
        // SOURCES.md section 4: soft tissue, 3 mm: Lu-177 0.693, Y-90 1.59, I-131 0.899 mGy/(MBq s), as printed.
        assertEquals(0.693, ref.find("Lu-177", VsvTissue.SOFT, 3).orElseThrow().sourceVoxel(), 0);
        assertEquals(1.59, ref.find("90Y", VsvTissue.SOFT, 3).orElseThrow().sourceVoxel(), 0);
        assertEquals(0.899, ref.find("I131", VsvTissue.SOFT, 3).orElseThrow().sourceVoxel(), 0);
        VoxelSValueTable lu = ref.find("Lu-177", VsvTissue.SOFT, 3).orElseThrow();
        assertEquals(1.51e-2, lu.s(0, 0, 1), 0, "first face neighbour, second row of the file");
        assertEquals(lu.s(0, 1, 0), lu.s(0, -1, 0), 0, "negative offsets by symmetry");
        assertTrue(ref.find("Lu-177", VsvTissue.BONE, 4).isEmpty(), "4 mm bone is kept back");
    }

    @Test
    void originalsAgreeWithTheSubsetCsvValueForValue() {
        VoxelSValueReference csv = VoxelSValueReference.parseSubsetCsv(
                CsvTable.readResource(VoxelSValueReference.class, VoxelSValueReference.SUBSET_CSV));
        assertEquals(ref.tables().size(), csv.tables().size());
        for (VoxelSValueTable t : ref.tables()) {
            VoxelSValueTable c = csv.find(t.nuclide(), t.tissue(), t.voxelMm()).orElseThrow(() -> new AssertionError(t.title()));
            for (int k = 0; k <= 5; k++) {
                for (int j = 0; j <= 5; j++) {
                    for (int i = 0; i <= 5; i++) {
                        assertEquals(t.s(i, j, k), c.s(i, j, k), 0, t.title() + " (" + i + "," + j + "," + k + ")");
                    }
                }
            }
        }
    }

    @Test
    void lineEndingsAndByteOrderMarkDoNotMatter() {
        byte[] original = VoxelSValueReference.resourceBytes(VoxelSValueReference.ORIGINAL_DIR + "90Y3mmsoft.txt");
        String text = new String(original, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\r\n") && text.contains("\u00B7"), "the original is CRLF with a Latin-1 middle dot");
        VoxelSValueTable crlf = VoxelSValueReference.parseOriginal(original, "crlf");
        for (String variant : List.of(text.replace("\r\n", "\n"), text.replace("\r\n", "\r"),
                "\u00EF\u00BB\u00BF" + text + "\r\n\r\n")) {
            VoxelSValueTable t = VoxelSValueReference.parseOriginal(variant.getBytes(StandardCharsets.ISO_8859_1), "v");
            assertEquals(crlf.title(), t.title());
            assertArrayEquals(new double[] {crlf.s(0, 0, 0), crlf.s(5, 5, 5), crlf.s(1, 2, 3)},
                    new double[] {t.s(0, 0, 0), t.s(5, 5, 5), t.s(1, 2, 3)});
        }
    }

    @Test
    void damagedFilesAreOneLineErrorsNamingTheFile() {
        String text = new String(VoxelSValueReference.resourceBytes(
                VoxelSValueReference.ORIGINAL_DIR + "177Lu3mmsoft.txt"), StandardCharsets.ISO_8859_1);
        String missingRow = text.replaceFirst("5\t5\t5\t[^\r\n]*\r\n?", "");
        String duplicate = text + "0\t0\t0\t1.0E-01\r\n";
        String notNumber = text.replace("6.93E-01", "6.93E-0x");
        String badTitle = text.replace("Lu177 - 3mm", "Lu177 3mm");
        for (String[] c : new String[][] {{missingRow, "215 of the 216"}, {duplicate, "given twice"},
            {notNumber, "not numbers"}, {badTitle, "expected a title"}}) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> VoxelSValueReference.parseOriginal(c[0].getBytes(StandardCharsets.ISO_8859_1), "x.txt"));
            assertTrue(e.getMessage().startsWith("x.txt") && e.getMessage().contains(c[1]), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
