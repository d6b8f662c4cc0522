package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every element pydicom reads from its own sample files - text, numbers, nested sequences, private bytes - and
 * every pixel of every frame must be what the codec reads, across implicit/explicit VR, little/big endian,
 * deflate, files without meta, private and UN sequences.
 */
class DicomReadPydicomTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "CT_small.dcm, EXPLICIT_LITTLE, 1",
        "MR_small.dcm, EXPLICIT_LITTLE, 1",
        "MR_small_implicit.dcm, IMPLICIT_LITTLE, 1",
        "MR_small_bigendian.dcm, EXPLICIT_BIG, 1",
        "ExplVR_BigEndNoMeta.dcm, EXPLICIT_BIG, 0",
        "ExplVR_LitEndNoMeta.dcm, EXPLICIT_LITTLE, 0",
        "image_dfl.dcm, DEFLATED_EXPLICIT_LITTLE, 1",
        "rtstruct.dcm, IMPLICIT_LITTLE, 0",
        "rtdose.dcm, IMPLICIT_LITTLE, 1",
        "priv_SQ.dcm, IMPLICIT_LITTLE, 0",
        "UN_sequence.dcm, JPEG_LOSSLESS_SV1, 0",
    })
    void readsWhatPydicomReads(String name, TransferSyntax syntax, int hasPixels) throws Exception {
        compareWithPydicom(ExternalTools.pydicomTestFiles().resolve(name), syntax, hasPixels == 1);
    }

    /**
     * nested_priv_SQ.dcm holds an odd-length element ("Nested SQ", 9 bytes) and a stray byte after Pixel Data:
     * refused, naming the element. Repaired, its private sequences nested in private sequences
     * (implicit VR, undefined lengths) read as pydicom reads them.
     */
    @org.junit.jupiter.api.Test
    void nestedPrivateSequencesAfterRepairingTheOddLength() throws Exception {
        Path original = ExternalTools.pydicomTestFiles().resolve("nested_priv_SQ.dcm");
        DicomException e = org.junit.jupiter.api.Assertions.assertThrows(DicomException.class,
                () -> DicomFile.read(original));
        assertTrue(e.getMessage().contains("(0001,0002)") && e.getMessage().contains("odd length 9"), e.getMessage());
        assertTrue(e.getMessage().startsWith(original.toString()), e.getMessage());

        byte[] b = java.nio.file.Files.readAllBytes(original);
        byte[] odd = {1, 0, 2, 0, 9, 0, 0, 0, 'N', 'e', 's', 't', 'e', 'd', ' ', 'S', 'Q'};
        int at = indexOf(b, odd);
        assertTrue(at > 0);
        java.io.ByteArrayOutputStream fixed = new java.io.ByteArrayOutputStream();
        fixed.write(b, 0, at);
        fixed.write(new byte[] {1, 0, 2, 0, 10, 0, 0, 0});
        fixed.write(b, at + 8, 9);
        fixed.write(' ');
        fixed.write(b, at + odd.length, b.length - (at + odd.length));
        Path repaired = dir.resolve("nested_priv_SQ_even.dcm");
        java.nio.file.Files.write(repaired, fixed.toByteArray());
        compareWithPydicom(repaired, TransferSyntax.IMPLICIT_LITTLE, false);
        DicomDataset outer = DicomFile.read(repaired).dataset().sequence(0x00010001).get(0);
        assertEquals("Double Nested SQ", outer.sequence(0x00010001).get(0).string(0x00010001));
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void compareWithPydicom(Path file, TransferSyntax syntax, boolean hasPixels) throws Exception {
        String name = file.getFileName().toString();
        List<PydicomDump.Line> expected = PydicomDump.dump(file, dir);
        DicomFile f = DicomFile.read(file);
        assertEquals(syntax, f.syntax(), name);
        assertTrue(expected.size() > 0, name + ": pydicom found nothing");
        int compared = 0;
        for (PydicomDump.Line line : expected) {
            String where = name + " " + line.path();
            DicomElement e = PydicomDump.find(f.dataset(), line.path());
            assertNotNull(e, where + " missing");
            DicomDataset parent = PydicomDump.parentOf(f.dataset(), line.path());
            int tag = PydicomDump.tagOf(line.path());
            switch (line.kind()) {
                case 'T' -> {
                    if (line.values().isEmpty()) {
                        assertNull(parent.string(tag), where);
                    } else {
                        assertArrayEquals(line.values().toArray(String[]::new), parent.strings(tag), where);
                    }
                }
                case 'N' -> {
                    double[] actual = parent.decimals(tag);
                    if (line.values().isEmpty()) {
                        assertNull(actual, where);
                    } else {
                        double[] want = line.values().stream().mapToDouble(Double::parseDouble).toArray();
                        assertArrayEquals(want, actual, 0, where);
                    }
                }
                case 'Q' -> assertEquals(Integer.parseInt(line.values().get(0)), parent.sequence(tag).size(), where);
                case 'B' -> assertArrayEquals(HexFormat.of().parseHex(line.values().isEmpty() ? "" : line.values().get(0)),
                        e.value() == null ? new byte[0] : e.value(), where);
                default -> throw new AssertionError(line.kind());
            }
            compared++;
        }
        assertEquals(expected.size(), compared);

        int[] pixels = PydicomDump.pixels(dir);
        assertEquals(hasPixels, pixels != null, name + ": pixel data expected");
        if (pixels != null) {
            int frames = PixelData.frameCount(f.dataset());
            int perFrame = pixels.length / frames;
            assertEquals(f.dataset().requireInteger(Tag.ROWS) * f.dataset().requireInteger(Tag.COLUMNS), perFrame);
            for (int i = 0; i < frames; i++) {
                int[] want = java.util.Arrays.copyOfRange(pixels, i * perFrame, (i + 1) * perFrame);
                assertArrayEquals(want, PixelData.frame(f, i), name + " frame " + i);
            }
        }

        // the header read is the full read without Pixel Data
        DicomFile header = DicomFile.readHeader(file);
        DicomDataset withoutPixels = DicomFile.read(file).dataset();
        for (int tag : List.copyOf(withoutPixels.tags())) {
            if (Integer.compareUnsigned(tag, Tag.PIXEL_DATA) >= 0) {
                withoutPixels.remove(tag);
            }
        }
        assertEquals(withoutPixels, header.dataset(), name);
        assertEquals(f.meta(), header.meta(), name);
        assertFalse(header.dataset().contains(Tag.PIXEL_DATA));
    }
}
