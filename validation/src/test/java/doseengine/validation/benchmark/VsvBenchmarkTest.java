package doseengine.validation.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.tally.EnergyBalance;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.run.RunRecord;
import doseengine.validation.run.VoxelSourceProblem;
import doseengine.validation.run.VoxelSourceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VsvBenchmarkTest {
    @TempDir
    Path tmp;

    private final VsvBenchmark lu = new VsvBenchmark(NuclideCatalog.get("Lu-177"), VsvTissue.SOFT, 3.0);

    @Test
    void problemIsAnElevenCubedBlockWithTheSourceInTheCentre() {
        VoxelSourceProblem p = lu.problem();
        VoxelGrid g = p.grid();
        assertEquals(11, g.nx());
        assertEquals(3.0, g.spacingX(), 0);
        assertEquals(List.of("tissue_soft_icrp"), p.materials());
        assertEquals(1.04f, p.density().get(0, 10, 3), 0);
        assertEquals(1f, p.activity().get(5, 5, 5), 0);
        assertEquals(1.0, p.activity().sum(), 0, "one source voxel");
        // 1.04 g/cm3 x 0.027 cm3
        assertEquals(0.02808e-3, lu.voxelMassKg(), 1e-12);
    }

    @Test
    void sValuesAreEnergyOverVoxelMassAveragedOverSymmetricVoxels() {
        // 0.1 MeV per decay in the source voxel; 0.06 MeV in (+1,0,0) only, so each of the 6 face neighbours
        // averages 0.01 MeV. S = E x 1.602176634e-13 J/MeV x 1e6 /(MBq s) x 1e3 mGy/Gy / m.
        VoxelGrid g = lu.grid();
        double[] e = new double[g.voxelCount()];
        double[] u = new double[g.voxelCount()];
        e[g.flatIndex(5, 5, 5)] = 0.1;
        u[g.flatIndex(5, 5, 5)] = 0.01;
        e[g.flatIndex(6, 5, 5)] = 0.06;
        u[g.flatIndex(6, 5, 5)] = 0.02;
        VsvResult r = lu.evaluate(new VoxelSourceResult(e, u, Map.of(), new EnergyBalance(0.16, 0, 0.16),
                new RunRecord("java", "test", 1000, 10, 1)));
        double perMeV = 1.602176634e-13 * 1e9 / 0.02808e-3;
        assertEquals(0.1 * perMeV, r.s(0, 0, 0), 1e-12 * perMeV);
        assertEquals(0.01 * perMeV, r.s(1, 0, 0), 1e-12 * perMeV);
        assertEquals(r.s(1, 0, 0), r.s(0, 0, 1), 0, "axis swaps share one value");
        assertEquals(0, r.s(1, 1, 0), 0);
        // Mean of 6 voxels, one of which carries 2 % of 0.06: sigma = 0.0012 / 6, relative to 0.01.
        assertEquals(0.02, r.relativeUncertainty(1, 0, 0), 1e-12);
        assertEquals(0.01, r.relativeUncertainty(0, 0, 0), 1e-12);
        assertTrue(Double.isNaN(r.relativeUncertainty(5, 5, 5)));
    }

    @Test
    void vsvCsvListsTheOffsetsInLanconellisOrder() throws Exception {
        VoxelGrid g = lu.grid();
        double[] e = new double[g.voxelCount()];
        e[g.flatIndex(5, 5, 5)] = 0.1;
        VsvResult r = lu.evaluate(new VoxelSourceResult(e, new double[e.length], Map.of(),
                new EnergyBalance(0.1, 0, 0.1), new RunRecord("java", "test", 1000, 10, 1)));
        Path csv = tmp.resolve("vsv.csv");
        r.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("i,j,k,S_mGy_per_MBq_s,rel_unc", lines.get(0));
        assertEquals(217, lines.size());
        assertTrue(lines.get(1).startsWith("0,0,0,"));
        assertTrue(lines.get(2).startsWith("0,0,1,"));
        assertTrue(lines.get(216).startsWith("5,5,5,"));
        assertEquals(r.s(0, 0, 0), Double.parseDouble(lines.get(1).split(",")[3]), 1e-6 * r.s(0, 0, 0));
    }
}
