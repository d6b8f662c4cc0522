package doseengine.geometry.io.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the series readers' fixtures with pydicom (series_fixtures.py beside this class's resources). */
final class SeriesFixtures {
    private SeriesFixtures() {}

    /** Runs {@code series_fixtures.py KIND DIR ARGS...}; see the script for what each kind holds. */
    static Path write(String kind, Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(kind, dir.toString()));
        all.addAll(List.of(args));
        ExternalTools.python(script("series_fixtures.py"), all.toArray(String[]::new));
        return dir;
    }

    /** The CT fixture's HU at (i, j) of sorted slice k: even values from -1000 to 998. */
    static int ctHu(int i, int j, int k) {
        return 2 * ((i * 7 + j * 13 + k * 101) % 1000) - 1000;
    }

    /** The NM and PET fixtures' stored value at (i, j) of slice k. */
    static int activityStored(int i, int j, int k) {
        return (i * 3 + j * 5 + k * 17) % 251 + 1;
    }

    /** A python fixture script kept beside this class's resources. */
    static String script(String name) {
        try (InputStream in = SeriesFixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
