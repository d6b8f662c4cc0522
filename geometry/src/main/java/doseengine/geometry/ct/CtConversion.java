package doseengine.geometry.ct;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the transport needs from a CT: mass density (g/cm3) and a material index per voxel, the names behind the
 * indices, and how many voxels lay outside each calibration table's HU range (clamped under
 * {@link HuRangePolicy#CLAMP_AND_COUNT}; the caller reports {@link #warnings()}).
 */
public final class CtConversion {
    private final FloatVolume density;
    private final ByteVolume material;
    private final List<String> materialNames;
    private final long[] voxelsPerMaterial;
    private final long belowDensityTable, aboveDensityTable, belowMaterialTable, aboveMaterialTable;
    private final HuToDensity densityTable;
    private final HuToMaterial materialTable;

    CtConversion(FloatVolume density, ByteVolume material, HuToDensity densityTable, HuToMaterial materialTable,
            long[] voxelsPerMaterial, long belowDensityTable, long aboveDensityTable, long belowMaterialTable,
            long aboveMaterialTable) {
        this.density = density;
        this.material = material;
        this.densityTable = densityTable;
        this.materialTable = materialTable;
        this.materialNames = materialTable.materialNames();
        this.voxelsPerMaterial = voxelsPerMaterial;
        this.belowDensityTable = belowDensityTable;
        this.aboveDensityTable = aboveDensityTable;
        this.belowMaterialTable = belowMaterialTable;
        this.aboveMaterialTable = aboveMaterialTable;
    }

    /** Mass density in g/cm3 on the CT grid. */
    public FloatVolume density() { return density; }

    /** Material index per voxel (unsigned byte) into {@link #materialNames()}. */
    public ByteVolume material() { return material; }

    /**
     * Material index to name: every material of the calibration table, in table order, including those no voxel
     * uses (their {@link #voxelsPerMaterial()} count is 0), so an index means the same for every CT.
     */
    public List<String> materialNames() { return materialNames; }

    /** Voxel count per material index, a copy. */
    public long[] voxelsPerMaterial() { return voxelsPerMaterial.clone(); }

    /** Names of the materials that at least one voxel uses, in index order. */
    public List<String> usedMaterialNames() {
        List<String> used = new ArrayList<>();
        for (int m = 0; m < voxelsPerMaterial.length; m++) {
            if (voxelsPerMaterial[m] > 0) {
                used.add(materialNames.get(m));
            }
        }
        return used;
    }

    /** Voxels whose HU lay below the density table's first node (given that node's density). */
    public long belowDensityTable() { return belowDensityTable; }

    /** Voxels whose HU lay above the density table's last node (given that node's density). */
    public long aboveDensityTable() { return aboveDensityTable; }

    /** Voxels whose HU lay below the material table's first interval (given its material). */
    public long belowMaterialTable() { return belowMaterialTable; }

    /** Voxels whose HU lay above the material table's last interval (given its material). */
    public long aboveMaterialTable() { return aboveMaterialTable; }

    /** True when some voxel lay outside a table's range and took the table's end value. */
    public boolean anyClamped() {
        return belowDensityTable + aboveDensityTable + belowMaterialTable + aboveMaterialTable > 0;
    }

    /** One line per clamped group of voxels, for the run's log and report; empty when nothing was clamped. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        long n = density.grid().voxelCount();
        add(w, belowDensityTable, n, "below", densityTable.minHu(), "took the density of",
                densityTable.source());
        add(w, aboveDensityTable, n, "above", densityTable.maxHu(), "took the density of",
                densityTable.source());
        add(w, belowMaterialTable, n, "below", materialTable.minHu(), "took the material "
                + materialTable.material(materialTable.minHu()) + " of", materialTable.source());
        add(w, aboveMaterialTable, n, "above", materialTable.maxHu(), "took the material "
                + materialTable.material(materialTable.maxHu()) + " of", materialTable.source());
        return w;
    }

    private static void add(List<String> w, long count, long total, String side, double hu, String what,
            String table) {
        if (count > 0) {
            w.add(String.format(Locale.ROOT, "%d CT voxels (%.3g %%) %s %s HU %s %s HU (%s)", count,
                    100.0 * count / total, side, fmt(hu), what, fmt(hu), table));
        }
    }

    private static String fmt(double hu) {
        return hu == Math.rint(hu) ? Long.toString((long) hu) : Double.toString(hu);
    }
}
