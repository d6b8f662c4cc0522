package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole read path of a compressed file: dcmtk compresses pydicom's uncompressed samples (JPEG Lossless SV1,
 * the usual PACS export of CT, and RLE Lossless, 32-bit RT Dose frames included), and {@link PixelData#frame}
 * must give exactly the stored values of the uncompressed original, signed CT values sign-extended.
 */
class PixelDataCompressedTest {
    @TempDir
    Path dir;

    @Test
    void jpegLosslessCtGivesTheOriginalSignedValues() {
        Path original = PixelCodecFixtures.testFile("CT_small.dcm");
        Path jpeg = PixelCodecFixtures.dcmtk("dcmcjpeg", original, dir.resolve("ct-jpeg.dcm"));
        DicomFile compressed = DicomFile.read(jpeg);
        assertEquals(TransferSyntax.JPEG_LOSSLESS_SV1, compressed.syntax());
        assertArrayEquals(PixelData.frame(DicomFile.read(original), 0), PixelData.frame(compressed, 0));
    }

    @Test
    void rleCtAndMultiFrameRtDoseGiveTheOriginalValues() {
        for (String name : new String[] {"CT_small.dcm", "rtdose.dcm"}) {
            Path original = PixelCodecFixtures.testFile(name);
            Path rle = PixelCodecFixtures.dcmtk("dcmcrle", original, dir.resolve("rle-" + name));
            DicomFile compressed = DicomFile.read(rle);
            DicomFile plain = DicomFile.read(original);
            assertEquals(TransferSyntax.RLE_LOSSLESS, compressed.syntax());
            int frames = PixelData.frameCount(plain.dataset());
            assertEquals(frames, PixelData.frameCount(compressed.dataset()));
            for (int k = 0; k < frames; k++) {
                assertArrayEquals(PixelData.frame(plain, k), PixelData.frame(compressed, k), name + " frame " + k);
            }
        }
    }
}
