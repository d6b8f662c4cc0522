package doseengine.geometry.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Key = value} lines of a MetaImage header, up to and including {@code ElementDataFile}, which
 * MetaIO defines as the last field (in an {@code .mha} the voxels start on the next byte). Keys are
 * case-sensitive as in MetaIO; spaces around keys, values and '=' are ignored, and so are keys this reader
 * does not use.
 */
final class MetaImageHeader {
    /** A header longer than this is not a header: a binary file under a MetaImage name. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    static final String DATA_FILE_KEY = "ElementDataFile";

    private final Map<String, String> fields;
    private final long length;
    private final Path file;

    private MetaImageHeader(Map<String, String> fields, long length, Path file) {
        this.fields = fields;
        this.length = length;
        this.file = file;
    }

    /** Reads header lines from {@code in}, leaving it on the first byte after the ElementDataFile line. */
    static MetaImageHeader read(InputStream in, Path file) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        int lineNo = 0;
        while (true) {
            int b = in.read();
            if (b >= 0) {
                length++;
                if (length > MAX_HEADER_BYTES) {
                    throw new ImageFormatException(file, "no " + DATA_FILE_KEY + " line in the first "
                            + MAX_HEADER_BYTES + " bytes: not a MetaImage header");
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
            }
            lineNo++;
            String text = line.toString(StandardCharsets.ISO_8859_1).strip();
            line.reset();
            if (!text.isEmpty()) {
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    throw new ImageFormatException(file, "header line " + lineNo + " is not 'Key = value': "
                            + abbreviate(text));
                }
                String key = text.substring(0, eq).strip();
                fields.put(key, text.substring(eq + 1).strip());
                if (key.equals(DATA_FILE_KEY)) {
                    return new MetaImageHeader(fields, length, file);
                }
            }
            if (b < 0) {
                throw new ImageFormatException(file, "the header has no " + DATA_FILE_KEY + " line");
            }
        }
    }

    /** Bytes from the start of the file to the first byte after the ElementDataFile line. */
    long length() { return length; }

    boolean has(String key) { return fields.containsKey(key); }

    /** The value of the first of {@code keys} present, or null. */
    String first(String... keys) {
        for (String k : keys) {
            String v = fields.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    String required(String key) {
        String v = fields.get(key);
        if (v == null || v.isEmpty()) {
            throw new ImageFormatException(file, "the header has no " + key + " value");
        }
        return v;
    }

    /** {@code count} numbers from the first of {@code keys} present, or null when none is. */
    double[] numbers(int count, String... keys) {
        String v = first(keys);
        if (v == null) {
            return null;
        }
        String[] tokens = v.isEmpty() ? new String[0] : v.split("\\s+");
        if (tokens.length != count) {
            throw new ImageFormatException(file, keyOf(keys) + " must hold " + count + " numbers, got '" + v + "'");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(tokens[i]);
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, keyOf(keys) + " = '" + v + "' is not a list of numbers", e);
            }
        }
        return out;
    }

    long integer(String key, long defaultValue) {
        String v = fields.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ImageFormatException(file, key + " = '" + v + "' is not a whole number", e);
        }
    }

    /** MetaIO's booleans: True/False (any case), T/F, 1/0. */
    boolean bool(String key, boolean defaultValue) {
        String v = fields.get(key);
        if (v == null) {
            return defaultValue;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1":
                return true;
            case "false", "f", "0":
                return false;
            default:
                throw new ImageFormatException(file, key + " = '" + v + "' is neither True nor False");
        }
    }

    private String keyOf(String... keys) {
        for (String k : keys) {
            if (fields.containsKey(k)) {
                return k;
            }
        }
        return keys[0];
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
