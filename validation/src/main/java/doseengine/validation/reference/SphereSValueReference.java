package doseengine.validation.reference;

import doseengine.geometry.BadInputException;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.io.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's table of sphere self-dose S values ({@code --reference FILE}): CSV with the columns
 * {@code nuclide,mass_g,S_mGy_per_MBq_s} (others ignored), for unit-density spheres in soft tissue. Its values are
 * shown beside the engine's, not judged (their precision is not known); the project's own sphere reference is
 * {@link OlindaSphereTable}. Every problem of the file is one line naming the file, the line and the value.
 */
public final class SphereSValueReference {
    /** Two masses are the same sphere when they differ by less than this fraction. */
    private static final double MASS_MATCH = 1e-6;

    private final String source;
    private final List<Entry> entries;

    /** One reference value. */
    public record Entry(String nuclide, double massG, double sMilliGrayPerMBqS) {
    }

    private SphereSValueReference(String source, List<Entry> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableList(entries);
    }

    /** Reads and checks a user's file. */
    public static SphereSValueReference read(Path file) {
        return of(CsvTable.read(file));
    }

    /** Checks a parsed table: known nuclides, positive masses and S values, no duplicate sphere. */
    public static SphereSValueReference of(CsvTable csv) {
        csv.requireColumns("nuclide", "mass_g", "S_mGy_per_MBq_s");
        List<Entry> entries = new ArrayList<>();
        for (CsvTable.Row r : csv.rows()) {
            String nuclide;
            try {
                nuclide = NuclideCatalog.get(r.text("nuclide")).name();
            } catch (BadInputException e) {
                throw new BadInputException(csv.source() + " line " + r.line() + ": " + e.getMessage());
            }
            Entry e = new Entry(nuclide, r.positive("mass_g"), r.positive("S_mGy_per_MBq_s"));
            for (Entry other : entries) {
                if (other.nuclide().equals(e.nuclide()) && sameMass(other.massG(), e.massG())) {
                    throw new BadInputException(String.format(Locale.ROOT, "%s line %d: %s %s g is given twice",
                            csv.source(), r.line(), nuclide, r.text("mass_g")));
                }
            }
            entries.add(e);
        }
        if (entries.isEmpty()) {
            throw new BadInputException(csv.source() + ": no reference values (only a header)");
        }
        return new SphereSValueReference(csv.source(), entries);
    }

    /** The file the values came from. */
    public String source() {
        return source;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The value for this nuclide (canonical name) and mass, if the table has one. */
    public Optional<Entry> find(String nuclide, double massG) {
        return entries.stream().filter(e -> e.nuclide().equals(nuclide) && sameMass(e.massG(), massG)).findFirst();
    }

    private static boolean sameMass(double a, double b) {
        return Math.abs(a - b) <= MASS_MATCH * Math.max(a, b);
    }
}
