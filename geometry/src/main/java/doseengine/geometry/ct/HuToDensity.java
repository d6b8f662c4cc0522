package doseengine.geometry.ct;

import doseengine.geometry.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CT number (HU) to mass density (g/cm3), piecewise linear between the nodes of a calibration table.
 *
 * <p>File format (CSV, {@code #} lines are comments): a header with the columns {@code HU} and
 * {@code density_g_cm3} (any order, case-insensitive, other columns ignored), then one node per line with HU
 * strictly increasing and density positive. At least two nodes. The default,
 * {@link #schneider2000()}, is the curve of Schneider, Bortfeld &amp; Schlegel 2000 (Phys Med Biol 45:459) as
 * GATE distributes it; its nodes 100 and 101 HU encode the step between soft tissue and bone.
 *
 * <p>Outside the table: {@link #density(double)} refuses an HU below the first node or above the last,
 * {@link #densityClamped(double)} returns the end node's density; {@link CtConverter} uses the latter only
 * with {@link HuRangePolicy#CLAMP_AND_COUNT} and reports how many voxels were clamped. NaN or infinite HU are
 * always refused.
 */
public final class HuToDensity {
    /** Classpath location of the Schneider 2000 curve (see the README beside it). */
    public static final String SCHNEIDER_2000_RESOURCE = "/doseengine/geometry/ct/schneider2000_densities.csv";

    private static volatile HuToDensity schneider2000;

    private final double[] hu;
    private final double[] density;
    private final String source;

    private HuToDensity(double[] hu, double[] density, String source) {
        this.hu = hu;
        this.density = density;
        this.source = source;
    }

    /** The default curve, read once from the classpath. */
    public static HuToDensity schneider2000() {
        HuToDensity d = schneider2000;
        if (d == null) {
            d = from(CalibrationCsv.readResource(SCHNEIDER_2000_RESOURCE));
            schneider2000 = d;
        }
        return d;
    }

    /** A user's calibration file, replacing the default. */
    public static HuToDensity load(Path csv) {
        return from(CalibrationCsv.read(csv));
    }

    /** Parses a calibration table; {@code source} names it in error messages. */
    public static HuToDensity parse(Reader csv, String source) {
        try {
            return from(CalibrationCsv.read(csv, source));
        } catch (IOException e) {
            throw new BadInputException("cannot read density calibration " + source + ": " + e.getMessage(), e);
        }
    }

    private static HuToDensity from(CalibrationCsv csv) {
        int cHu = csv.column("HU");
        int cRho = csv.column("density_g_cm3");
        List<CalibrationCsv.Row> rows = csv.rows();
        if (rows.size() < 2) {
            throw new BadInputException(csv.source() + ": a density calibration needs at least two nodes, found "
                    + rows.size());
        }
        double[] hu = new double[rows.size()];
        double[] rho = new double[rows.size()];
        for (int n = 0; n < rows.size(); n++) {
            CalibrationCsv.Row row = rows.get(n);
            hu[n] = csv.number(row, cHu);
            rho[n] = csv.number(row, cRho);
            if (!(rho[n] > 0)) {
                throw csv.error(row, "density must be positive, got " + rho[n] + " g/cm3");
            }
            if (n > 0 && !(hu[n] > hu[n - 1])) {
                throw csv.error(row, String.format(Locale.ROOT,
                        "HU must increase strictly from line to line, got %s after %s", hu[n], hu[n - 1]));
            }
        }
        return new HuToDensity(hu, rho, csv.source());
    }

    /** Where the table came from (a file path or {@code classpath:...}). */
    public String source() { return source; }

    public double minHu() { return hu[0]; }

    public double maxHu() { return hu[hu.length - 1]; }

    public boolean covers(double ctNumber) { return ctNumber >= hu[0] && ctNumber <= hu[hu.length - 1]; }

    /** The nodes' HU values, a copy. */
    public double[] huNodes() { return hu.clone(); }

    /** The nodes' densities (g/cm3), a copy. */
    public double[] densityNodes() { return density.clone(); }

    /** Density (g/cm3) of a CT number inside the table; outside it or non-finite is a bad input. */
    public double density(double ctNumber) {
        requireFinite(ctNumber);
        if (!covers(ctNumber)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "CT number %s HU is outside the density calibration %s (%s to %s HU)", ctNumber, source,
                    hu[0], hu[hu.length - 1]));
        }
        return interpolate(ctNumber);
    }

    /**
     * Density (g/cm3) with CT numbers outside the table taken as the nearest end node; the caller must count and
     * report such voxels (see {@link CtConverter}). Non-finite values are a bad input.
     */
    public double densityClamped(double ctNumber) {
        requireFinite(ctNumber);
        if (ctNumber <= hu[0]) {
            return density[0];
        }
        if (ctNumber >= hu[hu.length - 1]) {
            return density[density.length - 1];
        }
        return interpolate(ctNumber);
    }

    private double interpolate(double x) {
        int last = hu.length - 1;
        if (x == hu[last]) {
            return density[last];
        }
        // Largest node index n with hu[n] <= x; the table is short, and a binary search keeps long user tables fast.
        int lo = 0, hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (hu[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (x - hu[lo]) / (hu[lo + 1] - hu[lo]);
        return density[lo] + t * (density[lo + 1] - density[lo]);
    }

    private static void requireFinite(double ctNumber) {
        if (!Double.isFinite(ctNumber)) {
            throw new BadInputException("CT number is not finite: " + ctNumber);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HU-to-density table %s (%d nodes, %s to %s HU)", source, hu.length, hu[0],
                hu[hu.length - 1]);
    }
}
