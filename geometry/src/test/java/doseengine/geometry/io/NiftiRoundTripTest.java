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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Write then read NIfTI-1 for every written type, plain and gzipped, on oblique right- and left-handed grids.
 * Voxel values must come back bit for bit. Geometry goes through float32 header fields: half an ulp of a
 * 250 mm coordinate is 7.6e-6 mm and of a unit cosine 6e-8, so 2e-5 mm and 5e-7 are honest bounds.
 */
class NiftiRoundTripTest {
    static final double TOL_MM = 2e-5, TOL_COS = 5e-7;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String ext : new String[] {".nii", ".nii.gz"}) {
            for (String grid : new String[] {"oblique", "leftHanded"}) {
                b.add(Arguments.of("float32", ext, grid));
                b.add(Arguments.of("int16", ext, grid));
                b.add(Arguments.of("uint8", ext, grid));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void roundTripKeepsDataTypeAndGeometry(String type, String ext, String gridName) {
        VoxelGrid grid = gridName.equals("oblique") ? TestGrids.oblique() : TestGrids.leftHanded();
        Function<VoxelGrid, Volume> make = switch (type) {
            case "float32" -> TestGrids::floats;
            case "int16" -> TestGrids::shorts;
            default -> TestGrids::bytes;
        };
        Volume written = make.apply(grid);
        Path file = dir.resolve("image" + ext);
        ImageFiles.write(file, written);
        Volume read = ImageFiles.read(file);

        assertEquals(written.getClass(), read.getClass(), "volume type");
        TestGrids.assertGeometry(grid, read.grid(), TOL_MM, TOL_COS);
        if (written instanceof FloatVolume f) {
            assertArrayEquals(f.data(), assertInstanceOf(FloatVolume.class, read).data());
        } else if (written instanceof ShortVolume s) {
            assertArrayEquals(s.data(), assertInstanceOf(ShortVolume.class, read).data());
        } else {
            assertArrayEquals(((ByteVolume) written).data(), assertInstanceOf(ByteVolume.class, read).data());
        }
        // A world point computed through the read grid lands where the original grid puts it.
        double[] want = grid.indexToWorld(6, 4, 2);
        assertArrayEquals(want, read.grid().indexToWorld(6, 4, 2), 1e-4);
    }

    /**
     * Readers that ignore the sform (or files whose sform is later cleared) must still get the same grid from the
     * written qform: zero sform_code in the written bytes and read again. The quaternion is float32, so the
     * direction tolerance is a few float ulps.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"oblique", "leftHanded"})
    void writtenQformAloneGivesTheSameGrid(String gridName) throws IOException {
        VoxelGrid grid = gridName.equals("oblique") ? TestGrids.oblique() : TestGrids.leftHanded();
        Path file = dir.resolve("q.nii");
        ImageFiles.write(file, TestGrids.shorts(grid));
        byte[] all = Files.readAllBytes(file);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0); // sform_code
        Files.write(file, all);
        TestGrids.assertGeometry(grid, ImageFiles.read(file).grid(), TOL_MM, 1e-6);
    }
}
