package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad file: each must be an {@link ImageFormatException} (a {@link BadInputException}),
 * one line, naming the file that is wrong and saying what is wrong with it.
 */
class ImageFormatErrorsTest {
    static final int N = 7 * 5 * 3;

    @TempDir
    Path dir;

    /** Runs {@code action}, which must fail on {@code file} with a message holding every fragment. */
    static ImageFormatException assertRejected(Path file, Executable action, String... fragments) {
        ImageFormatException e = assertThrows(ImageFormatException.class, action);
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "message names the file " + file + ": " + m);
        assertEquals(file, e.file());
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "message contains '" + f + "': " + m);
        }
        return e;
    }

    private Path nifti(String name, NiftiBytes b, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), b.singleFile(data));
    }

    private Path text(String name, String s) throws IOException {
        return Files.writeString(dir.resolve(name), s, StandardCharsets.ISO_8859_1);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(data);
        }
        return bos.toByteArray();
    }

    // ---- unknown format ----

    @Test
    void unknownExtensionListsSupportedOnes() {
        Path p = dir.resolve("image.png");
        assertRejected(p, () -> ImageFiles.read(p), "unknown image format", ".nii.gz", ".mhd", ".mha");
        assertRejected(p, () -> ImageFiles.write(p, TestGrids.bytes(TestGrids.oblique())), "unknown image format");
    }

    @Test
    void notANiftiFile() throws IOException {
        Path p = Files.write(dir.resolve("text.nii"), new byte[400]);
        assertRejected(p, () -> ImageFiles.read(p), "not a NIfTI-1 file", "sizeof_hdr");
    }

    @Test
    void niftiTwoAndAnalyzeAreNamed() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.sizeofHdr = 540;
        Path p2 = nifti("n2.nii", b, new byte[2 * N]);
        assertRejected(p2, () -> ImageFiles.read(p2), "NIfTI-2");
        NiftiBytes a = new NiftiBytes();
        a.magic = "\0\0\0\0";
        Path pa = nifti("analyze.nii", a, new byte[2 * N]);
        assertRejected(pa, () -> ImageFiles.read(pa), "Analyze");
    }

    @Test
    void binaryFileWithMetaImageName() throws IOException {
        byte[] junk = new byte[3000];
        Arrays.fill(junk, (byte) 0x01);
        Path p = Files.write(dir.resolve("junk.mha"), junk);
        assertRejected(p, () -> ImageFiles.read(p), "not 'Key = value'");
    }

    @Test
    void missingFileIsNamed() {
        Path p = dir.resolve("absent.nii.gz");
        assertRejected(p, () -> ImageFiles.read(p), "file not found");
    }

    @Test
    void directoryInsteadOfFile() throws IOException {
        Path p = Files.createDirectory(dir.resolve("folder.nii"));
        assertRejected(p, () -> ImageFiles.read(p));
    }

    // ---- truncated data ----

    @Test
    void truncatedNifti() throws IOException {
        byte[] full = new NiftiBytes().singleFile(new byte[2 * N]);
        Path p = Files.write(dir.resolve("short.nii"), Arrays.copyOf(full, full.length - 10));
        assertRejected(p, () -> ImageFiles.read(p), "truncated", "210 bytes", "200");
    }

    @Test
    void truncatedNiftiHeader() throws IOException {
        Path p = Files.write(dir.resolve("stub.nii"), new byte[100]);
        assertRejected(p, () -> ImageFiles.read(p), "truncated", "348");
    }

    @Test
    void truncatedGzipNifti() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.datatype = 16;
        b.bitpix = 32;
        float[] values = new float[N];
        for (int i = 0; i < N; i++) {
            values[i] = (float) Math.sqrt(i);
        }
        byte[] gz = gzip(b.singleFile(b.float32(values)));
        Path p = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertRejected(p, () -> ImageFiles.read(p), "truncated");
    }

    @Test
    void gzipNiftiWithFewerVoxelsThanTheHeaderSays() throws IOException {
        byte[] full = new NiftiBytes().singleFile(new byte[2 * N]);
        Path p = Files.write(dir.resolve("few.nii.gz"), gzip(Arrays.copyOf(full, full.length - 2)));
        assertRejected(p, () -> ImageFiles.read(p), "truncated", "208 of the 210 bytes");
    }

    @Test
    void truncatedRawOfMhd() throws IOException {
        Files.write(dir.resolve("short.raw"), new byte[2 * N - 1]);
        Path mhd = text("short.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_SHORT\nElementDataFile = short.raw\n");
        assertRejected(dir.resolve("short.raw"), () -> ImageFiles.read(mhd), "truncated", "209");
    }

    @Test
    void truncatedCompressedMha() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(z)) {
            out.write(new byte[2 * N]);
        }
        byte[] zb = z.toByteArray();
        String h = "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\nElementType = MET_SHORT\n"
                + "ElementDataFile = LOCAL\n";
        byte[] hb = h.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(hb, hb.length + zb.length - 3);
        System.arraycopy(zb, 0, all, hb.length, zb.length - 3);
        Path p = Files.write(dir.resolve("cut.mha"), all);
        assertRejected(p, () -> ImageFiles.read(p), "truncated");
    }

    @Test
    void missingRawFileIsNamed() throws IOException {
        Path mhd = text("lost.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_SHORT\nElementDataFile = lost.raw\n");
        assertRejected(dir.resolve("lost.raw"), () -> ImageFiles.read(mhd), "file not found");
    }

    // ---- header/data size mismatch ----

    @Test
    void niftiWithTrailingBytes() throws IOException {
        byte[] full = new NiftiBytes().singleFile(new byte[2 * N + 6]);
        Path p = Files.write(dir.resolve("long.nii"), full);
        assertRejected(p, () -> ImageFiles.read(p), "header/data size mismatch", "216");
    }

    @Test
    void gzipNiftiWithTrailingBytes() throws IOException {
        Path p = Files.write(dir.resolve("long.nii.gz"), gzip(new NiftiBytes().singleFile(new byte[2 * N + 2])));
        assertRejected(p, () -> ImageFiles.read(p), "header/data size mismatch");
    }

    @Test
    void rawLargerThanDimSize() throws IOException {
        Files.write(dir.resolve("big.raw"), new byte[4 * N]);
        Path mhd = text("big.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_SHORT\nElementDataFile = big.raw\n");
        assertRejected(dir.resolve("big.raw"), () -> ImageFiles.read(mhd), "header/data size mismatch");
    }

    @Test
    void compressedDataSizeDisagreesWithFile() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(z)) {
            out.write(new byte[2 * N]);
        }
        Files.write(dir.resolve("z.zraw"), z.toByteArray());
        Path mhd = text("z.mhd", "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\nCompressedDataSize = "
                + (z.size() - 1) + "\nElementType = MET_SHORT\nElementDataFile = z.zraw\n");
        assertRejected(dir.resolve("z.zraw"), () -> ImageFiles.read(mhd), "header/data size mismatch",
                "CompressedDataSize");
    }

    @Test
    void compressedDataInflateToMoreThanDimSize() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(z)) {
            out.write(new byte[2 * N + 100]);
        }
        Files.write(dir.resolve("more.zraw"), z.toByteArray());
        Path mhd = text("more.mhd", "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\n"
                + "ElementType = MET_SHORT\nElementDataFile = more.zraw\n");
        assertRejected(dir.resolve("more.zraw"), () -> ImageFiles.read(mhd), "header/data size mismatch");
    }

    // ---- NaN / infinite voxels ----

    @Test
    void nanVoxelIsReportedByIndex() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.datatype = 16;
        b.bitpix = 32;
        float[] v = new float[N];
        v[3 + 7 * (2 + 5 * 1)] = Float.NaN;
        v[N - 1] = Float.POSITIVE_INFINITY;
        Path p = nifti("nan.nii", b, b.float32(v));
        assertRejected(p, () -> ImageFiles.read(p), "(3,2,1)", "NaN");
    }

    @Test
    void infiniteVoxelInMetaImage() throws IOException {
        float[] v = new float[N];
        v[N - 1] = Float.NEGATIVE_INFINITY;
        Files.write(dir.resolve("inf.raw"), MetaImageHandMadeTest.float32(ByteOrder.LITTLE_ENDIAN, v));
        Path mhd = text("inf.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_FLOAT\nElementDataFile = inf.raw\n");
        assertRejected(dir.resolve("inf.raw"), () -> ImageFiles.read(mhd), "(6,4,2)", "Infinity");
    }

    @Test
    void float64BeyondFloatRange() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.datatype = 64;
        b.bitpix = 64;
        double[] v = new double[N];
        v[1] = 1e300;
        Path p = nifti("huge.nii", b, b.float64(v));
        assertRejected(p, () -> ImageFiles.read(p), "(1,0,0)", "32-bit float");
    }

    @Test
    void writingNanIsRefused() {
        VoxelGrid g = TestGrids.oblique();
        FloatVolume f = TestGrids.floats(g);
        f.set(2, 1, 0, Float.NaN);
        Path p = dir.resolve("nan.nii");
        assertRejected(p, () -> ImageFiles.write(p, f), "(2,1,0)");
        assertFalse(Files.exists(p), "nothing written");
    }

    // ---- spacing and geometry ----

    @Test
    void zeroPixdimWithQform() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.qformCode = 1;
        b.pixdim = new float[] {1, 1, 0, 1, 0, 0, 0, 0};
        Path p = nifti("zero.nii", b, new byte[2 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "spacing");
    }

    @Test
    void negativePixdimWithoutTransforms() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.pixdim = new float[] {1, 1, 1, -2, 0, 0, 0, 0};
        Path p = nifti("neg.nii", b, new byte[2 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "spacing", "-2");
    }

    @Test
    void negativeOrNonFiniteElementSpacing() throws IOException {
        Files.write(dir.resolve("s.raw"), new byte[2 * N]);
        Path neg = text("neg.mhd", "NDims = 3\nDimSize = 7 5 3\nElementSpacing = 1 -1 1\nElementType = MET_SHORT\n"
                + "ElementDataFile = s.raw\n");
        assertRejected(neg, () -> ImageFiles.read(neg), "spacing");
        Path nan = text("nan.mhd", "NDims = 3\nDimSize = 7 5 3\nElementSpacing = 1 NaN 1\nElementType = MET_SHORT\n"
                + "ElementDataFile = s.raw\n");
        assertRejected(nan, () -> ImageFiles.read(nan), "spacing");
    }

    @Test
    void singularSform() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.sformCode = 1;
        b.srow = new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        Path p = nifti("singular.nii", b, new byte[2 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "singular");
    }

    @Test
    void shearedSform() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.sformCode = 1;
        b.srow = new float[] {1, 0.2f, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0};
        Path p = nifti("sheared.nii", b, new byte[2 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "sheared", "78.69");
    }

    @Test
    void shearedTransformMatrix() throws IOException {
        Files.write(dir.resolve("t.raw"), new byte[2 * N]);
        Path mhd = text("t.mhd", "NDims = 3\nDimSize = 7 5 3\nTransformMatrix = 1 0 0 0.1 1 0 0 0 1\n"
                + "ElementType = MET_SHORT\nElementDataFile = t.raw\n");
        assertRejected(mhd, () -> ImageFiles.read(mhd), "sheared");
    }

    // ---- unsupported datatype and layout ----

    @Test
    void unsupportedNiftiDatatype() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.datatype = 128;
        b.bitpix = 24;
        Path p = nifti("rgb.nii", b, new byte[3 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "unsupported datatype 128", "rgb24");
    }

    @Test
    void bitpixContradictsDatatype() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.bitpix = 8;
        Path p = nifti("bitpix.nii", b, new byte[2 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "bitpix 8");
    }

    @Test
    void unsupportedMetaImageElementType() throws IOException {
        Files.write(dir.resolve("l.raw"), new byte[8 * N]);
        Path mhd = text("l.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_LONG_LONG\nElementDataFile = l.raw\n");
        assertRejected(mhd, () -> ImageFiles.read(mhd), "unsupported ElementType MET_LONG_LONG", "MET_FLOAT");
    }

    @Test
    void fourDimensionalNiftiWithSeveralVolumes() throws IOException {
        NiftiBytes b = new NiftiBytes();
        b.dim = new short[] {4, 7, 5, 3, 2, 1, 1, 1};
        Path p = nifti("4d.nii", b, new byte[4 * N]);
        assertRejected(p, () -> ImageFiles.read(p), "dim[4] = 2");
    }

    @Test
    void metaImageLayoutsNotSupported() throws IOException {
        Path two = text("2d.mhd", "NDims = 2\nDimSize = 7 5\nElementType = MET_SHORT\nElementDataFile = x.raw\n");
        assertRejected(two, () -> ImageFiles.read(two), "NDims = 2");
        Path rgb = text("rgb.mhd", "NDims = 3\nDimSize = 7 5 3\nElementNumberOfChannels = 3\n"
                + "ElementType = MET_UCHAR\nElementDataFile = x.raw\n");
        assertRejected(rgb, () -> ImageFiles.read(rgb), "ElementNumberOfChannels = 3");
        Path list = text("list.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_UCHAR\n"
                + "ElementDataFile = slice%03d.raw 1 3 1\n");
        assertRejected(list, () -> ImageFiles.read(list), "slice-per-file");
        Path none = text("none.mhd", "NDims = 3\nDimSize = 7 5 3\nElementType = MET_UCHAR\n");
        assertRejected(none, () -> ImageFiles.read(none), "no ElementDataFile");
    }

    // ---- corrupt compression ----

    @Test
    void corruptGzipTrailer() throws IOException {
        byte[] gz = gzip(new NiftiBytes().singleFile(new byte[2 * N]));
        gz[gz.length - 6] ^= 0x55; // inside the CRC-32 of the gzip trailer
        Path p = Files.write(dir.resolve("crc.nii.gz"), gz);
        assertRejected(p, () -> ImageFiles.read(p), "corrupt gzip");
    }

    @Test
    void notGzipAtAll() throws IOException {
        Path p = Files.write(dir.resolve("plain.nii.gz"), new NiftiBytes().singleFile(new byte[2 * N]));
        assertRejected(p, () -> ImageFiles.read(p), "corrupt gzip");
    }

    @Test
    void corruptZlibInMetaImage() throws IOException {
        byte[] junk = new byte[50];
        Arrays.fill(junk, (byte) 0xff);
        junk[0] = 0x78;
        junk[1] = (byte) 0x9c; // a valid zlib header followed by an invalid deflate block
        Files.write(dir.resolve("bad.zraw"), junk);
        Path mhd = text("bad.mhd", "NDims = 3\nDimSize = 7 5 3\nCompressedData = True\n"
                + "ElementType = MET_SHORT\nElementDataFile = bad.zraw\n");
        assertRejected(dir.resolve("bad.zraw"), () -> ImageFiles.read(mhd), "corrupt zlib");
    }

    @Test
    void everyErrorIsABadInputException() {
        Path p = dir.resolve("x.png");
        BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.read(p));
        assertTrue(e instanceof ImageFormatException);
    }
}
