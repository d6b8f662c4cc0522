package doseengine.geometry.ct;

import doseengine.geometry.BadInputException;
import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;

import java.util.Locale;

/**
 * Turns a CT in HU into the density and material volumes the transport reads, in one pass over flat arrays.
 *
 * <p>A 16-bit CT (the usual case) goes through two 65536-entry lookup tables, one per possible HU value, so a
 * voxel costs two array reads whatever the calibration; a float CT (rescaled or resampled) evaluates the tables
 * per voxel. Values outside a table's range follow the {@link HuRangePolicy}; non-finite values are refused.
 */
public final class CtConverter {
    private static final int SHORT_VALUES = 1 << 16;

    private final HuToDensity densityTable;
    private final HuToMaterial materialTable;
    private final HuRangePolicy policy;

    public CtConverter(HuToDensity densityTable, HuToMaterial materialTable, HuRangePolicy policy) {
        this.densityTable = densityTable;
        this.materialTable = materialTable;
        this.policy = policy;
    }

    /** Schneider 2000 density curve, the collapsed Schneider 2000 materials, out-of-range voxels clamped and counted. */
    public static CtConverter schneider2000() {
        return new CtConverter(HuToDensity.schneider2000(), HuToMaterial.schneider2000Collapsed(),
                HuRangePolicy.CLAMP_AND_COUNT);
    }

    public HuToDensity densityTable() { return densityTable; }

    public HuToMaterial materialTable() { return materialTable; }

    public HuRangePolicy policy() { return policy; }

    public CtConversion convert(Volume ct) {
        return convert(ct, "CT");
    }

    /** Converts {@code ct} (HU); {@code ctName} (e.g. its file) names it in error messages. */
    public CtConversion convert(Volume ct, String ctName) {
        if (ct instanceof ShortVolume s) {
            return convertShort(s, ctName);
        }
        FloatVolume f = ct.toFloat();
        return convertFloat(f, ctName);
    }

    private CtConversion convertShort(ShortVolume ct, String ctName) {
        float[] densityLut = new float[SHORT_VALUES];
        byte[] materialLut = new byte[SHORT_VALUES];
        for (int h = 0; h < SHORT_VALUES; h++) {
            double hu = h + Short.MIN_VALUE;
            densityLut[h] = (float) densityTable.densityClamped(hu);
            materialLut[h] = (byte) materialTable.materialIndexClamped(hu);
        }
        short[] hu = ct.data();
        int n = hu.length;
        float[] rho = new float[n];
        byte[] mat = new byte[n];
        int[] histogram = new int[SHORT_VALUES];
        for (int v = 0; v < n; v++) {
            int h = hu[v] - Short.MIN_VALUE;
            rho[v] = densityLut[h];
            mat[v] = materialLut[h];
            histogram[h]++;
        }
        long[] perMaterial = new long[materialTable.materialNames().size()];
        long dBelow = 0, dAbove = 0, mBelow = 0, mAbove = 0;
        for (int h = 0; h < SHORT_VALUES; h++) {
            int count = histogram[h];
            if (count == 0) {
                continue;
            }
            double value = h + Short.MIN_VALUE;
            perMaterial[materialLut[h] & 0xFF] += count;
            dBelow += value < densityTable.minHu() ? count : 0;
            dAbove += value > densityTable.maxHu() ? count : 0;
            mBelow += value < materialTable.minHu() ? count : 0;
            mAbove += value > materialTable.maxHu() ? count : 0;
        }
        if (policy == HuRangePolicy.REJECT && dBelow + dAbove + mBelow + mAbove > 0) {
            for (int v = 0; v < n; v++) {
                checkRange(hu[v], v, ct.grid(), ctName);
            }
        }
        return new CtConversion(new FloatVolume(ct.grid(), rho), new ByteVolume(ct.grid(), mat), densityTable,
                materialTable, perMaterial, dBelow, dAbove, mBelow, mAbove);
    }

    private CtConversion convertFloat(FloatVolume ct, String ctName) {
        float[] hu = ct.data();
        int n = hu.length;
        float[] rho = new float[n];
        byte[] mat = new byte[n];
        long[] perMaterial = new long[materialTable.materialNames().size()];
        long dBelow = 0, dAbove = 0, mBelow = 0, mAbove = 0;
        double dMin = densityTable.minHu(), dMax = densityTable.maxHu();
        double mMin = materialTable.minHu(), mMax = materialTable.maxHu();
        boolean reject = policy == HuRangePolicy.REJECT;
        for (int v = 0; v < n; v++) {
            float value = hu[v];
            if (!Float.isFinite(value)) {
                throw new BadInputException(String.format(Locale.ROOT, "%s: voxel %s holds %s; a CT must hold finite HU",
                        ctName, voxel(ct.grid(), v), value));
            }
            if (value < dMin || value > dMax || value < mMin || value > mMax) {
                if (reject) {
                    checkRange(value, v, ct.grid(), ctName);
                }
                dBelow += value < dMin ? 1 : 0;
                dAbove += value > dMax ? 1 : 0;
                mBelow += value < mMin ? 1 : 0;
                mAbove += value > mMax ? 1 : 0;
            }
            rho[v] = (float) densityTable.densityClamped(value);
            int m = materialTable.materialIndexClamped(value);
            mat[v] = (byte) m;
            perMaterial[m]++;
        }
        return new CtConversion(new FloatVolume(ct.grid(), rho), new ByteVolume(ct.grid(), mat), densityTable,
                materialTable, perMaterial, dBelow, dAbove, mBelow, mAbove);
    }

    private void checkRange(double value, int v, VoxelGrid grid, String ctName) {
        if (!densityTable.covers(value)) {
            throw outside(value, v, grid, ctName, "density", densityTable.source(), densityTable.minHu(),
                    densityTable.maxHu());
        }
        if (!materialTable.covers(value)) {
            throw outside(value, v, grid, ctName, "material", materialTable.source(), materialTable.minHu(),
                    materialTable.maxHu());
        }
    }

    private static BadInputException outside(double value, int v, VoxelGrid grid, String ctName, String table,
            String source, double min, double max) {
        return new BadInputException(String.format(Locale.ROOT,
                "%s: voxel %s holds %s HU, outside the %s calibration %s (%s to %s HU)", ctName, voxel(grid, v),
                value, table, source, min, max));
    }

    private static String voxel(VoxelGrid grid, int v) {
        int i = v % grid.nx();
        int j = (v / grid.nx()) % grid.ny();
        int k = v / (grid.nx() * grid.ny());
        return "(" + i + ", " + j + ", " + k + ")";
    }
}
