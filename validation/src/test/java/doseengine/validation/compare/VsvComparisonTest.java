package doseengine.validation.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.FakeBenchmarkRunner;
import doseengine.validation.benchmark.VsvBenchmark;
import doseengine.validation.benchmark.VsvResult;
import doseengine.validation.reference.VoxelSValueReference;
import doseengine.validation.reference.VoxelSValueTable;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.run.TransportSettings;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The VSV rule (3 % source voxel, 5 % face neighbours, 10 % where the reference exceeds 1e-3 of the source voxel)
 * on engine results made from the Lanconelli table itself, perturbed by distance.
 */
class VsvComparisonTest {
    private final VsvBenchmark y90 = new VsvBenchmark(NuclideCatalog.get("Y-90"), VsvTissue.SOFT, 3.0);
    private final VoxelSValueTable ref =
            VoxelSValueReference.standard().find("Y-90", VsvTissue.SOFT, 3.0).orElseThrow();

    private Verdict verdict(DoubleUnaryOperator factorByDistance) {
        return compare(factorByDistance).verdict();
    }

    private ComparisonResult compare(DoubleUnaryOperator factorByDistance) {
        VsvResult r = y90.evaluate(new FakeBenchmarkRunner(factorByDistance, 0.005)
                .runVoxelSource(y90.problem(), TransportSettings.defaults(1000)));
        return VsvComparison.compare("t", r, ref);
    }

    @Test
    void referenceItselfPasses() {
        ComparisonResult c = compare(d -> 1.0);
        assertEquals(Verdict.PASS, c.verdict());
        assertEquals(216, c.points().size());
        assertTrue(c.worstJudgedDeviation() < 1e-12, "S -> energy -> S is exact up to rounding");
    }

    @Test
    void sourceVoxelToleranceIsThreePercent() {
        assertEquals(Verdict.PASS, verdict(d -> d == 0 ? 1.029 : 1.0));
        assertEquals(Verdict.FAIL, verdict(d -> d == 0 ? 1.031 : 1.0));
    }

    @Test
    void faceNeighbourToleranceIsFivePercent() {
        assertEquals(Verdict.PASS, verdict(d -> d == 1 ? 0.951 : 1.0));
        assertEquals(Verdict.FAIL, verdict(d -> d == 1 ? 0.949 : 1.0));
    }

    @Test
    void otherVoxelsAboveOneThousandthOfTheSourceAreJudgedAtTenPercent() {
        // (1,1,0) holds more than 1e-3 of the source voxel for Y-90 at 3 mm.
        assertTrue(ref.s(1, 1, 0) > 1e-3 * ref.sourceVoxel());
        double sqrt2 = Math.sqrt(2);
        assertEquals(Verdict.PASS, verdict(d -> Math.abs(d - sqrt2) < 1e-9 ? 1.099 : 1.0));
        assertEquals(Verdict.FAIL, verdict(d -> Math.abs(d - sqrt2) < 1e-9 ? 1.101 : 1.0));
    }

    @Test
    void valuesBelowOneThousandthOfTheSourceAreShownNotJudged() {
        // (5,5,5) is far below 1e-3 of the source voxel: halving it changes nothing in the verdict.
        assertTrue(ref.s(5, 5, 5) < 1e-3 * ref.sourceVoxel());
        ComparisonResult c = compare(d -> d > 8 ? 0.5 : 1.0);
        assertEquals(Verdict.PASS, c.verdict());
        ComparisonPoint far = c.points().stream().filter(p -> p.label().equals("(5,5,5)")).findFirst().orElseThrow();
        assertEquals(-0.5, far.deviation(), 1e-9);
        assertEquals(Verdict.INFORMATIONAL, far.verdict());
    }
}
