package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade picks the format from the file name, in any letter case. */
class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void gzExtensionWritesGzip() throws IOException {
        Path p = dir.resolve("CT.NII.GZ");
        ImageFiles.write(p, TestGrids.shorts(TestGrids.oblique()));
        byte[] head = Files.readAllBytes(p);
        assertEquals(0x1f, head[0] & 0xff, "gzip magic");
        assertEquals(0x8b, head[1] & 0xff, "gzip magic");
        assertArrayEquals(TestGrids.shorts(TestGrids.oblique()).data(),
                assertInstanceOf(ShortVolume.class, ImageFiles.read(p)).data());
    }

    @Test
    void mhdWritesUncompressedRawBeside() throws IOException {
        VoxelGrid g = TestGrids.oblique();
        Path p = dir.resolve("ct.mhd");
        ImageFiles.write(p, TestGrids.shorts(g));
        assertEquals(2L * g.voxelCount(), Files.size(dir.resolve("ct.raw")));
        assertTrue(Files.readString(p, StandardCharsets.US_ASCII).contains("CompressedData = False\n"));
    }

    @Test
    void analyzePairIsReadOnly() {
        Path p = dir.resolve("out.hdr");
        ImageFormatErrorsTest.assertRejected(p, () -> ImageFiles.write(p, TestGrids.bytes(TestGrids.oblique())),
                "unknown image format", ".nii");
    }
}
