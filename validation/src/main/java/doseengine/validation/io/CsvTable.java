package doseengine.validation.io;

import doseengine.geometry.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small comma-separated table with a header row: blank lines and lines starting with {@code #} are skipped,
 * fields are trimmed, quoting is not supported (no field of the project's reference tables needs it). Every
 * error names the source and the line: these tables come from users as well as from the resources.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private CsvTable(String source, List<String> header, Map<String, Integer> columns, List<Row> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.columns = columns;
        this.rows = List.copyOf(rows);
    }

    /** Reads a user's file. */
    public static CsvTable read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a classpath resource of {@code owner}; a missing resource is a broken build, not bad input. */
    public static CsvTable readResource(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /** Reads UTF-8 text; {@code source} names it in messages. */
    public static CsvTable read(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = null;
        Map<String, Integer> columns = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            String t = line.strip();
            if (number == 1 && t.startsWith("\uFEFF")) {
                t = t.substring(1).strip();
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            List<String> fields = Arrays.stream(t.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                header = fields;
                for (int c = 0; c < header.size(); c++) {
                    if (columns.put(header.get(c), c) != null) {
                        throw new BadInputException(source + " line " + number + ": column " + header.get(c)
                                + " appears twice in the header");
                    }
                }
                continue;
            }
            if (fields.size() != header.size()) {
                throw new BadInputException(source + " line " + number + ": " + fields.size() + " fields, the header "
                        + "has " + header.size() + " (" + String.join(",", header) + ")");
            }
            rows.add(new Row(source, number, fields, columns));
        }
        if (header == null) {
            throw new BadInputException(source + ": empty table (no header row)");
        }
        return new CsvTable(source, header, columns, rows);
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Checks that every named column is in the header.
     *
     * @throws BadInputException naming the missing columns and the header found
     */
    public CsvTable requireColumns(String... names) {
        List<String> missing = Arrays.stream(names).filter(n -> !columns.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new BadInputException(source + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (header: " + String.join(",", header) + ")");
        }
        return this;
    }

    /** One data row; fields are read by column name. */
    public static final class Row {
        private final String rowSource;
        private final int line;
        private final List<String> fields;
        private final Map<String, Integer> columns;

        private Row(String rowSource, int line, List<String> fields, Map<String, Integer> columns) {
            this.rowSource = rowSource;
            this.line = line;
            this.fields = fields;
            this.columns = columns;
        }

        public int line() {
            return line;
        }

        public String text(String column) {
            Integer c = columns.get(column);
            if (c == null) {
                throw new BadInputException(rowSource + ": no column " + column);
            }
            String v = fields.get(c);
            if (v.isEmpty()) {
                throw new BadInputException(rowSource + " line " + line + ": empty " + column);
            }
            return v;
        }

        /** A finite number. */
        public double number(String column) {
            String v = text(column);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new BadInputException(rowSource + " line " + line + ": " + column + " '" + v
                        + "' is not a finite number");
            }
        }

        public int integer(String column) {
            String v = text(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new BadInputException(rowSource + " line " + line + ": " + column + " '" + v
                        + "' is not an integer");
            }
        }

        /** A positive finite number. */
        public double positive(String column) {
            double d = number(column);
            if (!(d > 0)) {
                throw new BadInputException(String.format(Locale.ROOT, "%s line %d: %s must be positive, got %s",
                        rowSource, line, column, text(column)));
            }
            return d;
        }
    }
}
