package doseengine.validation.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.FakeBenchmarkRunner;
import doseengine.validation.benchmark.SphereBenchmark;
import doseengine.validation.benchmark.SphereResult;
import doseengine.validation.reference.OlindaSphereTable;
import doseengine.validation.run.TransportSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Judging sphere S values against the OLINDA/EXM table, on synthetic engine values. */
class SphereComparisonTest {
    private final OlindaSphereTable table = OlindaSphereTable.standard();

    /** The tolerance: the row's rounding, the table's scatter, the model and two engine standard errors. */
    @Test
    void toleranceCombinesItsPartsInQuadrature() {
        assertEquals(Math.sqrt(0.041 * 0.041 + 0.03 * 0.03), SphereComparison.olindaTolerance(0, 0), 1e-15);
        // The 2 g row (0.000702, rounding 0.07 %) with an engine error of 1 %: sqrt(r^2 + 4.1^2 + 3^2 + 2^2) %.
        double r = 0.0000005 / 0.000702;
        assertEquals(Math.sqrt(r * r + 0.041 * 0.041 + 0.03 * 0.03 + 0.02 * 0.02),
                SphereComparison.olindaTolerance(r, 0.01), 1e-15);
        // Rows of fewer digits get more: 0.0009 (one digit) 7.5 %, 0.0014 6.2 %, 0.000702 5.1 %.
        assertEquals(0.0753, tolerance(1.5), 5e-4);
        assertEquals(0.0622, tolerance(1), 5e-4);
        assertEquals(0.0508, tolerance(2), 5e-4);
    }

    /** Just inside the tolerance passes, just outside fails, on either side. */
    @Test
    void passesInsideAndFailsOutsideTheTolerance() {
        OlindaSphereTable.Row row = table.find("Lu-177", 54).orElseThrow();
        double ref = row.sMilliGrayPerMBqS();
        double u = 0.001;
        double tol = SphereComparison.olindaTolerance(row.roundingFraction(), u);
        for (double sign : new double[] {1, -1}) {
            ComparisonPoint in = SphereComparison.olindaPoint(54, ref * (1 + sign * (tol - 1e-4)), u, row);
            ComparisonPoint out = SphereComparison.olindaPoint(54, ref * (1 + sign * (tol + 1e-4)), u, row);
            assertEquals(Verdict.PASS, in.verdict(), "inside by 0.01 %");
            assertEquals(Verdict.FAIL, out.verdict(), "outside by 0.01 %");
            assertEquals(tol, out.tolerance(), 0);
        }
        // The engine's own uncertainty widens the tolerance: 5.3 % off fails at 0.1 % but passes at 1 %.
        double off = ref * 1.053;
        assertEquals(Verdict.FAIL, SphereComparison.olindaPoint(54, off, 0.001, row).verdict());
        assertEquals(Verdict.PASS, SphereComparison.olindaPoint(54, off, 0.01, row).verdict());
    }

    /**
     * Whole sphere results (from the fake runner, which returns the table's S scaled by a factor): judged at the
     * table's masses only, one point per sphere, the deviation that of the factor; other spheres shown against the
     * interpolation; other nuclides not compared at all.
     */
    @Test
    void judgesTheSpheresAtTheTableMasses() {
        List<SphereResult> results = List.of(sphere("Lu-177", 54, 1.03), sphere("Lu-177", 0.5, 0.94),
                sphere("Lu-177", 10, 1.0), sphere("I-131", 2, 1.0));
        ComparisonResult c = SphereComparison.olinda("Lu-177", results, table).orElseThrow();
        assertEquals(List.of("0.5 g", "54 g"), c.points().stream().map(ComparisonPoint::label).toList());
        assertEquals(-0.06, c.points().get(0).deviation(), 1e-9);
        assertEquals(0.03, c.points().get(1).deviation(), 1e-9);
        assertEquals(Verdict.FAIL, c.points().get(0).verdict(), "6 % against 5.1 %");
        assertEquals(Verdict.PASS, c.points().get(1).verdict());
        assertEquals(Verdict.FAIL, c.verdict());
        assertTrue(c.judgement().endsWith("FAIL (1 of 2 values outside the tolerance)"), c.judgement());
        ComparisonResult i = SphereComparison.olindaInterpolated("Lu-177", results, table).orElseThrow();
        assertEquals(1, i.points().size());
        assertEquals(Verdict.INFORMATIONAL, i.verdict());
        assertTrue(SphereComparison.olinda("I-131", results, table).isEmpty());
        assertTrue(SphereComparison.olindaInterpolated("I-131", results, table).isEmpty());
    }

    private double tolerance(double massG) {
        return SphereComparison.olindaTolerance(table.find("Lu-177", massG).orElseThrow().roundingFraction(), 0);
    }

    private static SphereResult sphere(String nuclide, double massG, double factor) {
        SphereBenchmark b = new SphereBenchmark(NuclideCatalog.get(nuclide), massG);
        FakeBenchmarkRunner fake = FakeBenchmarkRunner.scaled(factor);
        TransportSettings s = TransportSettings.defaults(1000);
        return b.evaluate(fake.runVoxelSource(b.electronProblem(), s),
                b.photonProblem().map(p -> fake.runVoxelSource(p, s)).orElse(null));
    }
}
