package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MetaImage files written by hand with unusual but valid fields. Expected geometry is worked out from ITK's
 * MetaImageIO convention (TransformMatrix lists the i, j, k axis directions one after the other).
 */
class MetaImageHandMadeTest {
    static final int N = 7 * 5 * 3;

    @TempDir
    Path dir;

    static byte[] int16(ByteOrder order, short[] v) {
        ByteBuffer bb = ByteBuffer.allocate(2 * v.length).order(order);
        for (short s : v) {
            bb.putShort(s);
        }
        return bb.array();
    }

    static byte[] float32(ByteOrder order, float[] v) {
        ByteBuffer bb = ByteBuffer.allocate(4 * v.length).order(order);
        for (float f : v) {
            bb.putFloat(f);
        }
        return bb.array();
    }

    static short[] ramp() {
        short[] s = new short[N];
        for (int i = 0; i < N; i++) {
            s[i] = (short) (i * 301 - 15000);
        }
        return s;
    }

    static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bos)) {
            out.write(data);
        }
        return bos.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.ISO_8859_1);
    }

    @Test
    void bigEndianShortsWithNonIdentityTransformMatrix() throws IOException {
        short[] v = ramp();
        Files.write(dir.resolve("be.raw"), int16(ByteOrder.BIG_ENDIAN, v));
        Path mhd = text("be.mhd", """
                ObjectType = Image
                NDims = 3
                BinaryData = True
                BinaryDataByteOrderMSB = True
                CompressedData = False
                TransformMatrix = 0 1 0 -1 0 0 0 0 1
                Offset = 10 -20 30.5
                ElementSpacing = 0.5 0.75 2
                DimSize = 7 5 3
                ElementType = MET_SHORT
                ElementDataFile = be.raw
                """);
        Volume vol = MetaImageReader.read(mhd);
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, vol).data());
        // i axis (0,1,0), j axis (-1,0,0), k axis (0,0,1): as columns of the direction matrix.
        VoxelGrid want = new VoxelGrid(7, 5, 3, 0.5, 0.75, 2, new double[] {10, -20, 30.5},
                new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1});
        TestGrids.assertGeometry(want, vol.grid(), 0, 0);
        assertArrayEquals(new double[] {10 - 0.75, -20 + 0.5, 32.5}, vol.grid().indexToWorld(1, 1, 1), 1e-12);
    }

    @Test
    void elementByteOrderMsbAndElementSizeFallback() throws IOException {
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            v[i] = i * -0.125f + 7;
        }
        Files.write(dir.resolve("f.raw"), float32(ByteOrder.BIG_ENDIAN, v));
        Path mhd = text("f.mhd", "NDims = 3\nDimSize = 7 5 3\nElementSize = 1.5 2.5 3.5\nElementByteOrderMSB = True\n"
                + "ElementType = MET_FLOAT\nElementDataFile = f.raw\n");
        Volume vol = MetaImageReader.read(mhd);
        assertArrayEquals(v, assertInstanceOf(FloatVolume.class, vol).data());
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, vol.grid().spacing(), 0);
        assertArrayEquals(new double[3], vol.grid().origin(), 0);
    }

    @Test
    void headerSizeMinusOneTakesTheLastBytes() throws IOException {
        short[] v = ramp();
        byte[] junk = new byte[123];
        java.util.Arrays.fill(junk, (byte) 0x5a);
        Files.write(dir.resolve("tail.raw"), concat(junk, int16(ByteOrder.LITTLE_ENDIAN, v)));
        Path mhd = text("tail.mhd", "NDims = 3\nDimSize = 7 5 3\nHeaderSize = -1\nElementType = MET_SHORT\n"
                + "ElementDataFile = tail.raw\n");
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, MetaImageReader.read(mhd)).data());
    }

    @Test
    void positiveHeaderSizeSkipsThatManyBytes() throws IOException {
        short[] v = ramp();
        Files.write(dir.resolve("skip.raw"), concat(new byte[64], int16(ByteOrder.LITTLE_ENDIAN, v)));
        Path mhd = text("skip.mhd", "NDims = 3\nDimSize = 7 5 3\nHeaderSize = 64\nElementType = MET_SHORT\n"
                + "ElementDataFile = skip.raw\n");
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, MetaImageReader.read(mhd)).data());
    }

    @Test
    void compressedWithAndWithoutCompressedDataSize() throws IOException {
        short[] v = ramp();
        byte[] z = zlib(int16(ByteOrder.LITTLE_ENDIAN, v));
        Files.write(dir.resolve("c.zraw"), z);
        Path sized = text("sized.mhd", "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\nCompressedDataSize = "
                + z.length + "\nElementType = MET_SHORT\nElementDataFile = c.zraw\n");
        Path unsized = text("unsized.mhd", "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\n"
                + "ElementType = MET_SHORT\nElementDataFile = c.zraw\n");
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, MetaImageReader.read(sized)).data());
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, MetaImageReader.read(unsized)).data());
    }

    @Test
    void gzipStreamIsAcceptedAsCompressedData() throws IOException {
        short[] v = ramp();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(int16(ByteOrder.LITTLE_ENDIAN, v));
        }
        Files.write(dir.resolve("g.zraw"), bos.toByteArray());
        Path mhd = text("g.mhd", "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\nElementType = MET_SHORT\n"
                + "ElementDataFile = g.zraw\n");
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, MetaImageReader.read(mhd)).data());
    }

    @Test
    void mhaLocalWithPositionCrlfSpacesAndUnknownKeys() throws IOException {
        byte[] v = new byte[N];
        for (int i = 0; i < N; i++) {
            v[i] = (byte) (255 - i);
        }
        String header = "ObjectType = Image\r\n"
                + "NDims=3\r\n"
                + "  Comment   =   made by hand  \r\n"
                + "\r\n"
                + "ElementSpacing =  0.9   0.9    3  \r\n"
                + "Position = -1.5 2.25 -100\r\n"
                + "Rotation = 1 0 0 0 0 1 0 -1 0\r\n"
                + "AnatomicalOrientation = ???\r\n"
                + "DimSize = 7 5 3\r\n"
                + "ElementType = MET_UCHAR\r\n"
                + "ElementDataFile = LOCAL\r\n";
        Path mha = dir.resolve("local.mha");
        Files.write(mha, concat(header.getBytes(StandardCharsets.ISO_8859_1), v));
        Volume vol = ImageFiles.read(mha);
        assertArrayEquals(v, assertInstanceOf(ByteVolume.class, vol).data());
        // i axis (1,0,0), j axis (0,0,1), k axis (0,-1,0).
        VoxelGrid want = new VoxelGrid(7, 5, 3, 0.9, 0.9, 3, new double[] {-1.5, 2.25, -100},
                new double[] {1, 0, 0, 0, 0, -1, 0, 1, 0});
        TestGrids.assertGeometry(want, vol.grid(), 0, 0);
    }

    @Test
    void compressedMhaLocal() throws IOException {
        short[] v = ramp();
        byte[] z = zlib(int16(ByteOrder.BIG_ENDIAN, v));
        String header = "NDims = 3\nDimSize = 7 5 3\nBinaryDataByteOrderMSB = True\nCompressedData = True\n"
                + "CompressedDataSize = " + z.length + "\nElementType = MET_SHORT\nElementDataFile = LOCAL\n";
        Path mha = dir.resolve("cz.mha");
        Files.write(mha, concat(header.getBytes(StandardCharsets.US_ASCII), z));
        assertArrayEquals(v, assertInstanceOf(ShortVolume.class, MetaImageReader.read(mha)).data());
    }

    @Test
    void otherElementTypes() throws IOException {
        // MET_USHORT 50000 does not fit a short: float. MET_CHAR keeps its sign in a short. MET_DOUBLE narrows.
        ByteBuffer us = ByteBuffer.allocate(2 * N).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer d = ByteBuffer.allocate(8 * N).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer in = ByteBuffer.allocate(4 * N).order(ByteOrder.LITTLE_ENDIAN);
        byte[] ch = new byte[N];
        for (int i = 0; i < N; i++) {
            us.putShort((short) (50000 + i));
            d.putDouble(Math.PI * i);
            in.putInt(-70000 + 1000 * i);
            ch[i] = (byte) (i - 50);
        }
        Files.write(dir.resolve("us.raw"), us.array());
        Files.write(dir.resolve("d.raw"), d.array());
        Files.write(dir.resolve("i.raw"), in.array());
        Files.write(dir.resolve("c.raw"), ch);
        String common = "NDims = 3\nDimSize = 7 5 3\n";
        float[] f = assertInstanceOf(FloatVolume.class, MetaImageReader.read(text("us.mhd",
                common + "ElementType = MET_USHORT\nElementDataFile = us.raw\n"))).data();
        assertEquals(50000f + N - 1, f[N - 1]);
        f = assertInstanceOf(FloatVolume.class, MetaImageReader.read(text("d.mhd",
                common + "ElementType = MET_DOUBLE\nElementDataFile = d.raw\n"))).data();
        assertEquals((float) (Math.PI * 9), f[9], 0f);
        f = assertInstanceOf(FloatVolume.class, MetaImageReader.read(text("i.mhd",
                common + "ElementType = MET_INT\nElementDataFile = i.raw\n"))).data();
        assertEquals(-70000f + 1000 * 33, f[33], 0f);
        short[] s = assertInstanceOf(ShortVolume.class, MetaImageReader.read(text("c.mhd",
                common + "ElementType = MET_CHAR\nElementDataFile = c.raw\n"))).data();
        assertEquals(-50, s[0]);
        assertEquals(N - 1 - 50, s[N - 1]);
    }
}
