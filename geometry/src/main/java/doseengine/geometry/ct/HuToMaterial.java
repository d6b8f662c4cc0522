package doseengine.geometry.ct;

import doseengine.geometry.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CT number (HU) intervals to material names: which material's composition and I-value the transport uses in a
 * voxel (its density comes from {@link HuToDensity}).
 *
 * <p>File format (CSV; {@code #} lines and blank lines are comments):
 * <pre>
 * hu_lower,hu_upper,material
 * -1050,-950,air_dry_nearsealevel
 * -950,-120,lungtissue_icrp
 * ...
 * </pre>
 * The three columns may come in any order (header names are case-insensitive; other columns are ignored). Each
 * line is the interval {@code [hu_lower, hu_upper)}; the last line's interval also includes its {@code hu_upper}.
 * Lines are in ascending HU and contiguous: each {@code hu_lower} equals the previous line's {@code hu_upper}, so
 * every HU between the first lower and the last upper bound has exactly one material. A material may appear on
 * several lines. Material names are names of the engine's material catalog: lower-case letters, digits, '_' and
 * '.', starting with a letter (the file names of the ESTAR/EGSnrc material definitions, e.g.
 * {@code tissue_soft_icrp}); whether the catalog knows them is checked with {@link #requireKnown}. At most
 * {@value #MAX_MATERIALS} distinct materials, so an index fits an unsigned byte.
 *
 * <p>Material indices number the distinct names in the order they first appear in the file, so the default table
 * always gives index 0 to air. The default, {@link #schneider2000Collapsed()}, is the Schneider et al. 2000 HU
 * bins collapsed to seven ICRU/ICRP materials; the resource README gives the reasoning.
 *
 * <p>Outside {@code [minHu(), maxHu()]}: {@link #materialIndex(double)} refuses, {@link #materialIndexClamped}
 * takes the first or last interval's material (see {@link HuRangePolicy}).
 */
public final class HuToMaterial {
    /** Classpath location of the default table (see the README beside it). */
    public static final String SCHNEIDER_2000_COLLAPSED_RESOURCE =
            "/doseengine/geometry/ct/schneider2000_collapsed_materials.csv";
    public static final int MAX_MATERIALS = 256;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]*");
    private static volatile HuToMaterial schneider2000Collapsed;

    /** Interval boundaries: interval n is [bounds[n], bounds[n+1]). */
    private final double[] bounds;
    private final int[] materialOfInterval;
    private final int[] lineOfInterval;
    private final List<String> names;
    private final String source;

    private HuToMaterial(double[] bounds, int[] materialOfInterval, int[] lineOfInterval, List<String> names,
            String source) {
        this.bounds = bounds;
        this.materialOfInterval = materialOfInterval;
        this.lineOfInterval = lineOfInterval;
        this.names = names;
        this.source = source;
    }

    /** The default table, read once from the classpath. */
    public static HuToMaterial schneider2000Collapsed() {
        HuToMaterial m = schneider2000Collapsed;
        if (m == null) {
            m = from(CalibrationCsv.readResource(SCHNEIDER_2000_COLLAPSED_RESOURCE));
            schneider2000Collapsed = m;
        }
        return m;
    }

    /** A user's table, replacing the default. */
    public static HuToMaterial load(Path csv) {
        return from(CalibrationCsv.read(csv));
    }

    /** Parses a table; {@code source} names it in error messages. */
    public static HuToMaterial parse(Reader csv, String source) {
        try {
            return from(CalibrationCsv.read(csv, source));
        } catch (IOException e) {
            throw new BadInputException("cannot read material calibration " + source + ": " + e.getMessage(), e);
        }
    }

    private static HuToMaterial from(CalibrationCsv csv) {
        int cLo = csv.column("hu_lower");
        int cHi = csv.column("hu_upper");
        int cName = csv.column("material");
        List<CalibrationCsv.Row> rows = csv.rows();
        if (rows.isEmpty()) {
            throw new BadInputException(csv.source() + ": the material calibration has no interval");
        }
        int n = rows.size();
        double[] bounds = new double[n + 1];
        int[] material = new int[n];
        int[] line = new int[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int r = 0; r < n; r++) {
            CalibrationCsv.Row row = rows.get(r);
            double lo = csv.number(row, cLo);
            double hi = csv.number(row, cHi);
            String name = row.fields()[cName];
            if (!(hi > lo)) {
                throw csv.error(row, String.format(Locale.ROOT, "hu_upper %s must exceed hu_lower %s", hi, lo));
            }
            if (r > 0 && lo != bounds[r]) {
                String what = lo > bounds[r]
                        ? String.format(Locale.ROOT, "leaves a gap from %s to %s HU", bounds[r], lo)
                        : String.format(Locale.ROOT, "overlaps the previous interval, which ends at %s HU", bounds[r]);
                throw csv.error(row, String.format(Locale.ROOT, "interval [%s, %s) %s; intervals must be in "
                        + "ascending order, each starting where the previous one ends", lo, hi, what));
            }
            if (!NAME.matcher(name).matches()) {
                throw csv.error(row, "material name '" + name + "' is not a catalog name (lower-case letters, "
                        + "digits, '_' and '.', starting with a letter)");
            }
            Integer m = index.get(name);
            if (m == null) {
                if (index.size() == MAX_MATERIALS) {
                    throw csv.error(row, "more than " + MAX_MATERIALS + " distinct materials");
                }
                m = index.size();
                index.put(name, m);
            }
            bounds[r] = lo;
            bounds[r + 1] = hi;
            material[r] = m;
            line[r] = row.line();
        }
        return new HuToMaterial(bounds, material, line, Collections.unmodifiableList(new ArrayList<>(index.keySet())),
                csv.source());
    }

    /** Where the table came from (a file path or {@code classpath:...}). */
    public String source() { return source; }

    /** Distinct material names; position = material index. */
    public List<String> materialNames() { return names; }

    public double minHu() { return bounds[0]; }

    public double maxHu() { return bounds[bounds.length - 1]; }

    public boolean covers(double ctNumber) { return ctNumber >= bounds[0] && ctNumber <= bounds[bounds.length - 1]; }

    /** Number of intervals (lines) in the table. */
    public int intervalCount() { return materialOfInterval.length; }

    /** Lower bound (HU, included) of interval {@code n}. */
    public double intervalLower(int n) { return bounds[n]; }

    /** Upper bound (HU, excluded except for the last interval) of interval {@code n}. */
    public double intervalUpper(int n) { return bounds[n + 1]; }

    /** Material index of interval {@code n}. */
    public int intervalMaterial(int n) { return materialOfInterval[n]; }

    /** Material name of a CT number inside the table; outside it or non-finite is a bad input. */
    public String material(double ctNumber) {
        return names.get(materialIndex(ctNumber));
    }

    /** Material index of a CT number inside the table; outside it or non-finite is a bad input. */
    public int materialIndex(double ctNumber) {
        requireFinite(ctNumber);
        if (!covers(ctNumber)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "CT number %s HU is outside the material calibration %s (%s to %s HU)", ctNumber, source,
                    bounds[0], bounds[bounds.length - 1]));
        }
        return materialOfInterval[interval(ctNumber)];
    }

    /**
     * Material index with CT numbers outside the table given the first or last interval's material; the caller
     * must count and report such voxels (see {@link CtConverter}). Non-finite values are a bad input.
     */
    public int materialIndexClamped(double ctNumber) {
        requireFinite(ctNumber);
        return materialOfInterval[interval(ctNumber)];
    }

    /**
     * Refuses the table when a material is not in {@code known} (the material catalog's names), naming the file
     * and the first line that uses it.
     */
    public void requireKnown(Collection<String> known) {
        for (int n = 0; n < materialOfInterval.length; n++) {
            String name = names.get(materialOfInterval[n]);
            if (!known.contains(name)) {
                throw new BadInputException(String.format(Locale.ROOT,
                        "%s line %d: material '%s' is not in the material catalog (known: %s)", source,
                        lineOfInterval[n], name, String.join(", ", known)));
            }
        }
    }

    /** Interval holding x, clamped to the first and last; [lower, upper) except the last, which includes upper. */
    private int interval(double x) {
        int last = materialOfInterval.length - 1;
        if (x < bounds[1]) {
            return 0;
        }
        if (x >= bounds[last]) {
            return last;
        }
        int lo = 1, hi = last; // bounds[lo] <= x < bounds[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (bounds[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void requireFinite(double ctNumber) {
        if (!Double.isFinite(ctNumber)) {
            throw new BadInputException("CT number is not finite: " + ctNumber);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HU-to-material table %s (%d intervals, %d materials, %s to %s HU)", source,
                materialOfInterval.length, names.size(), bounds[0], bounds[bounds.length - 1]);
    }
}
