package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIfTI-1 files built byte by byte with unusual but valid fields. Every expected geometry below is worked out
 * by hand from the NIfTI-1 definitions (nifti1.h) and the RAS -> LPS flip, not taken from the reader.
 */
class NiftiHandMadeTest {
    static final int N = 7 * 5 * 3;

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static short[] shorts(int[] v) {
        short[] s = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = (short) v[i];
        }
        return s;
    }

    @Test
    void bigEndianSformInt16() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.order = ByteOrder.BIG_ENDIAN;
        b.sformCode = 2;
        b.qformCode = 0;
        // RAS columns: i -> (0,-2,0), j -> (0,0,1.5), k -> (3,0,0); offset (-5, 7, 11).
        b.srow = new float[] {0, 0, 3, -5, -2, 0, 0, 7, 0, 1.5f, 0, 11};
        int[] values = NiftiBytes.ramp(N, -1000, 13);
        Volume v = NiftiReader.read(write("big.nii", b.singleFile(b.int16(values))));

        ShortVolume s = assertInstanceOf(ShortVolume.class, v);
        assertArrayEquals(shorts(values), s.data());
        // LPS = RAS with x and y negated: i -> (0,2,0), j -> (0,0,1.5), k -> (-3,0,0); origin (5,-7,11).
        VoxelGrid want = new VoxelGrid(7, 5, 3, 2, 1.5, 3, new double[] {5, -7, 11},
                new double[] {0, 0, -1, 1, 0, 0, 0, 1, 0});
        TestGrids.assertGeometry(want, v.grid(), 1e-6, 1e-7);
    }

    @Test
    void qformOnlyWithQfacMinusOne() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.datatype = 16;
        b.bitpix = 32;
        b.qformCode = 1;
        b.sformCode = 0;
        // 90 degrees about z: a = cos 45, d = sin 45. R = [[0,-1,0],[1,0,0],[0,0,1]]; qfac = -1 flips k.
        b.quatern = new float[] {0, 0, (float) Math.sqrt(0.5)};
        b.pixdim = new float[] {-1, 0.5f, 0.75f, 2, 0, 0, 0, 0};
        b.qoffset = new float[] {10, -20, 30};
        // The sform is garbage but sform_code = 0, so it must be ignored.
        b.srow = new float[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        float[] values = new float[N];
        for (int i = 0; i < N; i++) {
            values[i] = i * 0.25f - 3;
        }
        Volume v = NiftiReader.read(write("q.nii", b.singleFile(b.float32(values))));

        assertArrayEquals(values, assertInstanceOf(FloatVolume.class, v).data());
        // RAS axes: i -> (0,1,0), j -> (-1,0,0), k -> (0,0,-1). LPS: i -> (0,-1,0), j -> (1,0,0), k -> (0,0,-1).
        VoxelGrid want = new VoxelGrid(7, 5, 3, 0.5, 0.75, 2, new double[] {-10, 20, 30},
                new double[] {0, 1, 0, -1, 0, 0, 0, 0, -1});
        TestGrids.assertGeometry(want, v.grid(), 1e-6, 1e-6);
        assertArrayEquals(new double[] {-10 + 0.75, 20 - 0.5, 30 - 2}, v.grid().indexToWorld(1, 1, 1), 1e-6);
    }

    @Test
    void ctScaledWithSlopeTwoAndInterceptMinus1024() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.sclSlope = 2;
        b.sclInter = -1024;
        int[] stored = NiftiBytes.ramp(N, 0, 31);
        Volume v = NiftiReader.read(write("ct.nii", b.singleFile(b.int16(stored))));

        float[] f = assertInstanceOf(FloatVolume.class, v).data();
        for (int i = 0; i < N; i++) {
            assertEquals(2f * stored[i] - 1024, f[i], 0f, "voxel " + i);
        }
    }

    @Test
    void slopeZeroMeansNoScalingEvenWithIntercept() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.sclSlope = 0;
        b.sclInter = 500; // ignored: the standard scales only when scl_slope != 0
        int[] stored = NiftiBytes.ramp(N, -7, 3);
        Volume v = NiftiReader.read(write("noscale.nii", b.singleFile(b.int16(stored))));
        assertArrayEquals(shorts(stored), assertInstanceOf(ShortVolume.class, v).data());
    }

    @Test
    void voxOffsetBeyond352SkipsExtensions() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.voxOffset = 400;
        // Extension flag 1, then one extension: esize 48, ecode 6 (comment), 40 bytes of text.
        ByteBuffer ext = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        ext.put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).putInt(48).putInt(6);
        ext.put("an extension the reader must skip ......".getBytes(StandardCharsets.US_ASCII));
        b.extension = ext.array();
        int[] stored = NiftiBytes.ramp(N, 100, -5);
        Volume v = NiftiReader.read(write("ext.nii", b.singleFile(b.int16(stored))));
        assertArrayEquals(shorts(stored), assertInstanceOf(ShortVolume.class, v).data());
    }

    @Test
    void fourDimensionsWithOneTimePoint() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.dim = new short[] {4, 7, 5, 3, 1, 1, 1, 1};
        b.pixdim = new float[] {1, 1.5f, 2.5f, 3.5f, 60, 0, 0, 0};
        int[] stored = NiftiBytes.ramp(N, 1, 1);
        Volume v = NiftiReader.read(write("t1.nii", b.singleFile(b.int16(stored))));
        assertEquals(7, v.grid().nx());
        assertEquals(3, v.grid().nz());
        assertArrayEquals(shorts(stored), assertInstanceOf(ShortVolume.class, v).data());
    }

    @Test
    void pixdimOnlyIsRasScaling() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.pixdim = new float[] {0, 0.5f, 0.6f, 0.7f, 0, 0, 0, 0};
        Volume v = NiftiReader.read(write("m1.nii", b.singleFile(b.int16(new int[N]))));
        // Method 1: x = pixdim[1] i ... in RAS, i.e. -x and -y in LPS, origin 0.
        VoxelGrid want = new VoxelGrid(7, 5, 3, 0.5, 0.6, 0.7, new double[3],
                new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1});
        TestGrids.assertGeometry(want, v.grid(), 1e-6, 1e-9);
    }

    @Test
    void micronsAndMetresConvertToMm() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.xyztUnits = 3; // micron
        b.sformCode = 1;
        b.srow = new float[] {500, 0, 0, 1000, 0, 500, 0, 2000, 0, 0, 1000, -3000};
        Volume v = NiftiReader.read(write("um.nii", b.singleFile(b.int16(new int[N]))));
        TestGrids.assertGeometry(new VoxelGrid(7, 5, 3, 0.5, 0.5, 1, new double[] {-1, -2, -3},
                new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1}), v.grid(), 1e-9, 1e-9);

        b.xyztUnits = 1 | 8; // metre, and seconds in the time bits
        b.srow = new float[] {0.001f, 0, 0, 0.1f, 0, 0.002f, 0, 0, 0, 0, 0.003f, 0};
        Volume m = NiftiReader.read(write("m.nii", b.singleFile(b.int16(new int[N]))));
        TestGrids.assertGeometry(new VoxelGrid(7, 5, 3, 1, 2, 3, new double[] {-100, 0, 0},
                new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1}), m.grid(), 1e-4, 1e-7);
    }

    @Test
    void nearlyOrthogonalSformIsSnappedToOrthonormal() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.sformCode = 1;
        // Axes i and j 2e-5 off orthogonal (0.001 degrees), as rounded DICOM cosines give: accepted, then snapped.
        b.srow = new float[] {2, 0, 0, 0, 4e-5f, 3, 0, 0, 0, 0, 4, 0};
        Volume v = NiftiReader.read(write("snap.nii", b.singleFile(b.int16(new int[N]))));
        double[] d = v.grid().direction();
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                double dot = d[a] * d[c] + d[3 + a] * d[3 + c] + d[6 + a] * d[6 + c];
                assertEquals(a == c ? 1 : 0, dot, 1e-12, "D^T D = I, entry " + a + "," + c);
            }
        }
        // The polar snap splits the 2e-5 skew between both axes (1e-5 each), rather than moving one axis only.
        assertEquals(-1e-5, d[3], 1e-7, "i axis y component (LPS)");
        assertEquals(1e-5, d[1], 1e-7, "j axis x component (LPS)");
        assertArrayEquals(new double[] {2, 3, 4}, v.grid().spacing(), 1e-9);
    }

    @Test
    void headerImagePairReadByEitherName() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.magic = "ni1\0";
        b.voxOffset = 0;
        b.datatype = 2;
        b.bitpix = 8;
        byte[] data = new byte[N];
        for (int i = 0; i < N; i++) {
            data[i] = (byte) (200 + i);
        }
        write("pair.hdr", b.header());
        Path img = write("pair.img", data);
        Volume v1 = ImageFiles.read(dir.resolve("pair.hdr"));
        Volume v2 = ImageFiles.read(img);
        assertArrayEquals(data, assertInstanceOf(ByteVolume.class, v1).data());
        assertArrayEquals(data, assertInstanceOf(ByteVolume.class, v2).data());
    }

    @Test
    void wideAndSignedTypesBecomeFloatOrShort() throws IOException {
        NiftiBytes b = new NiftiBytes();
        // uint16: 40000 does not fit a short, so the volume is float.
        b.datatype = 512;
        int[] u16 = NiftiBytes.ramp(N, 40000, 211);
        Volume v = NiftiReader.read(write("u16.nii", b.singleFile(b.int16(u16))));
        float[] f = assertInstanceOf(FloatVolume.class, v).data();
        assertEquals(40000f, f[0]);
        assertEquals((float) (40000 + 211 * (N - 1)), f[N - 1]);

        b.datatype = 8;
        b.bitpix = 32;
        long[] i32 = new long[N];
        for (int i = 0; i < N; i++) {
            i32[i] = -100000L + 4001L * i;
        }
        f = assertInstanceOf(FloatVolume.class, NiftiReader.read(write("i32.nii", b.singleFile(b.int32(i32))))).data();
        assertEquals(-100000f, f[0]);
        assertEquals((float) i32[N - 1], f[N - 1]);

        b.datatype = 64;
        b.bitpix = 64;
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            d[i] = 1.0 / (i + 1);
        }
        f = assertInstanceOf(FloatVolume.class, NiftiReader.read(write("f64.nii", b.singleFile(b.float64(d))))).data();
        for (int i = 0; i < N; i++) {
            assertEquals((float) d[i], f[i], 0f);
        }

        b.datatype = 256;
        b.bitpix = 8;
        byte[] i8 = new byte[N];
        for (int i = 0; i < N; i++) {
            i8[i] = (byte) (i * 7 - 128);
        }
        short[] s = assertInstanceOf(ShortVolume.class, NiftiReader.read(write("i8.nii", b.singleFile(i8)))).data();
        for (int i = 0; i < N; i++) {
            assertEquals(i8[i], s[i], "int8 keeps its sign, voxel " + i);
        }
    }

    @Test
    void gzippedHandMadeFileWithExtension() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.voxOffset = 368;
        int[] stored = NiftiBytes.ramp(N, 5, 5);
        Path p = dir.resolve("ext.nii.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(b.singleFile(b.int16(stored)));
        }
        assertArrayEquals(shorts(stored), assertInstanceOf(ShortVolume.class, NiftiReader.read(p)).data());
    }
}
