package doseengine.validation.compare;

import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.reference.SphereSValueReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sphere S values against a user's reference table. The validation issues state no tolerance for spheres, so the
 * deviations are shown, not judged.
 */
public final class SphereComparison {
    /** Why a sphere comparison is shown, not judged. */
    public static final String NO_TOLERANCE = "no tolerance is stated for sphere S values";

    private SphereComparison() {
    }

    /** One point per sphere that the table has a value for, lightest first; empty when it has none. */
    public static Optional<ComparisonResult> compare(String nuclide, List<SphereResult> results,
            SphereSValueReference reference) {
        List<ComparisonPoint> points = new ArrayList<>();
        for (SphereResult r : results) {
            if (!r.benchmark().nuclide().name().equals(nuclide)) {
                continue;
            }
            double mass = r.benchmark().massG();
            reference.find(nuclide, mass).ifPresent(e -> points.add(new ComparisonPoint(
                    String.format(Locale.ROOT, "%s g", fmt(mass)), mass, r.sValue(),
                    r.sValue() * r.sRelativeUncertainty(), e.sMilliGrayPerMBqS(),
                    (r.sValue() - e.sMilliGrayPerMBqS()) / e.sMilliGrayPerMBqS(), Double.NaN)));
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        points.sort(Comparator.comparingDouble(ComparisonPoint::x));
        return Optional.of(new ComparisonResult("sphere " + nuclide, "S value", "sphere self S value", "mGy/(MBq s)",
                "user table " + reference.source(), "(engine - reference) / reference",
                "not judged: " + NO_TOLERANCE, points));
    }

    private static String fmt(double m) {
        return java.math.BigDecimal.valueOf(m).stripTrailingZeros().toPlainString();
    }
}
