package doseengine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code labels.json}: the names of the values of a label image, beside it. Format:
 * {@code {"labels": [{"value": 1, "name": "liver", ...}, ...]}}; any further keys per label (voxels, volume,
 * activity) are information for people and other tools, and are ignored on reading.
 */
public final class LabelNamesJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabelNamesJson() {}

    /** A fresh root object with an empty {@code labels} array, for a writer to fill. */
    public static ObjectNode newDocument() {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("labels");
        return root;
    }

    public static ObjectNode addLabel(ObjectNode root, int value, String name) {
        ObjectNode l = ((ArrayNode) root.get("labels")).addObject();
        l.put("value", value);
        l.put("name", name);
        return l;
    }

    public static void write(Path file, ObjectNode root) {
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Label value to name. */
    public static Map<Integer, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": label names file not found");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
        JsonNode labels = root.get("labels");
        if (labels == null || !labels.isArray()) {
            throw new BadInputException(file + ": expected an object with a \"labels\" array");
        }
        Map<Integer, String> names = new TreeMap<>();
        for (JsonNode l : labels) {
            JsonNode v = l.get("value");
            JsonNode n = l.get("name");
            if (v == null || !v.canConvertToInt() || n == null || !n.isTextual() || n.asText().isBlank()) {
                throw new BadInputException(file + ": each label needs an integer \"value\" and a \"name\": " + l);
            }
            if (v.asInt() <= 0 || v.asInt() > Short.MAX_VALUE) {
                throw new BadInputException(file + ": label value " + v.asInt() + " is outside 1.." + Short.MAX_VALUE);
            }
            if (names.put(v.asInt(), n.asText()) != null) {
                throw new BadInputException(file + ": label value " + v.asInt() + " appears twice");
            }
        }
        return names;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
