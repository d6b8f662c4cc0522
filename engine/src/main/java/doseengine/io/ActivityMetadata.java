package doseengine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a JSON file beside an activity image says about it: the unit of its voxel values and, when known, the
 * activity administered. {@code doseengine phantom} writes it ({@code activity.json}), so that {@code run} on a
 * phantom's folder reads the activity in the unit it was written in instead of the default MBq h.
 *
 * <p>Where: {@code <stem>.json} beside the image ({@code activity.nii.gz} -> {@code activity.json}), else
 * {@code labels.json} in the same folder, whichever first has an {@code activity_unit} (phantom folders written
 * before the sidecar existed keep it in labels.json; a JSON without it, such as the BIDS sidecar dcm2niix writes, is
 * passed over). Keys: {@code activity_unit} ("MBq per voxel", "MBq h per voxel", "MBq s per voxel" or
 * "Bq/ml"; the short forms of {@code --activity-unit} too), optionally {@code administered_MBq}.
 *
 * @param source         the file it was read from
 * @param unit           the unit of the image's voxel values
 * @param administeredMBq the administered activity, or null
 */
public record ActivityMetadata(Path source, ActivityUnit unit, Double administeredMBq) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The metadata beside {@code activity}, or null when there is none. */
    public static ActivityMetadata find(Path activity) {
        // A JSON beside an image without activity_unit is another tool's (dcm2niix writes one beside every image it
        // converts): it says nothing about the unit, so it is passed over.
        Path sidecar = DoseProblems.jsonBeside(activity);
        ActivityMetadata m = Files.isRegularFile(sidecar) ? read(sidecar) : null;
        if (m != null) {
            return m;
        }
        Path labels = sidecar.resolveSibling("labels.json");
        return Files.isRegularFile(labels) ? read(labels) : null;
    }

    /** The metadata in {@code file}; null when it has no {@code activity_unit}. */
    static ActivityMetadata read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
        JsonNode unit = root == null ? null : root.get("activity_unit");
        if (unit == null) {
            return null;
        }
        if (!unit.isTextual()) {
            throw new BadInputException(file + ": \"activity_unit\" must be a string such as \"MBq per voxel\"");
        }
        Double administered = null;
        JsonNode a = root.get("administered_MBq");
        if (a != null && !a.isNull()) {
            if (!a.isNumber() || !(a.asDouble() > 0) || !Double.isFinite(a.asDouble())) {
                throw new BadInputException(file + ": \"administered_MBq\" must be a positive number, got " + a);
            }
            administered = a.asDouble();
        }
        return new ActivityMetadata(file, parseUnit(file, unit.asText()), administered);
    }

    /** "MBq per voxel", "MBq h per voxel", "MBq s per voxel", "Bq/ml", or a spelling of --activity-unit. */
    static ActivityUnit parseUnit(Path file, String text) {
        return ActivityUnit.fromText(text).orElseThrow(() -> new BadInputException(file + ": unknown \"activity_unit\" '"
                + text + "'; use \"MBq per voxel\", \"MBq h per voxel\", \"MBq s per voxel\" or \"Bq/ml\""));
    }

    /** Writes the sidecar of an image holding {@code unit}, e.g. {@code "MBq per voxel"}. */
    public static void write(Path file, String unit, String quantity, double administeredMBq) {
        ObjectNode root = JSON.createObjectNode();
        root.put("activity_unit", unit);
        root.put("quantity", quantity);
        root.put("administered_MBq", administeredMBq);
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** How {@code run} names the unit's source in its notes. */
    public String describe() {
        return source.getFileName() + " says " + unit.label() + (unit == ActivityUnit.BQ_PER_ML ? "" : " per voxel");
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
