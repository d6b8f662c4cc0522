package doseengine.study;

import com.fasterxml.jackson.databind.JsonNode;
import doseengine.geometry.BadInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A JSON object of the study file and its place in it ({@code cycles[0].time_points[1]}), read strictly: every
 * problem is one line, {@code <file>: <place>: <problem>}. A key with the value {@code null} counts as absent.
 */
final class JsonObjectAt {
    private final Path file;
    private final String place;
    private final JsonNode node;

    /** The object {@code node} at {@code place} ("" for the root) of {@code file}, refusing any key not in {@code known}. */
    JsonObjectAt(Path file, String place, JsonNode node, List<String> known) {
        this.file = file;
        this.place = place;
        this.node = node;
        if (!node.isObject()) {
            throw refuse((place.isEmpty() ? "the file" : place) + " must be a JSON object, got " + shorten(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw refuse(prefix() + "unknown key \"" + key + "\" (known: " + String.join(", ", known) + ")");
            }
        }
    }

    /** Where this object is, e.g. {@code cycles[0]}; "" for the root. */
    String place() {
        return place;
    }

    /** The place of one of its keys, e.g. {@code cycles[0].injection}. */
    String placeOf(String key) {
        return place.isEmpty() ? key : place + "." + key;
    }

    boolean has(String key) {
        JsonNode n = node.get(key);
        return n != null && !n.isNull();
    }

    /** The exception for a problem with this object: {@code <file>: <place>: <what>}. */
    BadInputException refuse(String what) {
        return new BadInputException(file + ": " + what);
    }

    /** {@code "<place>: "}, or "" at the root. */
    String prefix() {
        return place.isEmpty() ? "" : place + ": ";
    }

    /** The string at {@code key}, or null when absent. */
    String text(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode n = node.get(key);
        if (!n.isTextual()) {
            throw refuse(prefix() + "\"" + key + "\" must be a string, got " + shorten(n));
        }
        return n.asText();
    }

    /** The string at {@code key}, refusing its absence. */
    String requiredText(String key) {
        return require(key, text(key));
    }

    /** The number at {@code key} as its JSON node (for messages that echo it), or null when absent. */
    JsonNode number(String key) {
        if (!has(key)) {
            return null;
        }
        JsonNode n = node.get(key);
        if (!n.isNumber()) {
            throw refuse(prefix() + "\"" + key + "\" must be a number, got " + shorten(n));
        }
        return n;
    }

    /**
     * The positive, finite number at {@code key}.
     *
     * @param what the quantity in the message, e.g. "number of MBq"
     */
    double requiredPositive(String key, String what) {
        JsonNode n = require(key, has(key) ? node.get(key) : null);
        if (!n.isNumber() || !(n.asDouble() > 0) || !Double.isFinite(n.asDouble())) {
            throw refuse(prefix() + "\"" + key + "\" must be a positive " + what + ", got " + shorten(n));
        }
        return n.asDouble();
    }

    /** The objects of the non-empty array at {@code key}, each at {@code key[i]} and refusing keys not in {@code known}. */
    List<JsonObjectAt> objects(String key, List<String> known) {
        JsonNode n = require(key, has(key) ? node.get(key) : null);
        if (!n.isArray()) {
            throw refuse(prefix() + "\"" + key + "\" must be a list, got " + shorten(n));
        }
        if (n.isEmpty()) {
            throw refuse(prefix() + "\"" + key + "\" is empty; give at least one");
        }
        List<JsonObjectAt> list = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            list.add(new JsonObjectAt(file, placeOf(key) + "[" + i + "]", n.get(i), known));
        }
        return list;
    }

    /**
     * The path at {@code key}, relative to the study file's folder unless absolute, which must exist; null when absent.
     *
     * @param folderAllowed whether a folder will do (a DICOM series) or it must be a file
     */
    Path existingPath(String key, boolean folderAllowed) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw refuse(prefix() + "\"" + key + "\" must be a path, got \"\"");
        }
        Path folder = file.toAbsolutePath().getParent();
        Path path;
        try {
            path = folder.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw refuse(prefix() + "\"" + key + "\" is not a path: " + e.getReason());
        }
        if (!Files.exists(path)) {
            throw refuse(placeOf(key) + ": no such " + (folderAllowed ? "file or folder " : "file ") + text);
        }
        if (!folderAllowed && Files.isDirectory(path)) {
            throw refuse(placeOf(key) + ": " + text + " is a folder, not a file");
        }
        return path;
    }

    private <T> T require(String key, T value) {
        if (value == null) {
            throw refuse(prefix() + "\"" + key + "\" is missing");
        }
        return value;
    }

    /** The value as JSON, cut to keep the message one short line. */
    private static String shorten(JsonNode n) {
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
