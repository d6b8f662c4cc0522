package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files the strict reader refuses, each with one line naming the file and the element, and the DICOM sniffer. */
class DicomRefusalTest {
    @TempDir
    Path dir;

    private static DicomException refused(Path file) {
        DicomException e = assertThrows(DicomException.class, () -> DicomFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void pydicomsTruncatedFileNamesPixelData() {
        Path file = ExternalTools.pydicomTestFiles().resolve("MR_truncated.dcm");
        String m = refused(file).getMessage();
        assertTrue(m.contains("truncated: (7FE0,0010) PixelData says 8192 bytes, 8130 left"), m);
        // the header read checks Pixel Data's length against the file's size too
        assertThrows(DicomException.class, () -> DicomFile.readHeader(file));
    }

    @Test
    void truncatedInsideTheHeaderNamesTheElement() throws Exception {
        byte[] ct = Files.readAllBytes(ExternalTools.pydicomTestFiles().resolve("CT_small.dcm"));
        Path cut = dir.resolve("cut.dcm");
        Files.write(cut, Arrays.copyOf(ct, 1000));
        String m = refused(cut).getMessage();
        assertTrue(m.matches(".*truncated: .*\\([0-9A-F]{4},[0-9A-F]{4}\\).*"), m);
        Files.write(cut, Arrays.copyOf(ct, ct.length - 1000));
        m = refused(cut).getMessage();
        assertTrue(m.matches(".*truncated: \\(7FE0,0010\\) PixelData says 32768 bytes, 3\\d{4} left"), m);
    }

    @Test
    void oddLengthIsRefusedNamingTheTag() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {8, 0, 0x60, 0, 'C', 'S', 2, 0, 'C', 'T'});           // (0008,0060) Modality "CT"
        b.write(new byte[] {0x10, 0, 0x10, 0, 'P', 'N', 3, 0, 'A', 'B', 'C'});   // (0010,0010) 3 bytes
        Path file = dir.resolve("odd.dcm");
        Files.write(file, b.toByteArray());
        String m = refused(file).getMessage();
        assertTrue(m.contains("(0010,0010) PatientName has odd length 3"), m);
        // the same with an even length reads
        byte[] even = b.toByteArray();
        even[16] = 2;
        Files.write(file, Arrays.copyOf(even, even.length - 1));
        assertEquals("AB", DicomFile.read(file).dataset().string(Tag.PATIENT_NAME));
        assertEquals("CT", DicomFile.read(file).dataset().string(Tag.MODALITY));
    }

    @Test
    void compressedSyntaxesNameThemselvesAndTheConversion() {
        String j2k = refused(ExternalTools.pydicomTestFiles().resolve("JPEG2000.dcm")).getMessage();
        assertTrue(j2k.contains("JPEG 2000 Image Compression (1.2.840.10008.1.2.4.91) is not read"), j2k);
        assertTrue(j2k.contains("dcmdjpeg") && j2k.contains("gdcmconv --raw"), j2k);
        String lossy = refused(ExternalTools.pydicomTestFiles().resolve("JPEG-lossy.dcm")).getMessage();
        assertTrue(lossy.contains("JPEG Extended (Process 2 & 4) (1.2.840.10008.1.2.4.51) is not read"), lossy);
    }

    /**
     * pydicom's no_meta.dcm is CT_small.dcm's dataset behind one stray byte (0x20, the last byte of a cut meta
     * group): neither encoding starts there, so it is refused (pydicom too finds no Rows in it); without the
     * stray byte it is CT_small's dataset exactly.
     */
    @Test
    void noMetaFileHasAStrayLeadingByte() throws Exception {
        Path noMeta = ExternalTools.pydicomTestFiles().resolve("no_meta.dcm");
        String m = refused(noMeta).getMessage();
        assertTrue(m.contains("not DICOM"), m);
        String py = ExternalTools.python("import sys, pydicom; print('Rows' in pydicom.dcmread(sys.argv[1], force=True))",
                noMeta.toString()).stdout().trim();
        assertEquals("False", py);
        byte[] b = Files.readAllBytes(noMeta);
        assertEquals(0x20, b[0]);
        Path fixed = dir.resolve("no_meta_fixed.dcm");
        Files.write(fixed, Arrays.copyOfRange(b, 1, b.length));
        DicomFile f = DicomFile.read(fixed);
        assertEquals(TransferSyntax.EXPLICIT_LITTLE, f.syntax());
        assertEquals(0, f.meta().size());
        assertEquals(DicomFile.read(ExternalTools.pydicomTestFiles().resolve("CT_small.dcm")).dataset(), f.dataset());
    }

    @Test
    void looksLikeDicom() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "Patient CT slices, see folder\n".repeat(20), StandardCharsets.US_ASCII);
        Path empty = Files.createFile(dir.resolve("empty.dcm"));
        Path nifti = dir.resolve("img.nii");
        byte[] header = new byte[352];
        header[0] = 0x5C;      // sizeof_hdr = 348, little endian (NIfTI-1)
        header[1] = 0x01;
        System.arraycopy("n+1\0".getBytes(StandardCharsets.US_ASCII), 0, header, 344, 4);
        Files.write(nifti, header);
        Path tests = ExternalTools.pydicomTestFiles();
        assertFalse(DicomFile.looksLikeDicom(text));
        assertFalse(DicomFile.looksLikeDicom(empty));
        assertFalse(DicomFile.looksLikeDicom(nifti));
        assertFalse(DicomFile.looksLikeDicom(dir));
        assertTrue(DicomFile.looksLikeDicom(tests.resolve("CT_small.dcm")));           // preamble + DICM
        assertTrue(DicomFile.looksLikeDicom(tests.resolve("ExplVR_LitEndNoMeta.dcm"))); // bare explicit LE
        assertTrue(DicomFile.looksLikeDicom(tests.resolve("ExplVR_BigEndNoMeta.dcm"))); // bare explicit BE
        assertTrue(DicomFile.looksLikeDicom(tests.resolve("rtstruct.dcm")));            // bare implicit LE
        assertThrows(DicomException.class, () -> DicomFile.read(text));
        assertThrows(DicomException.class, () -> DicomFile.read(nifti));
    }
}
