package doseengine.study;

import doseengine.dosimetry.kinetics.EffectiveHalfLives;
import doseengine.geometry.BadInputException;
import doseengine.physics.decay.Nuclide;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A patient's treatment as the study file describes it ({@link StudyFile#read(Path)}; format in docs/study.md).
 *
 * @param nuclide    the administered radionuclide
 * @param method     how a cycle's dose is computed
 * @param cycles     at least one, in file order, names unique ignoring case
 * @param limitsFile the user's table of limits (an existing file), or null for the default table
 * @param timeZone   the zone of the study's local times, or null: then hours between two times are clock
 *                   differences, as if no daylight-saving change fell between them
 * @param source     the study file, as given to the reader; messages start with it
 * @param halfLivesFile    the user's table of population effective half-lives (an existing file, or
 *                         {@code builtin:NAME} for a built-in table), or null: the default, empty table
 * @param singleTimePoint  which method a single-time-point cycle uses per structure
 */
public record Study(Nuclide nuclide, DoseMethod method, List<Cycle> cycles, Path limitsFile, ZoneId timeZone,
        Path source, Path halfLivesFile, SingleTimePointRule singleTimePoint) {
    /** A study without a half-life table: Hänscheid for every single time point. */
    public Study(Nuclide nuclide, DoseMethod method, List<Cycle> cycles, Path limitsFile, ZoneId timeZone,
            Path source) {
        this(nuclide, method, cycles, limitsFile, timeZone, source, null, SingleTimePointRule.POPULATION);
    }

    public Study {
        cycles = List.copyOf(cycles);
    }

    /** This study with another half-life table ({@code study --effective-half-lives} replaces the file's). */
    public Study withHalfLives(Path table) {
        return new Study(nuclide, method, cycles, limitsFile, timeZone, source, table, singleTimePoint);
    }

    /**
     * The population effective half-lives: the file's or built-in table, else the default (empty) table.
     *
     * @throws BadInputException one line naming the table and the field
     */
    public EffectiveHalfLives halfLives() {
        if (halfLivesFile == null) {
            return EffectiveHalfLives.empty();
        }
        String text = halfLivesFile.toString();
        return text.startsWith(BUILT_IN) ? EffectiveHalfLives.builtIn(text.substring(BUILT_IN.length()))
                : EffectiveHalfLives.read(halfLivesFile);
    }

    /** The prefix of a built-in half-life table's name. */
    public static final String BUILT_IN = "builtin:";

    /**
     * Checks that every time point of a cycle has the same structures: a time-activity curve needs each structure at
     * each time point. The study file cannot tell (the names are inside the label images and RTSTRUCTs); the study
     * command calls this once it can read them. Cycles may differ from one another (a lesion first seen in cycle 2).
     *
     * @param namesOf the structure names of a time point's label image or RTSTRUCT
     * @throws BadInputException one line naming the time point that lacks a structure another one of its cycle has
     */
    public void requireSameStructures(Function<StructureSource, Set<String>> namesOf) {
        for (Cycle c : cycles) {
            ImagingTimePoint first = c.timePoints().get(0);
            Set<String> reference = namesOf.apply(first.structures());
            for (ImagingTimePoint tp : c.timePoints().subList(1, c.timePoints().size())) {
                Set<String> names = namesOf.apply(tp.structures());
                requireAll(tp, names, first, reference);
                requireAll(first, reference, tp, names);
            }
        }
    }

    private void requireAll(ImagingTimePoint lacking, Set<String> has, ImagingTimePoint other, Set<String> wanted) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(has);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
            throw new BadInputException(source + ": " + lacking.field() + "." + lacking.structures().kind().key()
                    + ": no structure " + names + ", which " + relative(other.field(), lacking.field()) + " has");
        }
    }

    /** {@code cycles[0].time_points[2]} seen from {@code cycles[0].time_points[0]}: {@code time_points[2]}. */
    private static String relative(String field, String from) {
        int dot = field.lastIndexOf('.');
        return dot > 0 && from.startsWith(field.substring(0, dot + 1)) ? field.substring(dot + 1) : field;
    }
}
