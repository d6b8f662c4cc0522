package doseengine.geometry.ct;

import doseengine.geometry.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The comma-separated tables of the CT calibration: lines starting with {@code #} and blank lines are comments,
 * the first other line is the header, every further line one row. Columns are found by header name so a user's
 * file may add columns; every error names the file and the 1-based line.
 */
final class CalibrationCsv {
    /** One data line: its 1-based line number in the file and its fields, trimmed, in header order. */
    record Row(int line, String[] fields) {}

    private final String source;
    private final String[] header;
    private final List<Row> rows;

    private CalibrationCsv(String source, String[] header, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    static CalibrationCsv read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new BadInputException("cannot read calibration file " + file + ": " + e.getMessage(), e);
        }
    }

    static CalibrationCsv readResource(String resource) {
        InputStream in = CalibrationCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("calibration resource " + resource + " is missing from the classpath");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, "classpath:" + resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read calibration resource " + resource, e);
        }
    }

    static CalibrationCsv read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String[] header = null;
        List<Row> rows = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = in.readLine()) != null) {
            line++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] fields = t.split(",", -1);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = fields[f].strip();
            }
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.length != header.length) {
                throw new BadInputException(String.format(Locale.ROOT, "%s line %d: %d fields where the header %s has %d",
                        source, line, fields.length, Arrays.toString(header), header.length));
            }
            rows.add(new Row(line, fields));
        }
        if (header == null) {
            throw new BadInputException(source + ": no header line (the file is empty or all comments)");
        }
        return new CalibrationCsv(source, header, rows);
    }

    String source() { return source; }

    List<Row> rows() { return rows; }

    /** Position of the named column (case-insensitive); a missing column is a bad input naming the file. */
    int column(String name) {
        for (int c = 0; c < header.length; c++) {
            if (header[c].equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new BadInputException(String.format(Locale.ROOT, "%s: missing column '%s' (header is %s)", source, name,
                String.join(",", header)));
    }

    /** A finite number from one field, or a bad input naming file, line and column. */
    double number(Row row, int column) {
        String field = row.fields()[column];
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new BadInputException(String.format(Locale.ROOT, "%s line %d: column '%s' is not a number: '%s'",
                    source, row.line(), header[column], field));
        }
        if (!Double.isFinite(v)) {
            throw new BadInputException(String.format(Locale.ROOT, "%s line %d: column '%s' is not finite: '%s'",
                    source, row.line(), header[column], field));
        }
        return v;
    }

    BadInputException error(Row row, String problem) {
        return new BadInputException(source + " line " + row.line() + ": " + problem);
    }
}
