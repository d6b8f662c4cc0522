package doseengine.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.BadInputException;
import doseengine.io.ActivityUnit;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.NuclideCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a study file (format: docs/study.md) into a {@link Study}. Strict: an unknown key, a wrong type, a missing
 * or inconsistent value, a file that does not exist is refused with one line naming the field by its place in the
 * file, e.g. {@code study.json: cycles[0].time_points[1]: give either "hours" or "acquired", not both}. Paths are
 * relative to the study file's folder unless absolute; only their existence is checked here.
 */
public final class StudyFile {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> STUDY_KEYS = List.of("nuclide", "method", "time_zone", "cycles", "limits",
            "effective_half_lives", "single_time_point");
    private static final List<String> CYCLE_KEYS = List.of("name", "administered_MBq", "injection", "time_points");
    private static final List<String> TIME_POINT_KEYS =
            List.of("ct", "activity", "activity_unit", "labels", "structures", "hours", "acquired");
    /** A cycle's name becomes a folder of the output. */
    private static final Pattern CYCLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private StudyFile() {
    }

    /**
     * The study in {@code file}.
     *
     * @throws BadInputException one line starting with {@code file} and naming the field
     */
    public static Study read(Path file) {
        JsonObjectAt root = new JsonObjectAt(file, "", parse(file), STUDY_KEYS);
        String nuclideName = root.requiredText("nuclide");
        Nuclide nuclide = nuclide(root, nuclideName);
        DoseMethod method = method(root);
        ZoneId zone = zone(root);
        StudyClock clock = new StudyClock(zone);
        List<Cycle> cycles = new ArrayList<>();
        Map<String, Cycle> byName = new HashMap<>();
        List<JsonObjectAt> cycleObjects = root.objects("cycles", CYCLE_KEYS);
        for (int i = 0; i < cycleObjects.size(); i++) {
            Cycle c = cycle(cycleObjects.get(i), i, clock);
            Cycle same = byName.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
            if (same != null) {
                throw cycleObjects.get(i).refuse(c.field() + ": name \"" + c.name() + "\" is also the name of "
                        + same.field() + " (names are folders of the output, compared ignoring case)");
            }
            cycles.add(c);
        }
        return new Study(nuclide, method, cycles, root.existingPath("limits", false), zone, file,
                root.existingPath("effective_half_lives", false), singleTimePoint(root));
    }

    private static JsonNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonNode node = JSON.readTree(parser);
            if (node == null) {
                throw new BadInputException(file + ": empty; a study file is a JSON object");
            }
            if (parser.nextToken() != null) {
                throw new BadInputException(file + ": not valid JSON: more after the end of the object"
                        + at(parser.currentTokenLocation()));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not valid JSON: " + withoutSource(e.getOriginalMessage())
                    + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Nuclide nuclide(JsonObjectAt root, String name) {
        try {
            return NuclideCatalog.get(name);
        } catch (BadInputException e) {
            throw root.refuse("\"nuclide\": " + e.getMessage());
        }
    }

    private static DoseMethod method(JsonObjectAt root) {
        String text = root.text("method");
        if (text == null) {
            return DoseMethod.ORGAN;
        }
        return DoseMethod.fromLabel(text).orElseThrow(
                () -> root.refuse("\"method\" must be \"organ\" or \"voxel\", got \"" + text + "\""));
    }

    private static SingleTimePointRule singleTimePoint(JsonObjectAt root) {
        String text = root.text("single_time_point");
        if (text == null) {
            return SingleTimePointRule.POPULATION;
        }
        return SingleTimePointRule.fromLabel(text).orElseThrow(() -> root.refuse(
                "\"single_time_point\" must be \"population\" or \"haenscheid\", got \"" + text + "\""));
    }

    private static ZoneId zone(JsonObjectAt root) {
        String text = root.text("time_zone");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw root.refuse("\"time_zone\" must be a time-zone name such as Europe/Paris, got \"" + text + "\"");
        }
    }

    private static Cycle cycle(JsonObjectAt c, int index, StudyClock clock) {
        String name = c.text("name");
        if (name == null) {
            name = "C" + (index + 1);
        } else if (!CYCLE_NAME.matcher(name).matches()) {
            throw c.refuse(c.prefix() + "\"name\" must be usable as a folder name (letters, digits, '.', '-', '_', "
                    + "not starting with '.', '-' or '_'), got \"" + name + "\"");
        }
        double administered = c.requiredPositive("administered_MBq", "number of MBq");
        StudyTime injection = StudyTime.parse(c, "injection");
        List<ImagingTimePoint> points = new ArrayList<>();
        for (JsonObjectAt tp : c.objects("time_points", TIME_POINT_KEYS)) {
            points.add(timePoint(tp, injection, clock));
        }
        points.sort(Comparator.comparingDouble(ImagingTimePoint::hoursAfterInjection));
        for (int i = 1; i < points.size(); i++) {
            ImagingTimePoint a = points.get(i - 1);
            ImagingTimePoint b = points.get(i);
            if (a.hoursAfterInjection() == b.hoursAfterInjection()) {
                // The sort is stable: a comes first in the file.
                throw c.refuse(c.place() + ": two time points at " + StudyClock.hours(a.hoursAfterInjection())
                        + " h (" + local(a.field()) + " and " + local(b.field()) + ")");
            }
        }
        return new Cycle(c.place(), name, administered, injection == null ? null : injection.local(), points);
    }

    private static ImagingTimePoint timePoint(JsonObjectAt tp, StudyTime injection, StudyClock clock) {
        Path ct = requiredPath(tp, "ct", true);
        Path activity = requiredPath(tp, "activity", true);
        ActivityUnit unit = activityUnit(tp);
        StructureSource structures = structures(tp);
        StudyTime acquired = StudyTime.parse(tp, "acquired");
        double hours = hours(tp, acquired, injection, clock);
        return new ImagingTimePoint(tp.place(), hours, acquired == null ? null : acquired.local(), ct, activity, unit,
                structures);
    }

    private static double hours(JsonObjectAt tp, StudyTime acquired, StudyTime injection, StudyClock clock) {
        JsonNode given = tp.number("hours");
        if (given != null && acquired != null) {
            throw tp.refuse(tp.place() + ": give either \"hours\" or \"acquired\", not both");
        }
        if (given != null) {
            double h = given.asDouble();
            if (!(h > 0) || !Double.isFinite(h)) {
                throw tp.refuse(tp.placeOf("hours") + " must be a positive number of hours after the injection, got "
                        + given);
            }
            return h;
        }
        if (acquired == null) {
            throw tp.refuse(tp.place() + ": give \"hours\" after the injection or the \"acquired\" time");
        }
        if (injection == null) {
            throw tp.refuse(tp.placeOf("acquired") + " needs the cycle's \"injection\" time");
        }
        double h = clock.hoursBetween(injection.local(), acquired.local());
        if (!(h > 0)) {
            throw tp.refuse(tp.placeOf("acquired") + " " + acquired.text() + " is " + (h < 0 ? "before" : "at")
                    + " the injection " + injection.text());
        }
        return h;
    }

    private static Path requiredPath(JsonObjectAt tp, String key, boolean folderAllowed) {
        Path p = tp.existingPath(key, folderAllowed);
        if (p == null) {
            throw tp.refuse(tp.prefix() + "\"" + key + "\" is missing");
        }
        return p;
    }

    private static ActivityUnit activityUnit(JsonObjectAt tp) {
        String text = tp.text("activity_unit");
        if (text == null) {
            return null;
        }
        ActivityUnit unit = ActivityUnit.fromText(text).orElse(null);
        if (unit == null || !unit.needsIntegrationHours()) {
            throw tp.refuse(tp.prefix() + "\"activity_unit\" must be an activity, \"MBq\" (per voxel) or \"Bq/ml\", "
                    + "got \"" + text + "\"");
        }
        return unit;
    }

    private static StructureSource structures(JsonObjectAt tp) {
        boolean labels = tp.has("labels");
        boolean rtstruct = tp.has("structures");
        if (labels && rtstruct) {
            throw tp.refuse(tp.place() + ": give either \"labels\" or \"structures\", not both");
        }
        if (!labels && !rtstruct) {
            throw tp.refuse(tp.place() + ": give \"labels\" (a label image) or \"structures\" (a DICOM RTSTRUCT)");
        }
        StructureSource.Kind kind = labels ? StructureSource.Kind.LABEL_IMAGE : StructureSource.Kind.RTSTRUCT;
        return new StructureSource(kind, tp.existingPath(kind.key(), false));
    }

    /** {@code cycles[0].time_points[2]} to {@code time_points[2]}. */
    private static String local(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's message on one line, without its "(... at [Source: ...])": the line and column follow it. */
    private static String withoutSource(String message) {
        String s = String.valueOf(message);
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        int source = s.indexOf("[Source:");
        int open = source < 0 ? -1 : s.lastIndexOf(" (", source);
        return open < 0 ? s : s.substring(0, open);
    }
}
