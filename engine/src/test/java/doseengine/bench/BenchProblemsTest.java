package doseengine.bench;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.LabelMap;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.transport.DoseProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchProblemsTest {

    @Test
    void selectKeepsTheGivenOrderOnceEachAndDefaultsToAll() {
        assertEquals(BenchProblems.all(), BenchProblems.select(null));
        assertEquals(BenchProblems.all(), BenchProblems.select(List.of()));
        List<BenchProblem> s = BenchProblems.select(List.of("torso_i131", "lu177_water_cube", "torso_i131"));
        assertEquals(List.of("torso_i131", "lu177_water_cube"), s.stream().map(BenchProblem::name).toList());
    }

    @Test
    void unknownProblemIsRefusedWithTheKnownOnes() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> BenchProblems.select(List.of("torso_lu177", "torso_lu178")));
        assertEquals("unknown bench problem 'torso_lu178'; known problems: lu177_water_cube, torso_lu177, torso_y90, "
                + "torso_i131, torso_lu177_kidneys_2pct, convolution_256x256x200, dicom_ct_512x512x600", e.getMessage());
    }

    @Test
    void waterCubeIsLiquidWaterAtUnitDensityInAirNotTheCalibrationsSoftTissue() {
        double hours = 10;
        DoseProblem p = WaterCube.build(NuclideCatalog.get("Lu-177"), hours);
        assertEquals(List.of("water_liquid", "air_dry_nearsealevel"), p.materials().stream().map(m -> m.name()).toList());
        LabelMap labels = p.labels();
        int water = labels.valueOf("water");
        short[] lab = labels.volume().data();
        byte[] mat = p.material().data();
        float[] rho = p.density().data();
        int waterVoxels = 0;
        for (int v = 0; v < lab.length; v++) {
            boolean inWater = lab[v] == water;
            waterVoxels += inWater ? 1 : 0;
            assertEquals(inWater ? 0 : 1, mat[v], "material of voxel " + v);
            assertEquals(inWater ? 1.0f : 0.00120479f, rho[v], "density of voxel " + v);
        }
        // 200 mm of 2 mm voxels in each direction: the cube's faces lie on voxel faces.
        assertEquals(100 * 100 * 100, waterVoxels);
        assertEquals(2.0, p.grid().spacingX());
        // The phantom's 1 MBq integrated over the given hours; float sums to 1e-5.
        assertEquals(hours, p.totalTiaMBqH(), hours * 1e-5);
    }

    @Test
    void kidneysMergeBothSidesCortexAndMedulla() {
        Phantom torso = PhantomCatalog.create("torso", 12);
        CombinedRegion k = CombinedRegion.ofPrefix(torso.labels(), "kidney_", "kidneys");
        assertEquals(List.of("kidney_left_cortex", "kidney_left_medulla", "kidney_right_cortex",
                "kidney_right_medulla"), k.members());
        assertEquals(Map.of(1, "kidneys"), k.labels().names());
        int expected = k.members().stream().mapToInt(torso::labelVoxelCount).sum();
        assertTrue(expected > 0);
        assertEquals(expected, k.labels().voxelCounts().get(1));
    }

    @Test
    void targetProblemWatchesTheMergedKidneysAndTorsoProblemsTakeTheVoxelSize() {
        BenchProblems builder = new BenchProblems();
        BenchProblem target = BenchProblems.select(List.of("torso_lu177_kidneys_2pct")).get(0);
        BenchCase c = builder.build(target, 12);
        assertEquals(12, c.voxelMm());
        assertEquals(12, c.problem().grid().spacingX());
        assertEquals(Map.of(1, "kidneys"), c.problem().labels().names());
        assertTrue(c.description().contains("kidney_left_cortex + kidney_left_medulla + kidney_right_cortex + "
                + "kidney_right_medulla"), c.description());
        BenchCase cube = builder.build(BenchProblems.select(List.of("lu177_water_cube")).get(0), 12);
        assertEquals(2, cube.voxelMm(), "the water cube keeps its 2 mm voxels");
    }
}
