package doseengine.validation.reference;

import doseengine.geometry.BadInputException;
import doseengine.physics.decay.NuclideName;
import doseengine.validation.io.CsvTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The voxel S values of Lanconelli et al. 2012 (Phys Med Biol 57:517) shipped with the project: Lu-177, Y-90 and
 * I-131 in soft tissue at 3, 4 and 6 mm and in bone at 3 mm (provenance in {@code reference/vsv/README.md}).
 * Read from the original distribution files, which are Latin-1 text with CRLF line endings.
 */
public final class VoxelSValueReference {
    static final String DIR = "/doseengine/validation/reference/vsv/";
    static final String ORIGINAL_DIR = DIR + "lanconelli2012_original/";
    static final String SUBSET_CSV = DIR + "lanconelli2012_vsv_subset.csv";
    /** "Lu177 - 3mm - Soft tissue": nuclide, voxel size in mm, medium. */
    private static final Pattern TITLE = Pattern.compile("(\\S+)\\s*-\\s*([0-9.]+)\\s*mm\\s*-\\s*(.+)");
    private static final double SIZE_MATCH_MM = 1e-6;

    private static final VoxelSValueReference STANDARD = loadOriginals();

    private final List<VoxelSValueTable> tables;

    VoxelSValueReference(List<VoxelSValueTable> tables) {
        this.tables = Collections.unmodifiableList(new ArrayList<>(tables));
    }

    /** The tables shipped with the project, parsed from the original files. */
    public static VoxelSValueReference standard() {
        return STANDARD;
    }

    public List<VoxelSValueTable> tables() {
        return tables;
    }

    /** The table of this nuclide (any spelling {@link NuclideName} accepts), tissue and voxel size, if shipped. */
    public Optional<VoxelSValueTable> find(String nuclide, VsvTissue tissue, double voxelMm) {
        String canonical = NuclideName.canonical(nuclide).orElse(nuclide);
        return tables.stream()
                .filter(t -> t.nuclide().equals(canonical) && t.tissue() == tissue
                        && Math.abs(t.voxelMm() - voxelMm) < SIZE_MATCH_MM)
                .findFirst();
    }

    /**
     * Parses one original Lanconelli file: a title line {@code <nuclide> - <size>mm - <medium>}, a column line,
     * then rows {@code i j k S} separated by tabs or spaces. Accepts CR, LF or CRLF line ends, a byte-order mark,
     * trailing tabs and blank lines; requires every offset 0..5 exactly once and finite, non-negative S.
     *
     * @param name names the file in messages
     */
    public static VoxelSValueTable parseOriginal(byte[] latin1, String name) {
        String text = new String(latin1, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) { // a UTF-8 byte-order mark read as Latin-1
            text = text.substring(3);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int lineNo = 0;
        String nuclide = null;
        VsvTissue tissue = null;
        double voxelMm = Double.NaN;
        boolean columnsSeen = false;
        double[] values = new double[VoxelSValueTable.SIZE * VoxelSValueTable.SIZE * VoxelSValueTable.SIZE];
        boolean[] seen = new boolean[values.length];
        int count = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (nuclide == null) {
                Matcher m = TITLE.matcher(line);
                if (!m.matches()) {
                    throw new BadInputException(name + " line " + lineNo + ": expected a title like "
                            + "'Lu177 - 3mm - Soft tissue', got '" + line + "'");
                }
                nuclide = NuclideName.canonical(m.group(1)).orElseThrow(() -> new BadInputException(
                        name + ": title names no nuclide: '" + m.group(1) + "'"));
                voxelMm = Double.parseDouble(m.group(2));
                tissue = VsvTissue.ofTitle(m.group(3));
                if (tissue == null) {
                    throw new BadInputException(name + ": unknown medium '" + m.group(3).strip() + "' (expected "
                            + Arrays.stream(VsvTissue.values()).map(VsvTissue::fileTitle).toList() + ")");
                }
                continue;
            }
            String[] f = line.split("\\s+");
            if (!columnsSeen) {
                if (!f[0].equalsIgnoreCase("i")) {
                    throw new BadInputException(name + " line " + lineNo + ": expected the column line 'i j k S', got '"
                            + line + "'");
                }
                columnsSeen = true;
                continue;
            }
            if (f.length != 4) {
                throw new BadInputException(name + " line " + lineNo + ": expected 4 fields i j k S, got " + f.length);
            }
            int i;
            int j;
            int k;
            double s;
            try {
                i = Integer.parseInt(f[0]);
                j = Integer.parseInt(f[1]);
                k = Integer.parseInt(f[2]);
                s = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw new BadInputException(name + " line " + lineNo + ": not numbers: '" + line + "'");
            }
            if (i < 0 || j < 0 || k < 0 || i > VoxelSValueTable.MAX_OFFSET || j > VoxelSValueTable.MAX_OFFSET
                    || k > VoxelSValueTable.MAX_OFFSET) {
                throw new BadInputException(name + " line " + lineNo + ": offset (" + i + "," + j + "," + k
                        + ") outside 0.." + VoxelSValueTable.MAX_OFFSET);
            }
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new BadInputException(name + " line " + lineNo + ": S must be finite and >= 0, got " + f[3]);
            }
            int idx = i + VoxelSValueTable.SIZE * (j + VoxelSValueTable.SIZE * k);
            if (seen[idx]) {
                throw new BadInputException(name + " line " + lineNo + ": offset (" + i + "," + j + "," + k
                        + ") given twice");
            }
            seen[idx] = true;
            values[idx] = s;
            count++;
        }
        if (count != values.length) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: %d of the %d offsets 0..5 given", name,
                    count, values.length));
        }
        return new VoxelSValueTable(nuclide, tissue, voxelMm, values);
    }

    /**
     * Parses the derived subset CSV ({@code nuclide,tissue,voxel_mm,i,j,k,S_mGy_per_MBq_s}), which holds the same
     * tables as the original files; used to cross-check the two.
     */
    public static VoxelSValueReference parseSubsetCsv(CsvTable csv) {
        csv.requireColumns("nuclide", "tissue", "voxel_mm", "i", "j", "k", "S_mGy_per_MBq_s");
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int size = VoxelSValueTable.SIZE;
        for (CsvTable.Row r : csv.rows()) {
            String key = NuclideName.canonical(r.text("nuclide")).orElse(r.text("nuclide")) + "|"
                    + VsvTissue.of(r.text("tissue")).name() + "|" + r.positive("voxel_mm");
            int idx = r.integer("i") + size * (r.integer("j") + size * r.integer("k"));
            values.computeIfAbsent(key, k -> new double[size * size * size])[idx] = r.number("S_mGy_per_MBq_s");
            counts.merge(key, 1, Integer::sum);
        }
        List<VoxelSValueTable> tables = new ArrayList<>();
        values.forEach((key, v) -> {
            if (counts.get(key) != v.length) {
                throw new BadInputException(csv.source() + ": table " + key + " has " + counts.get(key) + " rows, not "
                        + v.length);
            }
            String[] p = key.split("\\|");
            tables.add(new VoxelSValueTable(p[0], VsvTissue.valueOf(p[1]), Double.parseDouble(p[2]), v));
        });
        return new VoxelSValueReference(tables);
    }

    /** The file names listed in {@code index.txt}. */
    static List<String> originalFileNames() {
        String index = new String(resourceBytes(DIR + "index.txt"), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static byte[] resourceBytes(String resource) {
        try (InputStream in = VoxelSValueReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    private static VoxelSValueReference loadOriginals() {
        List<VoxelSValueTable> tables = new ArrayList<>();
        for (String file : originalFileNames()) {
            tables.add(parseOriginal(resourceBytes(ORIGINAL_DIR + file), file));
        }
        return new VoxelSValueReference(tables);
    }
}
