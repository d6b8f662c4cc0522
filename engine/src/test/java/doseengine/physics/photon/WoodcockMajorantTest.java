package doseengine.physics.photon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The majorant must bound the kernels' float lookup mu(E) * rho everywhere (a Woodcock rejection probability
 * above one would bias the transport), and be tight: it can exceed mu only by the variation of mu across one
 * bin. Grid: 20000 voxels of eight tissue materials (iodine, in the tables, absent) with random densities.
 */
class WoodcockMajorantTest {
    static PhotonTables tables;
    static PhotonCrossSections xs;
    static byte[] material;
    static float[] density;

    @BeforeAll
    static void build() {
        List<Material> materials = new ArrayList<>();
        for (String n : PhotonTablesTest.NAMES) {
            materials.add(MaterialCatalog.standard().get(n));
        }
        tables = PhotonTables.build(materials);
        xs = tables.crossSections();
        SplittableRandom rng = new SplittableRandom(99);
        int voxels = 20_000;
        material = new byte[voxels];
        density = new float[voxels];
        for (int v = 0; v < voxels; v++) {
            // Materials 0..7 (iodine, index 8, is absent from the grid: it must not raise the majorant).
            material[v] = (byte) rng.nextInt(8);
            density[v] = (float) (rng.nextDouble() * 2.0);
        }
    }

    @Test
    void majorantBoundsTheLookupEverywhere() {
        PhotonMajorant majorant = WoodcockMajorant.build(tables, xs, material, density);
        SplittableRandom rng = new SplittableRandom(1);
        float lo = tables.lnEnergyMin();
        float hi = tables.lnEnergyMax();
        float[] nodes = tables.nodeLnEnergy();
        for (int t = 0; t < 2_000_000; t++) {
            int v = rng.nextInt(material.length);
            float ln;
            switch (t % 4) {
                case 0 -> ln = (float) (lo + rng.nextDouble() * (hi - lo));
                // Node energies (edges on both sides) and their float neighbours: where the maximum sits.
                case 1 -> ln = nodes[rng.nextInt(nodes.length)];
                case 2 -> ln = Math.nextDown(nodes[rng.nextInt(nodes.length)]);
                default -> ln = Math.nextUp(nodes[rng.nextInt(nodes.length)]);
            }
            if (ln < lo || ln > hi) {
                continue;
            }
            float mu = xs.muOverRho(PhotonCrossSections.TOTAL, material[v], ln) * density[v];
            assertTrue(mu <= majorant.at(ln), "voxel " + v + " at ln E " + ln + ": " + mu + " > " + majorant.at(ln));
        }
    }

    /**
     * Tightness: in every bin the majorant is within 1e-4 of the largest mu * rho_max found by scanning the bin
     * (its ends, its nodes on both sides of edges, and 64 points between). Against the bin's ends alone it can
     * be higher only by the rise of mu inside the bin: at most 6 % (mu ~ E^-3 across a bin 1.6 % wide, plus
     * edges). Measured: the largest ratio to the ends is printed.
     */
    @Test
    void majorantIsTight() {
        float[] perBin = WoodcockMajorant.perBin(tables, material, density);
        double[] rhoMax = WoodcockMajorant.maxDensityPerMaterial(tables.materialCount(), material, density);
        float[] nodes = tables.nodeLnEnergy();
        double width = (tables.lnEnergyMax() - (double) tables.lnEnergyMin()) / tables.binCount();
        double worstToEnds = 0;
        for (int b = 0; b < tables.binCount(); b++) {
            double start = tables.lnEnergyMin() + b * width;
            double end = start + width;
            double scanned = 0;
            double ends = 0;
            for (int m = 0; m < tables.materialCount(); m++) {
                if (rhoMax[m] == 0) {
                    continue;
                }
                List<Float> points = new ArrayList<>();
                for (int i = 0; i <= 64; i++) {
                    points.add((float) (start + (end - start) * i / 64));
                }
                for (float n : nodes) {
                    if (n >= start && n <= end) {
                        points.add(n);
                        points.add(Math.nextDown(n));
                    }
                }
                for (float ln : points) {
                    scanned = Math.max(scanned, xs.muOverRho(PhotonCrossSections.TOTAL, m, ln) * rhoMax[m]);
                }
                ends = Math.max(ends, Math.max(xs.muOverRho(PhotonCrossSections.TOTAL, m, (float) start),
                        xs.muOverRho(PhotonCrossSections.TOTAL, m, Math.nextDown((float) end))) * rhoMax[m]);
            }
            assertTrue(perBin[b] >= scanned, "bin " + b);
            assertTrue(perBin[b] <= scanned * (1 + 1e-4), "bin " + b + ": " + perBin[b] + " vs " + scanned);
            worstToEnds = Math.max(worstToEnds, perBin[b] / ends);
        }
        assertTrue(worstToEnds < 1.06, "majorant / max at bin ends: " + worstToEnds);
        System.out.printf("Woodcock majorant: at most %.4f times the larger bin-end value%n", worstToEnds);
    }

    @Test
    void absentMaterialsAndEmptyGridsDoNotRaiseTheMajorant() {
        byte[] onlyWater = new byte[10];
        float[] rho = new float[10];
        java.util.Arrays.fill(rho, 1f);
        float[] water = WoodcockMajorant.perBin(tables, onlyWater, rho);
        float ln = (float) Math.log(0.03);
        int bin = xs.bin(ln);
        // Within the 30 keV bin, water's mu/rho varies by a few per cent; bone would double it.
        assertEquals(xs.muOverRho(PhotonCrossSections.TOTAL, 0, ln), water[bin], 0.05 * water[bin]);
        float[] vacuum = WoodcockMajorant.perBin(tables, onlyWater, new float[10]);
        for (float f : vacuum) {
            assertEquals(0f, f);
        }
    }

    @Test
    void badGridsAreRefusedWithOneLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> WoodcockMajorant.perBin(tables, new byte[] {(byte) 200}, new float[] {1f}));
        assertTrue(e.getMessage().contains("200") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(BadInputException.class, () -> WoodcockMajorant.perBin(tables, new byte[2], new float[3]));
        assertThrows(BadInputException.class, () -> WoodcockMajorant.perBin(tables, new byte[1], new float[] {-1f}));
        assertThrows(BadInputException.class,
                () -> WoodcockMajorant.perBin(tables, new byte[1], new float[] {Float.NaN}));
    }
}
