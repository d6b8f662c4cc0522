package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RLE frames from dcmtk's dcmcrle and from pydicom's own RLE samples, decoded and compared byte for byte with
 * pydicom's reading of the uncompressed twin (native little endian bytes of Bits Allocated), plus hand-made
 * PS3.5 Annex G frames for the cases the tools never write.
 */
class RleDecoderTest {
    @TempDir
    Path dir;

    static Stream<Arguments> dcmcrleCases() {
        // 16-bit signed CT, 16-bit MR, 8-bit (deflated sample), 32-bit dose grid of 15 frames.
        return Stream.of(Arguments.of("CT_small.dcm", 0), Arguments.of("MR_small.dcm", 0),
                Arguments.of("image_dfl.dcm", 0), Arguments.of("rtdose.dcm", 0), Arguments.of("rtdose.dcm", 7),
                Arguments.of("rtdose.dcm", 14));
    }

    @ParameterizedTest(name = "{0} frame {1}")
    @MethodSource("dcmcrleCases")
    void decodesDcmcrleFramesByteForByte(String name, int frame) throws IOException {
        Path original = PixelCodecFixtures.explicitLittle(PixelCodecFixtures.testFile(name), dir);
        Path compressed = PixelCodecFixtures.dcmtk("dcmcrle", original, dir.resolve("rle.dcm"));
        assertDecodesLikeReference(compressed, original, frame);
    }

    static Stream<Arguments> pydicomRleSamples() {
        return Stream.of(Arguments.of("MR_small_RLE.dcm", "MR_small.dcm", 0),
                Arguments.of("rtdose_rle_1frame.dcm", "rtdose_1frame.dcm", 0),
                Arguments.of("rtdose_rle.dcm", "rtdose.dcm", 3));
    }

    @ParameterizedTest(name = "{0} frame {2}")
    @MethodSource("pydicomRleSamples")
    void decodesPydicomRleSamples(String rle, String uncompressed, int frame) throws IOException {
        assertDecodesLikeReference(PixelCodecFixtures.testFile(rle), PixelCodecFixtures.testFile(uncompressed), frame);
    }

    private void assertDecodesLikeReference(Path compressed, Path reference, int frame) throws IOException {
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(compressed, reference, frame, dir);
        byte[] decoded = RleDecoder.decode(compressed, f.encapsulated(), f.rows(), f.cols(), f.bitsAllocated());
        assertArrayEquals(f.nativeBytes(), decoded, compressed.getFileName() + " frame " + frame);
        assertTrue(distinctBytes(decoded) > 2, "a real image, not a constant");
    }

    @Test
    void handMadeFrameCoversEveryPackBitsHeader() {
        // 2 x 3 pixels, 16 bits: high bytes by a replicate run (-5 => 6 copies), low bytes by a no-op (-128),
        // a literal run of 4 and a replicate run of 2, then one padding byte.
        byte[] high = {(byte) -5, 0x12};
        byte[] low = {(byte) -128, 3, 1, 2, 3, 4, (byte) -1, 9, 0};
        byte[] frame = frame(high, low);
        byte[] expected = {1, 0x12, 2, 0x12, 3, 0x12, 4, 0x12, 9, 0x12, 9, 0x12};
        assertArrayEquals(expected, RleDecoder.decode(Path.of("hand.dcm"), frame, 2, 3, 16));
    }

    @Test
    void segmentCountThatDoesNotFitBitsAllocatedIsRefused() {
        byte[] frame = frame(new byte[] {(byte) -3, 1}, new byte[] {(byte) -3, 2}, new byte[] {(byte) -3, 3});
        Path file = Path.of("three-segments.dcm");
        DicomException e = assertThrows(DicomException.class, () -> RleDecoder.decode(file, frame, 2, 2, 16));
        assertReadable(e, file, "3 segments");
    }

    @Test
    void offsetsOutOfRangeAreRefused() {
        Path file = Path.of("offsets.dcm");
        byte[] past = frame(new byte[] {(byte) -3, 1}, new byte[] {(byte) -3, 2});
        putInt(past, 8, past.length + 100);
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, past, 2, 2, 16)), file,
                "out of range");
        byte[] notAfterHeader = frame(new byte[] {(byte) -3, 1});
        putInt(notAfterHeader, 4, 70);
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, notAfterHeader, 2, 2, 8)),
                file, "64-byte header");
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, new byte[40], 2, 2, 8)),
                file, "shorter than the 64-byte");
    }

    @Test
    void segmentsThatDecodeToTooFewOrTooManyBytesAreRefused() {
        Path file = Path.of("lengths.dcm");
        byte[] few = frame(new byte[] {(byte) -2, 1}); // 3 bytes for 4 pixels
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, few, 2, 2, 8)), file,
                "decodes to 3 bytes");
        byte[] many = frame(new byte[] {(byte) -5, 1}); // 6 bytes for 4 pixels
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, many, 2, 2, 8)), file,
                "more than the 4");
        byte[] trailing = frame(new byte[] {(byte) -3, 1, (byte) -1, 7}); // 4 bytes, then a run of 2 more
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, trailing, 2, 2, 8)), file,
                "more bytes after");
        byte[] cut = frame(new byte[] {7, 1, 2});
        assertReadable(assertThrows(DicomException.class, () -> RleDecoder.decode(file, cut, 2, 2, 8)), file,
                "literal run");
    }

    @Test
    void truncatedDcmcrleFrameIsRefused() throws IOException {
        Path original = PixelCodecFixtures.testFile("CT_small.dcm");
        Path compressed = PixelCodecFixtures.dcmtk("dcmcrle", original, dir.resolve("rle.dcm"));
        PixelCodecFixtures.Frame f = PixelCodecFixtures.extract(compressed, original, 0, dir);
        byte[] cut = java.util.Arrays.copyOf(f.encapsulated(), f.encapsulated().length - 200);
        DicomException e = assertThrows(DicomException.class, () -> RleDecoder.decode(compressed, cut, 128, 128, 16));
        assertReadable(e, compressed, "RLE segment 2");
    }

    /** An Annex G frame: header with the segment count and offsets, then the segments as given. */
    private static byte[] frame(byte[]... segments) {
        int length = 64;
        for (byte[] s : segments) {
            length += s.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(segments.length);
        int offset = 64;
        for (byte[] s : segments) {
            b.putInt(offset);
            offset += s.length;
        }
        b.position(64);
        for (byte[] s : segments) {
            b.put(s);
        }
        return b.array();
    }

    private static void putInt(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    private static long distinctBytes(byte[] b) {
        boolean[] seen = new boolean[256];
        long n = 0;
        for (byte v : b) {
            if (!seen[v & 0xFF]) {
                seen[v & 0xFF] = true;
                n++;
            }
        }
        return n;
    }

    private static void assertReadable(DicomException e, Path file, String expected) {
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
