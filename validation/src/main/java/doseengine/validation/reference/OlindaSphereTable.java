package doseengine.validation.reference;

import doseengine.validation.io.CsvTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OLINDA/EXM sphere-model self-dose S values of Lu-177 shipped with the project: 13 unit-density spheres of 0.5 to
 * 54 mL, as quoted (second-hand) from Golzaryan et al. 2025, Sci Rep 15:4046, Supplementary Table S4 (provenance
 * and precision in {@code reference/sphere/README.md}).
 *
 * <p>The file keeps the published S in Gy/(min MBq) verbatim and a derived column in mGy/(MBq s); the loader
 * converts the verbatim value itself (x 1000 / 60) and checks that the derived column agrees. Mass is the volume
 * at {@value #DENSITY_G_PER_ML} g/mL (OLINDA's unit-density spheres). The precision of each value is that of its
 * printed digits, trailing zeros not counted ({@link Row#roundingFraction()}).
 */
public final class OlindaSphereTable {
    static final String RESOURCE = "/doseengine/validation/reference/sphere/olinda_spheres_Lu177_golzaryan2025.csv";
    /** The one nuclide of the table. */
    public static final String NUCLIDE = "Lu-177";
    /** Density (g/mL) of OLINDA's spheres, turning the table's volumes into masses. */
    public static final double DENSITY_G_PER_ML = 1.00;
    /** Short name for reports and verdict lines. */
    public static final String NAME = "OLINDA/EXM sphere model (Golzaryan et al. 2025, Table S4, second-hand)";
    /** Two masses are the same sphere when they differ by less than this fraction. */
    private static final double MASS_MATCH = 1e-6;
    /** The derived column, printed to five significant digits, must agree with the conversion this closely. */
    private static final double DERIVED_MATCH = 1e-4;

    private static final OlindaSphereTable STANDARD = load();

    private final List<Row> rows;

    /**
     * One sphere of the table.
     *
     * @param volumeMl           the volume as printed (mL)
     * @param sVerbatim          S exactly as the file prints it, in Gy/(min MBq)
     * @param sGyPerMinPerMBq    its value
     * @param sMilliGrayPerMBqS  the same S in mGy/(MBq s): {@code sGyPerMinPerMBq * 1000 / 60}
     */
    public record Row(double volumeMl, String sVerbatim, double sGyPerMinPerMBq, double sMilliGrayPerMBqS) {
        /** The sphere's mass (g) at {@value OlindaSphereTable#DENSITY_G_PER_ML} g/mL. */
        public double massG() {
            return volumeMl * DENSITY_G_PER_ML;
        }

        /** Significant digits of the printed S, trailing zeros not counted ({@code 0.0009}: 1, {@code 0.000702}: 3). */
        public int significantDigits() {
            return OlindaSphereTable.significantDigits(sVerbatim);
        }

        /** Half a unit of the last printed digit relative to the value: the largest rounding error of S. */
        public double roundingFraction() {
            return OlindaSphereTable.roundingFraction(sVerbatim);
        }
    }

    /** A log-log interpolation of S between the two table masses around a mass: information only, never judged. */
    public record Interpolated(double massG, double sMilliGrayPerMBqS, double lowerMassG, double upperMassG) {
    }

    private OlindaSphereTable(List<Row> rows) {
        this.rows = Collections.unmodifiableList(rows);
    }

    /** The shipped table. */
    public static OlindaSphereTable standard() {
        return STANDARD;
    }

    /** The rows, lightest sphere first. */
    public List<Row> rows() {
        return rows;
    }

    /** Where the values come from, for reports. */
    public String source() {
        return RESOURCE.substring(1);
    }

    /** The row of this nuclide (canonical name) and mass, if the table has one. */
    public Optional<Row> find(String nuclide, double massG) {
        if (!NUCLIDE.equals(nuclide)) {
            return Optional.empty();
        }
        return rows.stream().filter(r -> Math.abs(r.massG() - massG) <= MASS_MATCH * Math.max(r.massG(), massG))
                .findFirst();
    }

    /**
     * S at a mass strictly between the table's lightest and heaviest spheres, interpolated linearly in log S
     * against log mass between the two neighbouring rows; empty for another nuclide, for a mass of the table and
     * outside the table's range (no extrapolation).
     */
    public Optional<Interpolated> interpolate(String nuclide, double massG) {
        if (!NUCLIDE.equals(nuclide) || find(nuclide, massG).isPresent()) {
            return Optional.empty();
        }
        for (int i = 0; i + 1 < rows.size(); i++) {
            Row a = rows.get(i);
            Row b = rows.get(i + 1);
            if (massG > a.massG() && massG < b.massG()) {
                double t = Math.log(massG / a.massG()) / Math.log(b.massG() / a.massG());
                double s = Math.exp(Math.log(a.sMilliGrayPerMBqS())
                        + t * Math.log(b.sMilliGrayPerMBqS() / a.sMilliGrayPerMBqS()));
                return Optional.of(new Interpolated(massG, s, a.massG(), b.massG()));
            }
        }
        return Optional.empty();
    }

    /** Lightest and heaviest mass (g) of the table, for messages. */
    public String massRange() {
        return fmt(rows.get(0).massG()) + "-" + fmt(rows.get(rows.size() - 1).massG()) + " g";
    }

    /** The table's masses, lightest first. */
    public List<Double> massesG() {
        return rows.stream().map(Row::massG).toList();
    }

    /** Gy/(min MBq) to mGy/(MBq s): x 1000 mGy/Gy / 60 s/min. */
    public static double toMilliGrayPerMBqS(double gyPerMinPerMBq) {
        return gyPerMinPerMBq * 1000.0 / 60.0;
    }

    /** Significant digits of a printed number, trailing zeros not counted. */
    static int significantDigits(String printed) {
        return new BigDecimal(printed.strip()).stripTrailingZeros().precision();
    }

    /** Half a unit of the last significant digit of a printed number, relative to the number. */
    static double roundingFraction(String printed) {
        BigDecimal v = new BigDecimal(printed.strip()).stripTrailingZeros();
        return 0.5 * v.ulp().doubleValue() / v.doubleValue();
    }

    private static OlindaSphereTable load() {
        CsvTable csv = CsvTable.readResource(OlindaSphereTable.class, RESOURCE)
                .requireColumns("volume_mL", "S_Gy_per_min_per_MBq", "S_mGy_per_MBq_s");
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row r : csv.rows()) {
            String verbatim = r.text("S_Gy_per_min_per_MBq");
            double s = r.positive("S_Gy_per_min_per_MBq");
            double derived = r.positive("S_mGy_per_MBq_s");
            double converted = toMilliGrayPerMBqS(s);
            if (Math.abs(derived - converted) > DERIVED_MATCH * converted) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s line %d: S_mGy_per_MBq_s %s is not "
                        + "S_Gy_per_min_per_MBq x 1000/60 = %.6g", RESOURCE, r.line(), derived, converted));
            }
            Row row = new Row(r.positive("volume_mL"), verbatim, s, converted);
            if (!rows.isEmpty() && !(row.massG() > rows.get(rows.size() - 1).massG())) {
                throw new IllegalStateException(RESOURCE + " line " + r.line() + ": volumes must increase");
            }
            rows.add(row);
        }
        if (rows.size() < 2) {
            throw new IllegalStateException(RESOURCE + ": fewer than two spheres");
        }
        return new OlindaSphereTable(rows);
    }

    private static String fmt(double m) {
        return BigDecimal.valueOf(m).stripTrailingZeros().toPlainString();
    }
}
