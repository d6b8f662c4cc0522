package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhantomCatalogTest {
    @Test
    void namesHoldEveryPhantom() {
        List<String> names = PhantomCatalog.names();
        assertEquals(4 + 24, names.size());
        for (String n : List.of("water_cube", "water_sphere", "sphere_0.01g", "sphere_10g", "sphere_6000g",
                "nema_iec", "torso")) {
            assertTrue(names.contains(n), n);
        }
        assertEquals(4.0, PhantomCatalog.defaultVoxelMm("torso"), 0);
        assertEquals(SpherePhantom.recommendedVoxelMm(10), PhantomCatalog.defaultVoxelMm("sphere_10g"), 0);
    }

    /**
     * Every phantom of the catalogue renders at its default voxel size, every label has voxels, and the total
     * activity equals the analytic total within 1 % (sub-voxel sampling error only). Prints the label counts.
     */
    @Test
    void everyPhantomRendersWithAllLabelsPopulated() {
        for (String name : PhantomCatalog.names()) {
            Phantom p = PhantomCatalog.create(name);
            assertEquals(name, p.name());
            assertTrue(p.description().length() > 40, name + " needs a description");
            for (Map.Entry<Integer, Integer> e : p.labels().voxelCounts().entrySet()) {
                assertTrue(e.getValue() > 0, name + ": label " + p.labels().names().get(e.getKey()) + " is empty");
            }
            assertEquals(p.nominalActivityMBq(), p.activityMBq().sum(), 0.01 * p.nominalActivityMBq(), name);
            assertEquals(-1, p.activityMBq().firstNonFinite());
            if (name.startsWith("water") || name.equals("nema_iec") || name.equals("torso")) {
                System.out.print(p.summary());
            }
        }
    }

    @Test
    void waterPhantomsHaveTheirAnalyticVolumes() {
        Phantom cube = PhantomCatalog.create("water_cube", 2.0);
        // The cube's faces fall on voxel faces at 2 mm: exactly 100^3 voxels of water.
        assertEquals(1_000_000, cube.labelVoxelCount("water"));
        assertEquals(1.0, cube.activityMBq().sum(), 1e-4);
        Phantom sphere = PhantomCatalog.create("water_sphere", 2.0);
        double analytic = 4.0 / 3 * Math.PI * 50 * 50 * 50 * 1e-3;
        assertEquals(analytic, sphere.structure("water").sampledVolumeMl(), 0.001 * analytic);
        assertEquals(analytic, sphere.labelVolumeMl("water"), 0.01 * analytic);
        assertEquals(TissueHu.AIR, sphere.ctHu().get(0, 0, 0));
    }

    @Test
    void badInputsAreRefusedWithOneLine() {
        BadInputException unknown = assertThrows(BadInputException.class, () -> PhantomCatalog.create("tors", 4));
        assertTrue(unknown.getMessage().contains("'tors'") && unknown.getMessage().contains("torso")
                && unknown.getMessage().contains("nema_iec"), unknown.getMessage());
        assertThrows(BadInputException.class, () -> PhantomCatalog.create(null, 4));
        for (double bad : new double[] {-2, 0, Double.NaN, Double.POSITIVE_INFINITY}) {
            BadInputException e = assertThrows(BadInputException.class, () -> PhantomCatalog.create("torso", bad));
            assertTrue(e.getMessage().contains("voxel"), e.getMessage());
        }
        // 0.3 mm voxels would make the water cube 734^3 = 395 million voxels: refused before anything is allocated.
        BadInputException big = assertThrows(BadInputException.class, () -> PhantomCatalog.create("water_cube", 0.3));
        assertTrue(big.getMessage().contains("water_cube") && big.getMessage().contains("200000000"),
                big.getMessage());
        assertThrows(BadInputException.class, () -> PhantomCatalog.create("sphere_10g", 2.0));
        for (String name : PhantomCatalog.names()) {
            assertThrows(BadInputException.class, () -> PhantomCatalog.create(name, -1));
        }
    }
}
