package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CT series as a PACS exports it: pydicom writes 10 slices of 64 x 48 (explicit VR little endian, shuffled
 * names, one sub-folder; 12-bit unsigned, 16-bit signed and 16-bit unsigned slices, each with its own rescale),
 * then dcmtk recompresses most of them in place, some to JPEG Lossless SV1 (dcmcjpeg, PS3.5 A.4.1) and some to
 * RLE Lossless (dcmcrle, PS3.5 A.4.2), leaving one uncompressed. Every HU the reader gives must equal what
 * pydicom computed from the uncompressed originals.
 */
class CtSeriesCompressedTest {
    private static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    private static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    private static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
    private static final int COLS = 64, ROWS = 48, SLICES = 10;

    @TempDir
    Path dir;

    @Test
    void jpegLosslessRleAndUncompressedSlicesGiveThePydicomHu() throws IOException {
        Map<String, String> codecByFile = writeOriginals();
        for (Map.Entry<String, String> e : codecByFile.entrySet()) {
            recompressInPlace(dir.resolve(e.getKey()), e.getValue());
        }
        assertEquals(Map.of(JPEG_LOSSLESS_SV1, 6, RLE_LOSSLESS, 3, EXPLICIT_LITTLE, 1), transferSyntaxCounts(),
                "the folder really holds the mix of syntaxes");

        CtSeries ct = CtSeriesReader.read(dir.resolve("series"), null);
        VoxelGrid g = ct.hu().grid();
        assertEquals(List.of(COLS, ROWS, SLICES), List.of(g.nx(), g.ny(), g.nz()));
        assertArrayEquals(new double[] {0.9, 1.25, 3.0}, g.spacing(), 1e-9);
        assertArrayEquals(new double[] {-150, -110, -62.5}, g.origin(), 1e-9);

        double[] expected = expectedHu();
        Volume hu = ct.hu();
        int wrong = 0;
        List<String> first = new ArrayList<>();
        for (int v = 0; v < expected.length; v++) {
            if (hu.valueAt(v) != expected[v]) {
                wrong++;
                if (first.size() < 8) {
                    first.add(String.format("(%d,%d,%d) %s not %s", v % COLS, v / COLS % ROWS, v / (COLS * ROWS),
                            hu.valueAt(v), expected[v]));
                }
            }
        }
        assertEquals(0, wrong, wrong + " HU differ from pydicom's, e.g. " + first);
        // The extremes of every stored range are in the fixture, so they were decoded too.
        assertEquals(-32768, hu.valueAt(0, 0, 1));
        assertEquals(32767, hu.valueAt(1, 0, 1));
        assertEquals(-4096, hu.valueAt(0, 0, 0));
        assertEquals(4094, hu.valueAt(1, 0, 0));
    }

    /** Runs the pydicom script; the codec to apply to each file, by path relative to {@link #dir}. */
    private Map<String, String> writeOriginals() {
        String out = ExternalTools.python(SeriesFixtures.script("ct_compressed_fixture.py"), dir.toString())
                .stdout();
        Map<String, String> codecs = new TreeMap<>();
        for (String line : out.strip().split("\n")) {
            String[] p = line.trim().split("\\s+");
            codecs.put(p[0], p[1]);
        }
        assertEquals(SLICES, codecs.size(), out);
        return codecs;
    }

    private void recompressInPlace(Path file, String codec) throws IOException {
        Path tmp = dir.resolve("recompressed.dcm");
        switch (codec) {
            case "jpeg-sv1" -> PixelCodecFixtures.dcmtk("dcmcjpeg", file, tmp, "+e1"); // true lossless, SV1
            case "rle" -> PixelCodecFixtures.dcmtk("dcmcrle", file, tmp);
            case "none" -> {
                return;
            }
            default -> fail("unknown codec " + codec);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Transfer syntaxes of the series' files as pydicom reads them, with their counts. */
    private Map<String, Integer> transferSyntaxCounts() {
        String out = ExternalTools.python("""
                import os, sys, pydicom
                for root, _, files in os.walk(sys.argv[1]):
                    for f in files:
                        print(pydicom.dcmread(os.path.join(root, f), stop_before_pixels=True).file_meta.TransferSyntaxUID)
                """, dir.resolve("series").toString()).stdout();
        Map<String, Integer> counts = new TreeMap<>();
        for (String uid : out.strip().split("\n")) {
            counts.merge(uid.trim(), 1, Integer::sum);
        }
        return counts;
    }

    private double[] expectedHu() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("hu.f8"));
        double[] hu = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(hu);
        assertEquals(COLS * ROWS * SLICES, hu.length, "hu.f8 size");
        return hu;
    }
}
