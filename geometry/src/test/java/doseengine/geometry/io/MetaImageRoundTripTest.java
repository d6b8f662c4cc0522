package doseengine.geometry.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write then read MetaImage (.mhd + .raw and .mha, plain and zlib-compressed) for every written type on oblique
 * right- and left-handed grids. The header holds doubles as shortest round-trip decimals, so geometry must come
 * back to 1e-12 (the only change allowed is the orthonormal snap, a few ulp).
 */
class MetaImageRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String ext : new String[] {".mhd", ".mha"}) {
            for (boolean compress : new boolean[] {false, true}) {
                for (String type : new String[] {"float32", "int16", "uint8"}) {
                    b.add(Arguments.of(type, ext, compress, "oblique"));
                }
            }
            b.add(Arguments.of("float32", ext, false, "leftHanded"));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} compressed={2} {3}")
    @MethodSource("cases")
    void roundTripKeepsDataTypeAndGeometry(String type, String ext, boolean compress, String gridName) {
        VoxelGrid grid = gridName.equals("oblique") ? TestGrids.oblique() : TestGrids.leftHanded();
        Function<VoxelGrid, Volume> make = switch (type) {
            case "float32" -> TestGrids::floats;
            case "int16" -> TestGrids::shorts;
            default -> TestGrids::bytes;
        };
        Volume written = make.apply(grid);
        Path file = dir.resolve("image" + ext);
        MetaImageWriter.write(file, written, compress);
        if (ext.equals(".mhd")) {
            assertTrue(Files.exists(dir.resolve(compress ? "image.zraw" : "image.raw")), "data file beside header");
        }
        Volume read = ImageFiles.read(file);

        assertEquals(written.getClass(), read.getClass(), "volume type");
        TestGrids.assertGeometry(grid, read.grid(), 1e-12, 1e-12);
        if (written instanceof FloatVolume f) {
            assertArrayEquals(f.data(), assertInstanceOf(FloatVolume.class, read).data());
        } else if (written instanceof ShortVolume s) {
            assertArrayEquals(s.data(), assertInstanceOf(ShortVolume.class, read).data());
        } else {
            assertArrayEquals(((ByteVolume) written).data(), assertInstanceOf(ByteVolume.class, read).data());
        }
    }
}
