package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JPEG lossless frames made by dcmtk's dcmcjpeg (and, for restart intervals, which dcmcjpeg does not write, by a
 * small python encoder whose output dcmdjpeg must decode back to the original first), decoded and compared
 * sample by sample with pydicom's reading of the uncompressed original.
 *
 * <p>JPEG carries the stored bit pattern, unsigned (T.81 has no signed samples), so signed CT values are
 * compared masked to Bits Stored: {@code decoded == reference & ((1 << BitsStored) - 1)}.
 */
class JpegLosslessDecoderTest {
    @TempDir
    Path dir;

    static Stream<Arguments> dcmcjpegCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String file : List.of("CT_small.dcm", "MR_small.dcm", "image_dfl.dcm")) {
            cases.add(Arguments.of(file, new String[] {"+e1"}));
            for (int sv = 2; sv <= 7; sv++) {
                cases.add(Arguments.of(file, new String[] {"+el", "+sv", Integer.toString(sv)}));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dcmcjpegCases")
    void decodesDcmcjpegFramesSampleForSample(String name, String[] options) throws IOException {
        Path original = PixelCodecFixtures.explicitLittle(PixelCodecFixtures.testFile(name), dir);
        Path compressed = PixelCodecFixtures.dcmtk("dcmcjpeg", original, dir.resolve("jpeg.dcm"), options);
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(compressed, original, 0, dir);

        int[] decoded = JpegLosslessDecoder.decode(compressed, f.encapsulated());

        assertArrayEquals(masked(f.samples(), f.bitsStored()), decoded, name + " " + Arrays.toString(options));
        int[] size = JpegLosslessDecoder.size(f.encapsulated());
        assertEquals(f.cols(), size[0], "width");
        assertEquals(f.rows(), size[1], "height");
        assertTrue(size[2] >= 2 && size[2] <= 16 && size[2] >= f.bitsStored() - 8, "precision " + size[2]);
    }

    @Test
    void pointTransformIsUndoneAsDcmdjpegDoes() throws IOException {
        Path original = PixelCodecFixtures.explicitLittle(PixelCodecFixtures.testFile("MR_small.dcm"), dir);
        Path compressed = PixelCodecFixtures.dcmtk("dcmcjpeg", original, dir.resolve("pt.dcm"),
                "+el", "+sv", "1", "+pt", "3");
        Path reference = PixelCodecFixtures.dcmtk("dcmdjpeg", compressed, dir.resolve("pt-back.dcm"));
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(compressed, reference, 0, dir);

        int[] decoded = JpegLosslessDecoder.decode(compressed, f.encapsulated());

        assertArrayEquals(masked(f.samples(), f.bitsStored()), decoded);
        assertTrue(Arrays.stream(decoded).allMatch(v -> v % 8 == 0), "point transform 3 leaves multiples of 8");
        assertTrue(Arrays.stream(decoded).distinct().count() > 50, "a real image, not a constant");
    }

    /**
     * dcmcjpeg writes no restart intervals, so a minimal encoder writes them (DRI, RSTn after every interval,
     * one fixed Huffman table); dcmdjpeg must decode its output back to the original before the test trusts it.
     * IJG decoders accept only intervals of whole rows, so that is what is tested.
     */
    private static final String RESTART_ENCODER = """
            import sys, subprocess, numpy as np, pydicom
            from pydicom.encaps import encapsulate
            from pydicom.uid import UID
            src, out_jpeg, out_dcm, interval, predictor = sys.argv[1:6]
            interval, predictor = int(interval), int(predictor)
            ds = pydicom.dcmread(src)
            P = ds.BitsStored
            a = (ds.pixel_array.astype(np.int64) & ((1 << P) - 1))
            h, w = a.shape
            f = a.ravel().tolist()
            data = bytearray()
            acc = 0; nbits = 0
            def put(value, length):
                global acc, nbits
                acc = (acc << length) | value; nbits += length
                while nbits >= 8:
                    nbits -= 8
                    b = (acc >> nbits) & 0xFF
                    data.append(b)
                    if b == 0xFF: data.append(0)
                acc &= (1 << nbits) - 1
            def flush():
                global acc, nbits
                if nbits: put((1 << (8 - nbits)) - 1, 8 - nbits)
            total = h * w
            rst = 0
            for i in range(total):
                start = (i // interval) * interval if interval else 0
                if interval and i > 0 and i == start:
                    flush(); data += bytes([0xFF, 0xD0 + rst]); rst = (rst + 1) & 7
                x = i % w
                if i == start: p = 1 << (P - 1)
                elif i < (start // w + 1) * w: p = f[i - 1]
                elif x == 0: p = f[i - w]
                else:
                    ra, rb, rc = f[i - 1], f[i - w], f[i - w - 1]
                    p = [None, ra, rb, rc, ra + rb - rc, ra + ((rb - rc) >> 1), rb + ((ra - rc) >> 1), (ra + rb) >> 1][predictor]
                d = (f[i] - p) % 65536
                if d >= 32768: d -= 65536
                if d == -32768: put(16, 5); continue
                s = abs(d).bit_length()
                put(s, 5)  # 17 codes of length 5: symbol k has code k (T.81 C)
                if s: put(d if d > 0 else d + (1 << s) - 1, s)
            flush()
            def seg(m, body): return bytes([0xFF, m]) + (len(body) + 2).to_bytes(2, 'big') + body
            j = bytes([0xFF, 0xD8])
            j += seg(0xC4, bytes([0x00]) + bytes([0, 0, 0, 0, 17] + [0] * 11) + bytes(range(17)))
            j += seg(0xC3, bytes([P]) + h.to_bytes(2, 'big') + w.to_bytes(2, 'big') + bytes([1, 1, 0x11, 0]))
            if interval: j += seg(0xDD, interval.to_bytes(2, 'big'))
            j += seg(0xDA, bytes([1, 1, 0x00, predictor, 0, 0])) + bytes(data) + bytes([0xFF, 0xD9])
            open(out_jpeg, 'wb').write(j)
            # Check the stream with dcmtk's decoder before the codec under test sees it.
            ds.PixelData = encapsulate([j])
            ds['PixelData'].VR = 'OB'
            ds.file_meta.TransferSyntaxUID = UID('1.2.840.10008.1.2.4.57')
            ds.is_implicit_VR = False; ds.is_little_endian = True
            ds.save_as(out_dcm + '.jpeg.dcm')
            subprocess.run(['dcmdjpeg', out_dcm + '.jpeg.dcm', out_dcm], check=True)
            back = pydicom.dcmread(out_dcm).pixel_array.astype(np.int64) & ((1 << P) - 1)
            if not np.array_equal(back, a):
                sys.exit('dcmdjpeg decodes the fixture differently: %d samples differ' % int((back != a).sum()))
            print(len(j))
            """;

    static Stream<Arguments> restartCases() {
        return Stream.of(Arguments.of(128, 1), Arguments.of(384, 1), Arguments.of(256, 7), Arguments.of(128, 4),
                Arguments.of(0, 6));
    }

    @ParameterizedTest(name = "interval {0} predictor {1}")
    @MethodSource("restartCases")
    void decodesRestartIntervals(int interval, int predictor) throws IOException {
        ExternalTools.tool("dcmdjpeg", "dcmtk");
        Path source = PixelCodecFixtures.testFile("CT_small.dcm");
        Path jpeg = dir.resolve("restart.jpg");
        ExternalTools.python(RESTART_ENCODER, source.toString(), jpeg.toString(), dir.resolve("back.dcm").toString(),
                Integer.toString(interval), Integer.toString(predictor));
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(
                PixelCodecFixtures.dcmtk("dcmcjpeg", source, dir.resolve("any.dcm")), source, 0, dir);

        int[] decoded = JpegLosslessDecoder.decode(jpeg, Files.readAllBytes(jpeg));

        assertArrayEquals(masked(f.samples(), f.bitsStored()), decoded);
    }

    /** Differences of exactly 32768 are category 16, which has no additional bits (T.81 H.1.2.2). */
    @Test
    void decodesDifferenceCategorySixteen() throws IOException {
        Path halves = dir.resolve("halves.dcm");
        ExternalTools.python("""
                import sys, numpy as np, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                y, x = np.indices((ds.Rows, ds.Columns))
                a = np.where((x + y) % 2 == 0, 0, 32768) + (x * 7 + y) % 50
                ds.PixelRepresentation = 0
                ds.PixelData = a.astype('<u2').tobytes()
                ds.save_as(sys.argv[2])
                """, PixelCodecFixtures.testFile("MR_small.dcm").toString(), halves.toString());
        Path compressed = PixelCodecFixtures.dcmtk("dcmcjpeg", halves, dir.resolve("halves-jpeg.dcm"));
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(compressed, halves, 0, dir);

        assertArrayEquals(f.samples(), JpegLosslessDecoder.decode(compressed, f.encapsulated()));
    }

    @Test
    void decodesA512By512SixteenBitFrameExactly() throws IOException {
        // CT_small tiled 4 x 4 into 512 x 512: a CT slice's size, real CT statistics. Speed is the bench's to
        // measure, not a unit test's.
        Path big = dir.resolve("big.dcm");
        ExternalTools.python("""
                import sys, numpy as np, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                a = np.tile(ds.pixel_array, (4, 4))
                ds.Rows, ds.Columns = a.shape
                ds.PixelData = a.astype('<i2').tobytes()
                ds.save_as(sys.argv[2])
                """, PixelCodecFixtures.testFile("CT_small.dcm").toString(), big.toString());
        Path compressed = PixelCodecFixtures.dcmtk("dcmcjpeg", big, dir.resolve("big-jpeg.dcm"));
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(compressed, big, 0, dir);
        assertArrayEquals(masked(f.samples(), 16), JpegLosslessDecoder.decode(compressed, f.encapsulated()));
    }

    @Test
    void truncatedStreamIsRefusedAsTruncated() throws IOException {
        byte[] jpeg = ctFrame();
        Path file = dir.resolve("truncated.dcm");
        for (int keep : new int[] {jpeg.length / 2, jpeg.length - 3, 1, 10}) {
            DicomException e = assertThrows(DicomException.class,
                    () -> JpegLosslessDecoder.decode(file, Arrays.copyOf(jpeg, keep)));
            assertOneLineNaming(e, file);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("SOI"),
                    keep + " bytes: " + e.getMessage());
        }
    }

    @Test
    void lossyAndJpegLsFramesAreRefusedByName() throws IOException {
        byte[] jpeg = ctFrame();
        int sof = indexOfMarker(jpeg, 0xC3);
        Path file = dir.resolve("lossy.dcm");
        for (int[] marker : new int[][] {{0xC0, 0}, {0xC1, 0}, {0xC2, 0}, {0xF7, 1}}) {
            byte[] wrong = jpeg.clone();
            wrong[sof + 1] = (byte) marker[0];
            DicomException e = assertThrows(DicomException.class, () -> JpegLosslessDecoder.decode(file, wrong));
            assertOneLineNaming(e, file);
            String expected = marker[1] == 1 ? "JPEG-LS" : String.format("SOF%d", marker[0] - 0xC0);
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    void realJpegLsFileIsRefused() throws IOException {
        Path ls = PixelCodecFixtures.testFile("MR_small_jpeg_ls_lossless.dcm");
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(ls, PixelCodecFixtures.testFile("MR_small.dcm"), 0, dir);
        DicomException e = assertThrows(DicomException.class, () -> JpegLosslessDecoder.decode(ls, f.encapsulated()));
        assertTrue(e.getMessage().contains("JPEG-LS"), e.getMessage());
    }

    @Test
    void multiComponentFrameIsRefused() throws IOException {
        byte[] jpeg = ctFrame();
        int sof = indexOfMarker(jpeg, 0xC3);
        byte[] three = jpeg.clone();
        three[sof + 9] = 3; // Nf: after FFC3, Lf (2), P (1), Y (2), X (2)
        Path file = dir.resolve("rgb.dcm");
        DicomException e = assertThrows(DicomException.class, () -> JpegLosslessDecoder.decode(file, three));
        assertTrue(e.getMessage().contains("3 components"), e.getMessage());
    }

    @Test
    void corruptHeaderBytesAreRefused() throws IOException {
        byte[] jpeg = ctFrame();
        Path file = dir.resolve("corrupt.dcm");
        byte[] noSoi = jpeg.clone();
        noSoi[1] = 0x00;
        assertTrue(assertThrows(DicomException.class, () -> JpegLosslessDecoder.decode(file, noSoi))
                .getMessage().contains("SOI"));
        byte[] badPredictor = jpeg.clone();
        int sos = indexOfMarker(jpeg, 0xDA);
        badPredictor[sos + 7] = 9; // Ss after FFDA, Ls (2), Ns (1), Cs+Td/Ta (2)
        assertTrue(assertThrows(DicomException.class, () -> JpegLosslessDecoder.decode(file, badPredictor))
                .getMessage().contains("predictor"));
        byte[] noTable = jpeg.clone();
        noTable[indexOfMarker(jpeg, 0xC4) + 1] = (byte) 0xE5; // DHT becomes an APP5 that is skipped
        assertTrue(assertThrows(DicomException.class, () -> JpegLosslessDecoder.decode(file, noTable))
                .getMessage().contains("Huffman table"));
    }

    private byte[] ctFrame() throws IOException {
        Path source = PixelCodecFixtures.testFile("CT_small.dcm");
        Path compressed = PixelCodecFixtures.dcmtk("dcmcjpeg", source, dir.resolve("ct-jpeg.dcm"));
        return PixelCodecFixtures.extract(compressed, source, 0, dir).encapsulated();
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker FF" + Integer.toHexString(marker));
    }

    private static int[] masked(int[] samples, int bitsStored) {
        int mask = (1 << bitsStored) - 1;
        return Arrays.stream(samples).map(v -> v & mask).toArray();
    }

    static void assertOneLineNaming(DicomException e, Path file) {
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
