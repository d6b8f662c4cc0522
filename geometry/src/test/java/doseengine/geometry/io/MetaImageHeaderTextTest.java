package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the written MetaImage header as plain text, independently of {@link MetaImageReader}. */
class MetaImageHeaderTextTest {
    @TempDir
    Path dir;

    private static Map<String, String> keys(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            String[] kv = l.split(" = ", 2);
            m.put(kv[0], kv[1]);
        }
        return m;
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void mhdHeaderLinesFollowItkConventions() throws IOException {
        VoxelGrid g = TestGrids.oblique();
        MetaImageWriter.write(dir.resolve("ct.mhd"), TestGrids.shorts(g), false);
        List<String> lines = Files.readAllLines(dir.resolve("ct.mhd"), StandardCharsets.US_ASCII);
        Map<String, String> h = keys(lines);

        assertEquals("Image", h.get("ObjectType"));
        assertEquals("3", h.get("NDims"));
        assertEquals("True", h.get("BinaryData"));
        assertEquals("False", h.get("BinaryDataByteOrderMSB"));
        assertEquals("False", h.get("CompressedData"));
        assertEquals("7 5 3", h.get("DimSize"));
        assertEquals("MET_SHORT", h.get("ElementType"));
        assertArrayEquals(new double[] {0.8, 1.25, 2.5}, numbers(h.get("ElementSpacing")), 0);
        assertArrayEquals(g.origin(), numbers(h.get("Offset")), 0);
        // ITK: the first three numbers are the i axis direction (column 0 of the direction matrix), and so on.
        double[] tm = numbers(h.get("TransformMatrix"));
        double[] d = g.direction();
        assertArrayEquals(new double[] {d[0], d[3], d[6], d[1], d[4], d[7], d[2], d[5], d[8]}, tm, 0);
        assertEquals("ElementDataFile = ct.raw", lines.get(lines.size() - 1), "ElementDataFile is the last line");

        byte[] raw = Files.readAllBytes(dir.resolve("ct.raw"));
        assertEquals(2 * g.voxelCount(), raw.length);
        assertEquals(TestGrids.shorts(g).data()[9], ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getShort(18));
    }

    @Test
    void identityGridIsRai() throws IOException {
        VoxelGrid g = new VoxelGrid(7, 5, 3, 1, 1, 1, new double[] {0, 0, 0});
        MetaImageWriter.write(dir.resolve("id.mhd"), TestGrids.bytes(g), false);
        Map<String, String> h = keys(Files.readAllLines(dir.resolve("id.mhd")));
        assertEquals("RAI", h.get("AnatomicalOrientation"));
        assertEquals("1 0 0 0 1 0 0 0 1", h.get("TransformMatrix"));
        assertEquals("MET_UCHAR", h.get("ElementType"));
    }

    @Test
    void compressedMhaStatesTheZlibLength() throws IOException {
        VoxelGrid g = TestGrids.oblique();
        Path file = dir.resolve("dose.mha");
        MetaImageWriter.write(file, TestGrids.floats(g), true);
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("ElementDataFile = LOCAL\n") + "ElementDataFile = LOCAL\n".length();
        assertTrue(end > 0);
        Map<String, String> h = keys(Arrays.asList(text.substring(0, end).split("\n")));
        assertEquals("True", h.get("CompressedData"));
        assertEquals("MET_FLOAT", h.get("ElementType"));
        assertEquals(all.length - end, Long.parseLong(h.get("CompressedDataSize")),
                "CompressedDataSize = bytes after the header");
        byte[] inflated;
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(all, end, all.length - end))) {
            inflated = in.readAllBytes();
        }
        assertEquals(4 * g.voxelCount(), inflated.length);
        assertEquals(TestGrids.floats(g).data()[11],
                ByteBuffer.wrap(inflated).order(ByteOrder.LITTLE_ENDIAN).getFloat(44));
    }
}
