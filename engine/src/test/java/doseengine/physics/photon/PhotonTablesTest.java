package doseengine.physics.photon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.BadInputException;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel tables against direct log-log interpolation of the element data (MaterialAttenuation), which
 * is the reference: the table may differ only by the interpolation between its nodes.
 */
class PhotonTablesTest {
    static final String[] NAMES = {"water_liquid", "tissue_soft_icrp", "bone_cortical_icrp", "lungtissue_icrp",
        "adiposetissue_icrp", "air_dry_nearsealevel", "muscle_skeletal_icrp", "spongiosa", "element_iodine"};

    static List<Material> materials;
    static PhotonTables tables;
    static PhotonCrossSections xs;

    @BeforeAll
    static void build() {
        materials = new ArrayList<>();
        for (String n : NAMES) {
            materials.add(MaterialCatalog.standard().get(n));
        }
        tables = PhotonTables.build(materials);
        xs = tables.crossSections();
    }

    /**
     * Every native XCOM energy is a node, so a single process of a single element is reproduced exactly; a
     * mixture's process, a sum of log-log pieces, is not exactly log-log between nodes, and the total (all
     * processes summed, then interpolated on its own) departs most. Measured with the default 512 bins: total
     * within 7.4e-5 of direct interpolation (iodine 4.3e-5), single processes within 1.4e-5. Tolerances:
     * 1.5e-4 for the total, 5e-5 per process (float rounding alone is 1e-6). Every segment between nodes is
     * probed at 1/4, 1/2 and 3/4 of its width, where a chord departs most from the curve.
     */
    @Test
    void tableFollowsDirectLogLogInterpolation() {
        float[] nodes = tables.nodeLnEnergy();
        double[] worst = new double[PhotonProcess.values().length];
        for (int m = 0; m < materials.size(); m++) {
            MaterialAttenuation direct = new MaterialAttenuation(materials.get(m), XcomLibrary.standard());
            for (int i = 0; i + 1 < nodes.length; i++) {
                if (!(nodes[i + 1] > nodes[i])) {
                    continue;
                }
                for (double f : new double[] {0.25, 0.5, 0.75}) {
                    float ln = (float) (nodes[i] + f * (nodes[i + 1] - nodes[i]));
                    for (PhotonProcess p : PhotonProcess.values()) {
                        double reference = direct.muOverRhoAtLn(p, ln, EdgeSide.ABOVE);
                        double table = xs.muOverRho(p.index(), m, ln);
                        if (reference == 0) {
                            assertEquals(0, table, 0, p + " " + NAMES[m] + " at " + Math.exp(ln));
                            continue;
                        }
                        worst[p.index()] = Math.max(worst[p.index()], Math.abs(table / reference - 1));
                    }
                }
            }
        }
        assertTrue(worst[PhotonProcess.TOTAL.index()] < 1.5e-4, "total: " + worst[0]);
        for (PhotonProcess p : PhotonProcess.values()) {
            if (p != PhotonProcess.TOTAL) {
                assertTrue(worst[p.index()] < 5e-5, p + ": " + worst[p.index()]);
            }
        }
        System.out.printf("photon table vs direct log-log, max relative error: total %.2e, coherent %.2e, "
                + "incoherent %.2e, photoelectric %.2e, pair %.2e%n", worst[0], worst[1], worst[2], worst[3], worst[4]);
    }

    /**
     * At an edge the table holds both reference values: at the edge energy the above-edge one, one float step
     * below it the below-edge one (compared with the reference at that same energy). Float rounding: 1e-6.
     */
    @Test
    void edgesAreExactOnBothSides() {
        int bone = 2;
        int iodine = 8;
        for (int m : new int[] {bone, iodine}) {
            MaterialAttenuation direct = new MaterialAttenuation(materials.get(m), XcomLibrary.standard());
            double[] edges = direct.edgeLnEnergies(Math.log(0.001), Math.log(3.0));
            assertTrue(edges.length > 0, NAMES[m]);
            for (double edge : edges) {
                float at = (float) edge;
                for (PhotonProcess p : new PhotonProcess[] {PhotonProcess.TOTAL, PhotonProcess.PHOTOELECTRIC}) {
                    double above = direct.muOverRhoAtLn(p, edge, EdgeSide.ABOVE);
                    float justBelow = Math.nextDown(at);
                    double below = direct.muOverRhoAtLn(p, justBelow, EdgeSide.BELOW);
                    assertEquals(above, xs.muOverRho(p.index(), m, at), 1e-6 * above, "above " + edge);
                    assertEquals(below, xs.muOverRho(p.index(), m, justBelow), 1e-6 * below, "below " + edge);
                }
            }
        }
        // The iodine K edge (33.17 keV) and the Ca K edge of bone (4.04 keV) as jumps of the total.
        double[] iodineEdges = XcomLibrary.standard().crossSection(53, XcomProcess.PHOTOELECTRIC).edgeLnEnergies();
        float iodineK = (float) iodineEdges[iodineEdges.length - 1];
        assertEquals(33.17, 1000 * Math.exp(iodineK), 0.01);
        assertTrue(xs.muOverRho(PhotonCrossSections.TOTAL, iodine, iodineK)
                > 4 * xs.muOverRho(PhotonCrossSections.TOTAL, iodine, Math.nextDown(iodineK)));
        float calciumK = (float) -5.51198;
        assertTrue(xs.muOverRho(PhotonCrossSections.TOTAL, bone, calciumK)
                > 2 * xs.muOverRho(PhotonCrossSections.TOTAL, bone, Math.nextDown(calciumK)));
    }

    @Test
    void binsPointToTheirFirstNodeAndLookupFindsTheLastNodeAtOrBelow() {
        float[] nodes = tables.nodeLnEnergy();
        int[] first = tables.binFirstNode();
        assertEquals(PhotonTables.DEFAULT_BIN_COUNT, first.length);
        assertEquals(Math.log(0.001), nodes[0], 1e-6);
        assertEquals(Math.log(3.0), nodes[nodes.length - 1], 1e-6);
        double width = (tables.lnEnergyMax() - tables.lnEnergyMin()) / (double) first.length;
        int mostNodesInABin = 0;
        for (int b = 0; b < first.length; b++) {
            double start = tables.lnEnergyMin() + b * width;
            assertTrue(nodes[first[b]] <= start + 1e-6, "bin " + b);
            assertTrue(first[b] + 1 == nodes.length || nodes[first[b] + 1] > start - 1e-6, "bin " + b);
            if (b + 1 < first.length) {
                mostNodesInABin = Math.max(mostNodesInABin, first[b + 1] - first[b]);
            }
        }
        // The forward scan of a lookup is bounded by the nodes of one bin (measured: 6 with these materials).
        assertTrue(mostNodesInABin <= 8, "a bin holds " + mostNodesInABin + " nodes");
        System.out.println("photon tables: " + nodes.length + " nodes, at most " + mostNodesInABin + " in a bin");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int t = 0; t < 100_000; t++) {
            float ln = (float) (tables.lnEnergyMin() + rng.nextDouble() * (tables.lnEnergyMax() - tables.lnEnergyMin()));
            if (t % 10 == 0) {
                ln = nodes[rng.nextInt(nodes.length)];
            }
            int expected = 0;
            while (expected + 1 < nodes.length && nodes[expected + 1] <= ln) {
                expected++;
            }
            assertEquals(expected, xs.node(ln), "ln E " + ln);
        }
    }

    @Test
    void gettersReturnCopies() {
        float[] mu = tables.muOverRho();
        float before = mu[0];
        mu[0] = -1;
        assertEquals(before, tables.muOverRho()[0]);
    }

    @Test
    void materialCountIsLimitedToAByteIndex() {
        Material water = MaterialCatalog.standard().get("water_liquid");
        assertThrows(BadInputException.class, () -> PhotonTables.build(List.of()));
        assertThrows(BadInputException.class, () -> PhotonTables.build(Collections.nCopies(257, water)));
    }
}
