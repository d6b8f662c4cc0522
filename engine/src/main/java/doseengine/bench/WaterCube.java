package doseengine.bench;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.phantoms.WaterPhantoms;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import doseengine.transport.DoseProblem;
import java.util.List;
import java.util.Locale;

/**
 * The water cube of the benchmark, with its materials assigned directly: liquid water inside, dry air around.
 *
 * <p>Why not through the CT calibration like the torso: the cube's 0 HU would become ICRP soft tissue (the
 * Schneider 2000 table maps -22..19 HU to {@code tissue_soft_icrp}), and a problem named "water" should be water.
 * The phantom's label image says which voxels are water; every other voxel is air. Densities are the catalog's
 * (ESTAR): water_liquid 1.0 g/cm3, air_dry_nearsealevel 0.00120479 g/cm3.
 */
final class WaterCube {
    static final String WATER = "water_liquid";
    static final String AIR = "air_dry_nearsealevel";
    /** The cube's voxel size (mm); fixed so that the problem is always the same. */
    static final double VOXEL_MM = 2.0;

    private WaterCube() {}

    static DoseProblem build(Nuclide nuclide, double tiaHours) {
        Phantom cube = PhantomCatalog.create(BenchProblem.WATER_CUBE, VOXEL_MM);
        MaterialCatalog catalog = MaterialCatalog.standard();
        Material water = catalog.get(WATER);
        Material air = catalog.get(AIR);
        VoxelGrid grid = cube.grid();
        LabelMap labels = cube.labels();
        int waterLabel = labels.valueOf("water");
        java.util.BitSet inWaterMask = labels.maskOf(waterLabel);
        int n = grid.voxelCount();
        byte[] material = new byte[n];
        float[] density = new float[n];
        for (int v = 0; v < n; v++) {
            boolean inWater = inWaterMask.get(v);
            material[v] = (byte) (inWater ? 0 : 1);
            density[v] = (float) (inWater ? water : air).densityGPerCm3();
        }
        float[] activity = cube.activityMBq().data();
        float[] tia = new float[activity.length];
        for (int v = 0; v < activity.length; v++) {
            tia[v] = (float) (activity[v] * tiaHours);
        }
        return new DoseProblem("water cube", cube.ctHu(), new FloatVolume(grid, density), new ByteVolume(grid, material),
                List.of(water, air), new FloatVolume(grid, tia), labels, nuclide, List.of());
    }

    static String description(Nuclide nuclide) {
        MaterialCatalog catalog = MaterialCatalog.standard();
        return String.format(Locale.ROOT, "%s uniform in a %.0f mm cube of %s (%s g/cm3), %.0f mm of %s "
                + "(%s g/cm3) around it, %s voxels; materials assigned directly, not through the CT calibration",
                nuclide.name(), WaterPhantoms.CUBE_SIDE_MM, WATER, BenchNumbers.plain(catalog.get(WATER).densityGPerCm3()),
                WaterPhantoms.AIR_MARGIN_MM, AIR, BenchNumbers.plain(catalog.get(AIR).densityGPerCm3()),
                BenchNumbers.mm(VOXEL_MM));
    }
}
