package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the written NIfTI-1 header with a plain ByteBuffer at the offsets of nifti1.h, independently of
 * {@link NiftiReader}, so a reader and writer that share a mistake cannot pass together.
 */
class NiftiHeaderBytesTest {
    @TempDir
    Path dir;

    @Test
    void floatHeaderFieldsFollowNifti1() throws IOException {
        VoxelGrid g = TestGrids.oblique();
        Path file = dir.resolve("dose.nii");
        ImageFiles.write(file, TestGrids.floats(g));
        byte[] all = Files.readAllBytes(file);
        assertEquals(352 + 4L * g.voxelCount(), all.length, "header + extension flag + float32 voxels");
        checkHeader(ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN), g, 16, 32);
        // The first voxel right after vox_offset, little-endian float32.
        ByteBuffer data = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(TestGrids.floats(g).data()[5], data.getFloat(352 + 4 * 5));
    }

    @Test
    void gzippedShortHeaderFieldsFollowNifti1() throws IOException {
        VoxelGrid g = TestGrids.leftHanded();
        Path file = dir.resolve("ct.nii.gz");
        ImageFiles.write(file, TestGrids.shorts(g));
        byte[] all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            all = in.readAllBytes();
        }
        assertEquals(352 + 2L * g.voxelCount(), all.length);
        checkHeader(ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN), g, 4, 16);
        assertEquals(TestGrids.shorts(g).data()[7], ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN)
                .getShort(352 + 2 * 7));
    }

    @Test
    void byteHeaderDatatype() throws IOException {
        VoxelGrid g = TestGrids.oblique();
        Path file = dir.resolve("labels.nii");
        ImageFiles.write(file, TestGrids.bytes(g));
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        checkHeader(bb, g, 2, 8);
        assertEquals(352 + g.voxelCount(), bb.capacity());
    }

    private static void checkHeader(ByteBuffer bb, VoxelGrid g, int datatype, int bitpix) {
        assertEquals(348, bb.getInt(0), "sizeof_hdr");
        short[] dim = new short[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = bb.getShort(40 + 2 * i);
        }
        assertArrayEquals(new short[] {3, 7, 5, 3, 1, 1, 1, 1}, dim, "dim");
        assertEquals(datatype, bb.getShort(70), "datatype");
        assertEquals(bitpix, bb.getShort(72), "bitpix");
        float[] pixdim = new float[4];
        for (int i = 0; i < 4; i++) {
            pixdim[i] = bb.getFloat(76 + 4 * i);
        }
        double[] s = g.spacing();
        double[] d = g.direction();
        double det = d[0] * (d[4] * d[8] - d[5] * d[7]) - d[1] * (d[3] * d[8] - d[5] * d[6])
                + d[2] * (d[3] * d[7] - d[4] * d[6]);
        assertEquals(det < 0 ? -1f : 1f, pixdim[0], "qfac = pixdim[0] is the handedness");
        assertArrayEquals(new float[] {(float) s[0], (float) s[1], (float) s[2]}, Arrays.copyOfRange(pixdim, 1, 4),
                "pixdim = spacing");
        assertEquals(352f, bb.getFloat(108), "vox_offset");
        assertEquals(2, bb.get(123) & 0x07, "xyzt_units: mm");
        assertEquals(1, bb.getShort(252), "qform_code");
        assertEquals(1, bb.getShort(254), "sform_code");
        assertEquals("n+1\0", new String(bb.array(), 344, 4, StandardCharsets.US_ASCII), "magic");

        // sform = RAS affine: LPS rows x and y negated; columns are direction * spacing.
        double[] o = g.origin();
        double[] flip = {-1, -1, 1};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(flip[r] * d[3 * r + c] * s[c], bb.getFloat(280 + 16 * r + 4 * c), 1e-6,
                        "srow " + r + " column " + c);
            }
            assertEquals(flip[r] * o[r], bb.getFloat(280 + 16 * r + 12), 2e-5, "srow " + r + " offset");
            assertEquals(flip[r] * o[r], bb.getFloat(268 + 4 * r), 2e-5, "qoffset " + r);
        }

        // qform: rebuild the rotation from (b, c, d) with the formula of nifti1.h and compare to the sform.
        double b = bb.getFloat(256), c = bb.getFloat(260), dd = bb.getFloat(264);
        double a = Math.sqrt(Math.max(0, 1 - b * b - c * c - dd * dd));
        double[][] rot = {
            {a * a + b * b - c * c - dd * dd, 2 * b * c - 2 * a * dd, 2 * b * dd + 2 * a * c},
            {2 * b * c + 2 * a * dd, a * a + c * c - b * b - dd * dd, 2 * c * dd - 2 * a * b},
            {2 * b * dd - 2 * a * c, 2 * c * dd + 2 * a * b, a * a + dd * dd - c * c - b * b},
        };
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 3; col++) {
                double q = rot[r][col] * (col == 2 ? pixdim[0] : 1);
                assertEquals(flip[r] * d[3 * r + col], q, 1e-6, "qform rotation row " + r + " column " + col);
            }
        }
    }
}
