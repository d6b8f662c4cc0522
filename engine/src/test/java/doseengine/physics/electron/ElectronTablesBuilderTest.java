package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ElectronTablesBuilderTest {
    private static final MaterialCatalog CATALOG = MaterialCatalog.standard();
    private static final Material WATER = CATALOG.get("water_liquid");
    private static final Material SPONGIOSA = CATALOG.get("spongiosa");
    private static ElectronTables tables;

    @BeforeAll
    static void build() {
        tables = new ElectronTablesBuilder().build(List.of(SPONGIOSA, WATER));
    }

    @Test
    void gridAndLayout() {
        assertEquals(512, tables.nodeCount());
        assertEquals(2, tables.materialCount());
        assertEquals(1, tables.indexOf("water_liquid"));
        assertEquals(1e-3, tables.minEnergyMeV(), 1e-12);
        assertEquals(3.0, tables.maxEnergyMeV(), 1e-9);
        assertEquals(2 * 512, tables.perMaterial(Quantity.RESTRICTED_STOPPING_POWER).length);
        assertEquals(2 * 512 * 30, tables.bremsShape().length);
        // Node values are the double-precision physics rounded to float ([material][energy] layout).
        ElectronMaterialPhysics p = new ElectronMaterialPhysics(WATER);
        for (int i : new int[] {0, 100, 300, 511}) {
            double t = tables.energyAt(i);
            assertEquals(p.restrictedStoppingPower(t, 0.01, 0.01), tables.valueAt(Quantity.RESTRICTED_STOPPING_POWER,
                    1, i), 1e-6 * p.restrictedStoppingPower(t, 0.01, 0.01));
            assertEquals(p.mollerCrossSection(t, 0.01), tables.perMaterial(Quantity.MOLLER_CROSS_SECTION)[512 + i],
                    1e-6 * p.mollerCrossSection(t, 0.01) + 1e-30);
            double total = p.elastic().total(t);
            assertEquals(total, tables.valueAt(Quantity.ELASTIC_CROSS_SECTION, 1, i), 1e-6 * total);
            assertTrue(tables.valueAt(Quantity.ELASTIC_HARD_CROSS_SECTION, 1, i) <= total * (1 + 1e-6));
        }
        float[] shape = tables.bremsShape();
        for (int i = 0; i < 512 * 2; i++) {
            float max = 0;
            for (int k = 0; k < 30; k++) {
                max = Math.max(max, shape[i * 30 + k]);
            }
            assertEquals(1f, max, 0f, "each brems shape row peaks at 1");
        }
    }

    @Test
    void interpolatedTablesMatchEstarForWater() {
        // The float tables, interpolated linearly in ln T, against the ESTAR water references (see
        // StoppingPowerEstarTest): interpolation adds < 1e-4 relative at 512 nodes, so the bounds stay 0.1 %
        // (total stopping power = collision + radiative, ESTAR's total column) and, for the CSDA range, 1 % at
        // 10 keV and 0.2 % above.
        double[][] total = {{0.010, 22.56}, {0.100, 4.119}, {0.500, 2.041}, {1.000, 1.862}};
        for (double[] r : total) {
            float x = ElectronLookup.gridPosition(tables, (float) r[0]);
            assertEquals(r[1], ElectronLookup.interpolate(tables, Quantity.TOTAL_STOPPING_POWER, 1, x),
                    1e-3 * r[1], "S_tot at " + r[0]);
        }
        double[][] range = {{0.010, 2.515e-4, 0.01}, {0.100, 1.431e-2, 2e-3}, {0.500, 0.1766, 2e-3},
            {1.000, 0.4367, 2e-3}, {2.000, 0.9785, 2e-3}};
        for (double[] r : range) {
            float x = ElectronLookup.gridPosition(tables, (float) r[0]);
            assertEquals(r[1], ElectronLookup.csdaRange(tables, 1, x), r[2] * r[1], "R at " + r[0]);
        }
    }

    @Test
    void rangesAreMonotoneAndInvertible() {
        float[] csda = tables.perMaterial(Quantity.LN_CSDA_RANGE);
        float[] restricted = tables.perMaterial(Quantity.LN_RESTRICTED_RANGE);
        for (int k = 1; k < csda.length; k++) {
            if (k % 512 != 0) {
                assertTrue(csda[k] > csda[k - 1] && restricted[k] > restricted[k - 1], "index " + k);
                assertTrue(restricted[k] >= csda[k], "restricted range >= CSDA range, index " + k);
            }
        }
        for (int m = 0; m < 2; m++) {
            for (float t : new float[] {0.0012f, 0.01f, 0.0777f, 0.5f, 2.99f}) {
                float x = ElectronLookup.gridPosition(tables, t);
                float r = ElectronLookup.restrictedRange(tables, m, x);
                assertEquals(t, ElectronLookup.energyFromRestrictedRange(tables, m, r), 2e-5f * t);
                float rc = ElectronLookup.csdaRange(tables, m, x);
                assertEquals(t, ElectronLookup.energyFromCsdaRange(tables, m, rc), 2e-5f * t);
            }
        }
    }

    @Test
    void hardCrossSectionsVanishBelowTheirThresholds() {
        for (float t : new float[] {0.005f, 0.0199f}) {
            float x = ElectronLookup.gridPosition(tables, t);
            assertEquals(0f, ElectronLookup.mollerCrossSection(tables, 1, t, x), 0f);
        }
        float t = 0.0201f;
        assertTrue(ElectronLookup.mollerCrossSection(tables, 1, t, ElectronLookup.gridPosition(tables, t)) > 0);
        assertTrue(ElectronLookup.bremsCrossSection(tables, 1, 0.0101f,
                ElectronLookup.gridPosition(tables, 0.0101f)) > 0);
    }

    @Test
    void thresholdsAreBuilderParameters() {
        // A lower W_cc moves energy loss from the continuous part to hard collisions: lower restricted stopping
        // power and larger Moller cross section at 1 MeV; the cutoff is recorded for the kernels.
        ElectronTables fine = new ElectronTablesBuilder().mollerThresholdMeV(0.001).bremsThresholdMeV(0.001)
                .absorptionCutoffMeV(0.001).build(List.of(WATER));
        float x = ElectronLookup.gridPosition(fine, 1f);
        assertTrue(ElectronLookup.restrictedStoppingPower(fine, 0, x)
                < ElectronLookup.restrictedStoppingPower(tables, 1, x));
        assertTrue(ElectronLookup.mollerCrossSection(fine, 0, 1f, x)
                > 5 * ElectronLookup.mollerCrossSection(tables, 1, 1f, x));
        assertEquals(0.001f, fine.absorptionCutoffMeV(), 0f);
        assertEquals(0.010f, tables.mollerThresholdMeV(), 0f);
    }

    @Test
    void badParametersAreOneLineErrorsNamingTheValue() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ElectronTablesBuilder().absorptionCutoffMeV(0.0005));
        assertTrue(e.getMessage().contains("0.5 keV"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(BadInputException.class, () -> new ElectronTablesBuilder().mollerThresholdMeV(2.0));
        assertThrows(BadInputException.class, () -> new ElectronTablesBuilder().elasticParameters(0, 0.05));
        assertThrows(BadInputException.class, () -> new ElectronTablesBuilder().build(List.of()));
    }
}
