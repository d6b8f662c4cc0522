package doseengine.phantoms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The HU bins of the Schneider 2000 material table (test resource; see PROVENANCE.md beside it). */
final class SchneiderBins {
    /** A material bin [lower, upper) in HU. */
    record Bin(String material, int lower, int upper) {
        /** Distance (HU) from hu to the nearer bin edge; negative when hu is outside. */
        int margin(int hu) {
            return Math.min(hu - lower, upper - 1 - hu);
        }
    }

    private final List<Bin> bins;

    private SchneiderBins(List<Bin> bins) {
        this.bins = bins;
    }

    static SchneiderBins load() {
        try (InputStream in = SchneiderBins.class.getResourceAsStream("schneider2000_materials.csv")) {
            if (in == null) {
                throw new IllegalStateException("test resource schneider2000_materials.csv is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<int[]> lowers = new ArrayList<>();
            List<String> names = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("HU_lower") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                lowers.add(new int[] {Integer.parseInt(f[0].trim())});
                names.add(f[f.length - 1].trim());
            }
            List<Bin> bins = new ArrayList<>();
            for (int i = 0; i + 1 < lowers.size(); i++) {
                bins.add(new Bin(names.get(i), lowers.get(i)[0], lowers.get(i + 1)[0]));
            }
            return new SchneiderBins(bins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bin holding hu. */
    Bin binOf(int hu) {
        for (Bin b : bins) {
            if (hu >= b.lower() && hu < b.upper()) {
                return b;
            }
        }
        throw new IllegalArgumentException("HU " + hu + " is outside the Schneider table");
    }
}
