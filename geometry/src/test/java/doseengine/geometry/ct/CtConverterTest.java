package doseengine.geometry.ct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CtConverterTest {
    private static final HuToDensity DENSITY = HuToDensity.schneider2000();
    private static final HuToMaterial MATERIAL = HuToMaterial.schneider2000Collapsed();

    /** One voxel per HU from -3100 to 3199: both tables' ranges and beyond on each side. */
    private static ShortVolume huRamp() {
        int n = 6300;
        short[] hu = new short[n];
        for (int v = 0; v < n; v++) {
            hu[v] = (short) (v - 3100);
        }
        return new ShortVolume(new VoxelGrid(n, 1, 1, 1, 1, 1, new double[3]), hu);
    }

    @Test
    void shortLookupTablesAgreeWithTheCalibrationAndCountClampedVoxels() {
        ShortVolume ct = huRamp();
        CtConversion c = CtConverter.schneider2000().convert(ct);
        long dBelow = 0, dAbove = 0, mBelow = 0, mAbove = 0;
        long[] perMaterial = new long[MATERIAL.materialNames().size()];
        for (int v = 0; v < ct.data().length; v++) {
            double hu = ct.data()[v];
            assertEquals((float) DENSITY.densityClamped(hu), c.density().data()[v], 0f, hu + " HU");
            int m = MATERIAL.materialIndexClamped(hu);
            assertEquals(m, c.material().get(v), hu + " HU");
            perMaterial[m]++;
            dBelow += hu < -1000 ? 1 : 0;
            dAbove += hu > 3000 ? 1 : 0;
            mBelow += hu < -1050 ? 1 : 0;
            mAbove += hu > 3000 ? 1 : 0;
        }
        assertEquals(2100, dBelow);
        assertEquals(dBelow, c.belowDensityTable());
        assertEquals(dAbove, c.aboveDensityTable());
        assertEquals(mBelow, c.belowMaterialTable());
        assertEquals(mAbove, c.aboveMaterialTable());
        assertTrue(Arrays.equals(perMaterial, c.voxelsPerMaterial()));
        assertEquals(MATERIAL.materialNames(), c.materialNames());
        assertEquals(4, c.warnings().size(), c.warnings().toString());
        assertTrue(c.warnings().get(0).startsWith("2100 CT voxels"), c.warnings().get(0));
    }

    @Test
    void floatCtGivesTheSameAsShortAndInterpolatesBetweenIntegers() {
        ShortVolume s = huRamp();
        CtConversion fromShort = CtConverter.schneider2000().convert(s);
        CtConversion fromFloat = CtConverter.schneider2000().convert(s.toFloat());
        assertTrue(Arrays.equals(fromShort.density().data(), fromFloat.density().data()));
        assertTrue(Arrays.equals(fromShort.material().data(), fromFloat.material().data()));
        assertEquals(fromShort.belowDensityTable(), fromFloat.belowDensityTable());
        assertEquals(fromShort.aboveMaterialTable(), fromFloat.aboveMaterialTable());

        // Between the 100 and 101 HU nodes the curve falls from 1.1199 to 1.0762 g/cm3 (Schneider 2000 step to
        // the bone line); float HU must follow it, not snap to an integer. Float output: 1e-6 relative.
        float[] hu = {100.25f, -21.5f, -22.5f};
        CtConversion c = CtConverter.schneider2000().convert(new FloatVolume(new VoxelGrid(3, 1, 1, 1, 1, 1,
                new double[3]), hu));
        assertEquals(1.1199 + 0.25 * (1.0762 - 1.1199), c.density().data()[0], 1e-6 * 1.11);
        assertEquals("tissue_soft_icrp", c.materialNames().get(c.material().get(1)));
        assertEquals("adiposetissue_icrp", c.materialNames().get(c.material().get(2)));
    }

    @Test
    void nonFiniteCtValueIsBadInputNamingTheVoxel() {
        VoxelGrid g = new VoxelGrid(2, 2, 2, 1, 1, 1, new double[3]);
        float[] hu = new float[8];
        hu[g.flatIndex(1, 0, 1)] = Float.NaN;
        BadInputException e = assertThrows(BadInputException.class,
                () -> CtConverter.schneider2000().convert(new FloatVolume(g, hu), "ct.nii.gz"));
        assertTrue(e.getMessage().startsWith("ct.nii.gz: voxel (1, 0, 1) holds NaN"), e.getMessage());
        hu[g.flatIndex(1, 0, 1)] = Float.NEGATIVE_INFINITY;
        assertThrows(BadInputException.class, () -> CtConverter.schneider2000().convert(new FloatVolume(g, hu)));
    }

    @Test
    void rejectPolicyRefusesTheFirstVoxelOutsideATable() {
        VoxelGrid g = new VoxelGrid(3, 1, 1, 1, 1, 1, new double[3]);
        CtConverter strict = new CtConverter(DENSITY, MATERIAL, HuRangePolicy.REJECT);
        short[] ok = {-1000, 0, 3000};
        assertTrue(!strict.convert(new ShortVolume(g, ok)).anyClamped());
        short[] air = {0, -1024, 3071};
        BadInputException e = assertThrows(BadInputException.class,
                () -> strict.convert(new ShortVolume(g, air), "ct.mha"));
        assertTrue(e.getMessage().startsWith("ct.mha: voxel (1, 0, 0) holds -1024.0 HU, outside the density"),
                e.getMessage());
        BadInputException ef = assertThrows(BadInputException.class,
                () -> strict.convert(new ShortVolume(g, air).toFloat(), "ct.mha"));
        assertEquals(e.getMessage(), ef.getMessage());
    }

    @Test
    void convertsA200CubedCt() {
        // Size check only (a 512x512x600 CT is 20 times larger); no timing assertion.
        int n = 200;
        VoxelGrid g = VoxelGrid.centredCube(n, n, n, 2.0);
        short[] hu = new short[g.voxelCount()];
        for (int v = 0; v < hu.length; v++) {
            hu[v] = (short) ((v * 7919L) % 4200 - 1100);
        }
        CtConversion c = CtConverter.schneider2000().convert(new ShortVolume(g, hu));
        long total = 0;
        for (long m : c.voxelsPerMaterial()) {
            total += m;
        }
        assertEquals(g.voxelCount(), total);
        for (int v : new int[] {0, 12345, hu.length - 1}) {
            assertEquals((float) DENSITY.densityClamped(hu[v]), c.density().data()[v], 0f);
            assertEquals(MATERIAL.materialIndexClamped(hu[v]), c.material().get(v));
        }
        CtConversion f = CtConverter.schneider2000().convert(new ShortVolume(g, hu).toFloat());
        assertTrue(Arrays.equals(c.density().data(), f.density().data()));
    }
}
