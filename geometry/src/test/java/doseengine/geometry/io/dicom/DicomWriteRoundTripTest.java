package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What DicomWriter writes reads back equal here, in pydicom and in dcmtk's dcmdump; DS keeps its digits. */
class DicomWriteRoundTripTest {
    @TempDir
    Path dir;

    private static DicomDataset sample() {
        DicomDataset contour = new DicomDataset()
                .putString(Tag.CONTOUR_GEOMETRIC_TYPE, Vr.CS, "CLOSED_PLANAR")
                .putIntegerString(Tag.NUMBER_OF_CONTOUR_POINTS, 2)
                .putDecimals(Tag.CONTOUR_DATA, 1.0 / 3, -2.5e-7, 123456.789012345, 0.1, 1e10, -7);
        DicomDataset roi = new DicomDataset()
                .putIntegerString(Tag.REFERENCED_ROI_NUMBER, 1)
                .putSequence(Tag.CONTOUR_SEQUENCE, List.of(contour));
        return new DicomDataset()
                .putString(Tag.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.481.3")
                .putString(Tag.SOP_INSTANCE_UID, Vr.UI, Uids.derived("round trip"))
                .putString(Tag.MODALITY, Vr.CS, "RTSTRUCT")
                .putString(Tag.PATIENT_NAME, Vr.PN, "Doe^Jane")
                .putString(Tag.PATIENT_ID, Vr.LO, "ODD")
                .putString(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL")
                .putDecimals(Tag.PIXEL_SPACING, 0.9765625, 0.9765625)
                .putDecimals(Tag.IMAGE_POSITION_PATIENT, -250.1234567891, 12.5, Math.PI)
                .putIntegerString(Tag.INSTANCE_NUMBER, 42)
                .putUnsignedShorts(Tag.ROWS, 512)
                .putUnsignedShorts(Tag.COLUMNS, 3, 65535)
                .putUnsignedInts(0x00091001, 4000000000L)
                .putFloats(0x00091002, 1.5f, -0.25f)
                .putDoubles(0x00091003, Math.E, -1e-300)
                .putBytes(0x00091004, Vr.OB, new byte[] {1, 2, 3})
                .putAttributeTag(Tag.FRAME_INCREMENT_POINTER, Tag.GRID_FRAME_OFFSET_VECTOR)
                .putSequence(Tag.ROI_CONTOUR_SEQUENCE, List.of(roi, new DicomDataset().putIntegerString(Tag.REFERENCED_ROI_NUMBER, 2)));
    }

    @Test
    void readsBackEqualHereInPydicomAndInDcmdump() throws Exception {
        DicomDataset written = sample();
        Path file = dir.resolve("rs.dcm");
        DicomWriter.write(file, written);
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file left beside");
        }

        DicomFile back = DicomFile.read(file);
        assertEquals(TransferSyntax.EXPLICIT_LITTLE, back.syntax());
        assertEquals(written, back.dataset());
        assertEquals(Uids.derived("round trip"), back.meta().string(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        assertEquals("DOSEENGINE", back.meta().string(Tag.IMPLEMENTATION_VERSION_NAME));
        assertEquals("ODD", back.dataset().string(Tag.PATIENT_ID));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, back.dataset().strings(Tag.IMAGE_TYPE));

        String script = """
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                c = d.ROIContourSequence[0].ContourSequence[0]
                print(d.file_meta.TransferSyntaxUID, d.PatientName, d.Modality, '\\\\'.join(d.ImageType))
                print(repr([float(x) for x in d.ImagePositionPatient]), d.InstanceNumber, d.Rows, list(d.Columns))
                print(d[0x00091001].value, list(d[0x00091002].value), repr(list(d[0x00091003].value)), d[0x00091004].value.hex())
                print(repr([float(x) for x in c.ContourData]), c.ContourGeometricType, len(d.ROIContourSequence))
                print(hex(d.FrameIncrementPointer))
                """;
        String[] py = ExternalTools.python(script, file.toString()).stdout().split("\n");
        assertEquals("1.2.840.10008.1.2.1 Doe^Jane RTSTRUCT ORIGINAL\\PRIMARY\\AXIAL", py[0]);
        assertEquals("[-250.1234567891, 12.5, 3.14159265358979] 42 512 [3, 65535]", py[1]);
        assertEquals("4000000000 [1.5, -0.25] [2.718281828459045, -1e-300] 010203" + "00", py[2]);
        assertEquals("[0.33333333333333, -2.5e-07, 123456.789012345, 0.1, 10000000000.0, -7.0] CLOSED_PLANAR 2", py[3]);
        assertEquals("0x3004000c", py[4]);

        ExternalTools.Result dump = ExternalTools.run(List.of(ExternalTools.tool("dcmdump", "dcmtk"), "-dc", file.toString()));
        assertEquals(0, dump.exitCode(), dump.stderr());
        String all = (dump.stdout() + dump.stderr()).toLowerCase();
        assertFalse(all.contains("error"), all);
        assertTrue(all.contains("closed_planar") && all.contains("doe^jane"), all);
    }

    @Test
    void decimalStringsFitSixteenCharactersAndKeepTheirDigits() {
        Random random = new Random(7);
        for (int i = 0; i < 20000; i++) {
            double v = (random.nextBoolean() ? -1 : 1) * Math.pow(10, random.nextDouble() * 18 - 9) * random.nextDouble();
            String s = DecimalString.format(v);
            assertTrue(s.length() <= 16, s);
            assertTrue(s.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"), s);
            assertEquals(v, Double.parseDouble(s), Math.abs(v) * 1e-9, s);
        }
        assertEquals("0.1", DecimalString.format(0.1));
        assertEquals("-7", DecimalString.format(-7));
        assertEquals("1E300", DecimalString.format(1e300));
        assertEquals("0", DecimalString.format(-0.0));
        assertEquals("0.33333333333333", DecimalString.format(1.0 / 3));
    }

    @Test
    void headerOfA512SliceParsesInWellUnderAMillisecond() throws Exception {
        DicomDataset ct = sample().putUnsignedShorts(Tag.COLUMNS, 512).putUnsignedShorts(Tag.BITS_ALLOCATED, 16)
                .putBytes(Tag.PIXEL_DATA, Vr.OW, new byte[512 * 512 * 2]);
        Path file = dir.resolve("ct.dcm");
        DicomWriter.write(file, ct);
        for (int i = 0; i < 2000; i++) {
            DicomFile.readHeader(file);
        }
        int n = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            DicomFile.readHeader(file);
        }
        double perFile = (System.nanoTime() - start) / 1e6 / n;
        System.out.printf("readHeader of a 512x512 slice: %.4f ms%n", perFile);
        assertTrue(perFile < 1.0, perFile + " ms");
        assertEquals(512 * 512 * 2, DicomFile.read(file).dataset().bytes(Tag.PIXEL_DATA).length);
    }
}
