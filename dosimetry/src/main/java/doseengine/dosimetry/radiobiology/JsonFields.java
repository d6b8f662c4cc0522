package doseengine.dosimetry.radiobiology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/** Strict reading of the radiobiology tables: every message one line naming the file and the field. */
final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {
    }

    static JsonNode parse(InputStream in, String file) {
        try (in) {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isObject()) {
                throw new BadInputException(file + ": must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    static void onlyKeys(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new BadInputException(where + ": unknown key \"" + k + "\"; allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    static JsonNode object(JsonNode parent, String key, String where) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw new BadInputException(where + ": \"" + key + "\" must be a JSON object");
        }
        return n;
    }

    static double number(JsonNode parent, String key, String where) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isNumber()) {
            throw new BadInputException(where + ": \"" + key + "\" must be a number");
        }
        return n.asDouble();
    }

    static String text(JsonNode parent, String key, String where, boolean required) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadInputException(where + ": \"" + key + "\" is missing");
            }
            return "";
        }
        if (!n.isTextual()) {
            throw new BadInputException(where + ": \"" + key + "\" must be a string");
        }
        return n.asText();
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
