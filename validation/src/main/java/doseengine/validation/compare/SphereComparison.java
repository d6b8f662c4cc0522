package doseengine.validation.compare;

import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.reference.OlindaSphereTable;
import doseengine.validation.reference.SphereSValueReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sphere S values against references: judged against the shipped OLINDA/EXM Lu-177 table at its 13 masses, shown
 * (not judged) against a log-log interpolation of that table between its masses and against a user's table.
 *
 * <h2>The OLINDA/EXM tolerance</h2>
 * The table is a second-hand transcription of a published table (reference/sphere/README.md), so its tolerance is
 * set by what is known of its precision, not by the engine's statistics. Per sphere, in quadrature:
 * <ul>
 *   <li>the row's rounding: half a unit of the last printed digit over the value ({@code 0.000702}: 0.07 %,
 *   {@code 0.0014}: 3.6 %, {@code 0.0009}: 5.6 %), {@link OlindaSphereTable.Row#roundingFraction()};</li>
 *   <li>{@value #TABLE_SCATTER}: volume x S, which should rise slowly and smoothly with the volume (a larger
 *   sphere keeps more of the electron and photon energy), scatters by up to 4.1 % around its mean, rows of three
 *   digits included (52 and 54 mL differ by 3.1 % in volume x S): single rows carry a transcription or rounding
 *   error of that size (the printed volumes are themselves rounded, to 0.5 or 1 mL), and no row can be cleared of
 *   it. The table shows at most a weak rise (3.8 % over its range for a least-squares line in ln V, about which
 *   the rows scatter by up to 3.2 %); the larger figure is taken because OLINDA's own curve is not known;</li>
 *   <li>{@value #MODEL}: OLINDA/EXM's own model. Its sphere S values come from absorbed fractions of monoenergetic
 *   electrons and photons in unit-density spheres (Stabin and Konijnenberg 2000, EGS4), interpolated in energy
 *   and mass, with its own decay data; the source states neither the emissions included nor the OLINDA version.
 *   Lu-177's electrons lose 1-4.5 % of their energy from these spheres and photons add 0.5-1.5 % to S; an error
 *   of half the escape (2.2 %), the whole photon share (1.5 %) and 1 % for the decay data, in quadrature, make
 *   2.9 %;</li>
 *   <li>the engine's statistics: {@value #COVERAGE} standard errors of its S (at the suite's 1e6 decays about
 *   0.15 %, negligible; a short run widens the tolerance rather than failing by chance).</li>
 * </ul>
 * Judged: |engine / OLINDA - 1| &lt;= that tolerance (about 5 % for a row of three digits, up to 7.5 % for
 * {@code 0.0009}). A first-hand table printed to three or more digits, with its volumes exact, would leave only the
 * model term and deserve about 3 %.
 */
public final class SphereComparison {
    /** Why a user's table is shown, not judged. */
    public static final String NO_TOLERANCE = "no tolerance is known for a user's table";
    /** Why an interpolated OLINDA value is shown, not judged. */
    public static final String INTERPOLATED = "interpolated between the table's masses, not a value of the table";
    /** Largest |volume x S / mean - 1| of the OLINDA table: the per-row transcription and rounding allowance. */
    public static final double TABLE_SCATTER = 0.041;
    /** OLINDA/EXM's sphere model against a full transport in the same geometry. */
    public static final double MODEL = 0.03;
    /** Standard errors of the engine's S counted in the tolerance. */
    public static final double COVERAGE = 2;
    /** The OLINDA tolerance rule in words. */
    public static final String OLINDA_RULE = String.format(Locale.ROOT, "|engine / OLINDA - 1| <= sqrt(r^2 + "
            + "%.1f %%^2 + %.0f %%^2 + (%.0f SE)^2): r the row's rounding (half its last printed digit), %.1f %% the "
            + "table's row-to-row scatter of volume x S, %.0f %% OLINDA/EXM's model, SE the engine's relative "
            + "standard error", 100 * TABLE_SCATTER, 100 * MODEL, COVERAGE, 100 * TABLE_SCATTER, 100 * MODEL);

    private SphereComparison() {
    }

    /** The tolerance of one OLINDA row for an engine S of this relative standard error (see the class comment). */
    public static double olindaTolerance(double roundingFraction, double engineRelUnc) {
        double se = COVERAGE * engineRelUnc;
        return Math.sqrt(roundingFraction * roundingFraction + TABLE_SCATTER * TABLE_SCATTER + MODEL * MODEL
                + se * se);
    }

    /** One judged point: the engine's S (mGy/(MBq s)) with its relative standard error against an OLINDA row. */
    public static ComparisonPoint olindaPoint(double massG, double engineS, double engineRelUnc,
            OlindaSphereTable.Row row) {
        double ref = row.sMilliGrayPerMBqS();
        return new ComparisonPoint(label(massG), massG, engineS, engineS * engineRelUnc, ref, (engineS - ref) / ref,
                olindaTolerance(row.roundingFraction(), engineRelUnc));
    }

    /**
     * The spheres of this nuclide at the table's masses against the table, judged; empty when none is at a table
     * mass.
     */
    public static Optional<ComparisonResult> olinda(String nuclide, List<SphereResult> results,
            OlindaSphereTable table) {
        List<ComparisonPoint> points = new ArrayList<>();
        for (SphereResult r : mine(nuclide, results)) {
            table.find(nuclide, r.benchmark().massG()).ifPresent(row -> points.add(
                    olindaPoint(r.benchmark().massG(), r.sValue(), r.sRelativeUncertainty(), row)));
        }
        return result(nuclide, points, OlindaSphereTable.NAME, OLINDA_RULE);
    }

    /** The spheres of this nuclide between the table's masses against its log-log interpolation, shown only. */
    public static Optional<ComparisonResult> olindaInterpolated(String nuclide, List<SphereResult> results,
            OlindaSphereTable table) {
        List<ComparisonPoint> points = new ArrayList<>();
        for (SphereResult r : mine(nuclide, results)) {
            double mass = r.benchmark().massG();
            table.interpolate(nuclide, mass).ifPresent(i -> points.add(new ComparisonPoint(label(mass), mass,
                    r.sValue(), r.sValue() * r.sRelativeUncertainty(), i.sMilliGrayPerMBqS(),
                    (r.sValue() - i.sMilliGrayPerMBqS()) / i.sMilliGrayPerMBqS(), Double.NaN)));
        }
        return result(nuclide, points, OlindaSphereTable.NAME + ", log-log interpolated", "not judged: "
                + INTERPOLATED);
    }

    /** One point per sphere that a user's table has a value for, lightest first, shown only; empty when none. */
    public static Optional<ComparisonResult> compare(String nuclide, List<SphereResult> results,
            SphereSValueReference reference) {
        List<ComparisonPoint> points = new ArrayList<>();
        for (SphereResult r : mine(nuclide, results)) {
            double mass = r.benchmark().massG();
            reference.find(nuclide, mass).ifPresent(e -> points.add(new ComparisonPoint(label(mass), mass,
                    r.sValue(), r.sValue() * r.sRelativeUncertainty(), e.sMilliGrayPerMBqS(),
                    (r.sValue() - e.sMilliGrayPerMBqS()) / e.sMilliGrayPerMBqS(), Double.NaN)));
        }
        return result(nuclide, points, "user table " + reference.source(), "not judged: " + NO_TOLERANCE);
    }

    private static Optional<ComparisonResult> result(String nuclide, List<ComparisonPoint> points, String reference,
            String rule) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        points.sort(Comparator.comparingDouble(ComparisonPoint::x));
        return Optional.of(new ComparisonResult("sphere " + nuclide, "S value", "sphere self S value", "mGy/(MBq s)",
                reference, "(engine - reference) / reference", rule, points));
    }

    private static List<SphereResult> mine(String nuclide, List<SphereResult> results) {
        return results.stream().filter(r -> r.benchmark().nuclide().name().equals(nuclide)).toList();
    }

    /** A mass as the comparisons label it: {@code 0.5 g}. */
    public static String label(double m) {
        return java.math.BigDecimal.valueOf(m).stripTrailingZeros().toPlainString() + " g";
    }
}
