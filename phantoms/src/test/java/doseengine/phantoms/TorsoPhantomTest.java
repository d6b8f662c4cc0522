package doseengine.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.VoxelGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TorsoPhantomTest {
    private static Phantom torso;

    @BeforeAll
    static void render() {
        torso = TorsoPhantom.create(4.0);
    }

    @Test
    void labelsAreTheAgreedOnesAndAllHaveVoxels() {
        List<String> want = List.of("body", "lung_left", "lung_right", "liver", "spleen", "kidney_left_cortex",
                "kidney_left_medulla", "kidney_right_cortex", "kidney_right_medulla", "spine_cortical",
                "spine_spongiosa", "tumour_1", "tumour_2", "tumour_3");
        assertEquals(want, List.copyOf(torso.labels().names().values()));
        for (Map.Entry<Integer, Integer> e : torso.labels().voxelCounts().entrySet()) {
            assertTrue(e.getValue() > 0, torso.labels().names().get(e.getKey()) + " has no voxel at 4 mm");
        }
    }

    /** The description gives the tumours' labelled volumes beside the nominal ones (1.5 ml is 2.05 ml at 4 mm). */
    @Test
    void descriptionGivesTheLabelledTumourVolumes() {
        String d = torso.description();
        assertTrue(d.contains("nominal 1.5, 8 and 25 ml"), d);
        String labelled = String.format(java.util.Locale.ROOT, "labelled at 4 mm, by voxel centres: %.3g, %.3g and %.3g ml",
                torso.labelVolumeMl("tumour_3"), torso.labelVolumeMl("tumour_2"), torso.labelVolumeMl("tumour_1"));
        assertTrue(d.contains(labelled), d + " / " + labelled);
        assertTrue(d.contains("2.05"), d);
    }

    /**
     * Organ volumes lie in the adult-like ranges {@link TorsoPhantom} documents (liver 1500-1800 ml, spleen
     * 150-200 ml, each kidney 140-160 ml with a 25-35 % medulla, each lung 1.4-2.2 l). The label volumes at
     * 4 mm are checked for the organs that are many voxels across; for the tumours, too few voxels across for
     * a label volume, the sampled volumes (what their activity follows) are checked within 1 % of the nominal
     * 25, 8 and 1.5 ml (sampling error of 0.5 mm sub-samples: 0.1 % measured for the 1.5 ml one).
     */
    @Test
    void organVolumesAreAdultLike() {
        assertRange("liver", 1500, 1800, torso.labelVolumeMl("liver"));
        assertRange("spleen", 150, 200, torso.labelVolumeMl("spleen"));
        for (String side : List.of("left", "right")) {
            double kidney = torso.labelVolumeMl("kidney_" + side + "_cortex")
                    + torso.labelVolumeMl("kidney_" + side + "_medulla");
            assertRange("kidney " + side, 140, 160, kidney);
            double medullaShare = torso.labelVolumeMl("kidney_" + side + "_medulla") / kidney;
            assertRange("medulla share " + side, 0.25, 0.35, medullaShare);
            assertRange("lung " + side, 1400, 2200, torso.labelVolumeMl("lung_" + side));
        }
        assertEquals(TorsoPhantom.TUMOUR_1_ML, torso.structure("tumour_1").sampledVolumeMl(), 0.01 * 25);
        assertEquals(TorsoPhantom.TUMOUR_2_ML, torso.structure("tumour_2").sampledVolumeMl(), 0.01 * 8);
        assertEquals(TorsoPhantom.TUMOUR_3_ML, torso.structure("tumour_3").sampledVolumeMl(), 0.01 * 1.5);
    }

    /**
     * Organs do not overlap one another except where designed (the liver and spleen take the lungs' bases,
     * tumours and medullae sit inside their organs): each organ's sampled volume equals its analytic volume
     * minus only what it is designed to contain. Tolerance 0.5 %: sampling error of the 0.5 mm sub-samples
     * (at most 0.12 % measured, the spongiosa); it catches any overlap above 0.5 % of an organ.
     */
    @Test
    void organsOverlapOnlyWhereDesigned() {
        double liver = 4.0 / 3 * Math.PI * 85 * 60 * 80 * 1e-3 - TorsoPhantom.TUMOUR_1_ML - TorsoPhantom.TUMOUR_2_ML;
        assertEquals(liver, torso.structure("liver").sampledVolumeMl(), 0.005 * liver);
        double spleen = 4.0 / 3 * Math.PI * 25 * 40 * 45 * 1e-3;
        assertEquals(spleen, torso.structure("spleen").sampledVolumeMl(), 0.005 * spleen);
        double kidney = 4.0 / 3 * Math.PI * 29 * 22 * 56 * 1e-3;
        double medulla = kidney * Math.pow(TorsoPhantom.MEDULLA_SCALE, 3);
        for (String side : List.of("left", "right")) {
            assertEquals(kidney - medulla, torso.structure("kidney_" + side + "_cortex").sampledVolumeMl(),
                    0.005 * kidney);
            assertEquals(medulla, torso.structure("kidney_" + side + "_medulla").sampledVolumeMl(), 0.005 * medulla);
        }
        // 11 vertebrae: spongiosa cylinders (18 x 13 mm semi-axes, 16 mm high).
        double spongiosa = 11 * Math.PI * 18 * 13 * 16 * 1e-3;
        assertEquals(spongiosa, torso.structure("spine_spongiosa").sampledVolumeMl(), 0.005 * spongiosa);
    }

    /**
     * Every organ lies inside the body: rendered alone at 1 MBq/ml, an organ's per-voxel activity (its sampled
     * fraction) never exceeds the body's, since both are sampled at the same points and every organ sample
     * point is also a body point. (Label voxels alone cannot show this: at the cut top face a lung and the body
     * can split a voxel so that air holds the plurality.)
     */
    @Test
    void everyOrganLiesInsideTheBody() {
        Rasterizer rasterizer = Rasterizer.forVoxel(4.0);
        float[] body = rasterizer.render(torso.grid(), TissueHu.AIR,
                List.of(new Layer("body", TorsoPhantom.body(), 0, 1.0))).activityMBq().data();
        for (Layer organ : TorsoPhantom.layers().subList(1, TorsoPhantom.layers().size())) {
            float[] alone = rasterizer.render(torso.grid(), TissueHu.AIR,
                    List.of(organ.withConcentration(1.0))).activityMBq().data();
            double inside = 0;
            for (int v = 0; v < body.length; v++) {
                assertTrue(alone[v] <= body[v] * (1 + 1e-6), organ.label() + " leaves the body at voxel " + v);
                inside += alone[v];
            }
            assertTrue(inside > 0, organ.label());
        }
    }

    /**
     * The total is 7400 MBq (the map is normalised after rendering; float rounding only), and the concentration
     * ordering of 177Lu-DOTATATE holds: tumour > spleen > kidney cortex > liver > remainder.
     */
    @Test
    void activityTotalAndOrdering() {
        assertEquals(7400.0, torso.activityMBq().sum(), 7400.0 * 1e-5);
        assertEquals(7400.0, torso.nominalActivityMBq(), 0);
        double tumour = torso.structure("tumour_1").concentrationMBqPerMl();
        double spleen = torso.structure("spleen").concentrationMBqPerMl();
        double cortex = torso.structure("kidney_left_cortex").concentrationMBqPerMl();
        double liver = torso.structure("liver").concentrationMBqPerMl();
        double body = torso.structure("body").concentrationMBqPerMl();
        assertTrue(tumour > spleen && spleen > cortex && cortex > liver && liver > body);
        assertEquals(0.0, torso.structure("spine_cortical").concentrationMBqPerMl(), 0);
        // Volume-weighted kidney concentration: the 2.11 x liver of the published kidney/liver dose ratio.
        double medulla = torso.structure("kidney_left_medulla").concentrationMBqPerMl();
        double share = Math.pow(TorsoPhantom.MEDULLA_SCALE, 3);
        assertEquals(0.57 / 0.27, ((1 - share) * cortex + share * medulla) / liver, 0.02);
    }

    /**
     * The same phantom at 2 mm: organ concentrations agree with the 4 mm ones within 1 % (they differ only by
     * the sampling error of the normalisation), and every label still has voxels.
     */
    @Test
    void rendersAtTwoMillimetresConsistently() {
        Phantom fine = TorsoPhantom.create(2.0);
        VoxelGrid g = fine.grid();
        assertEquals(2.0, g.spacingX(), 0);
        for (Structure s : torso.structures()) {
            Structure f = fine.structure(s.name());
            assertEquals(s.concentrationMBqPerMl(), f.concentrationMBqPerMl(), 0.01 * s.concentrationMBqPerMl() + 1e-12);
            assertTrue(fine.labelVoxelCount(s.name()) > 0, s.name());
        }
    }

    /** Every tissue's CT number lies in its intended Schneider 2000 bin, at least 10 HU from the bin's edges. */
    @Test
    void ctNumbersSitInTheirSchneiderBins() {
        SchneiderBins bins = SchneiderBins.load();
        Map<String, String> intended = Map.ofEntries(
                Map.entry("body", "SoftTissus"), Map.entry("lung_left", "Lung"), Map.entry("lung_right", "Lung"),
                Map.entry("liver", "SoftTissus"), Map.entry("spleen", "SoftTissus"),
                Map.entry("kidney_left_cortex", "SoftTissus"), Map.entry("kidney_left_medulla", "SoftTissus"),
                Map.entry("kidney_right_cortex", "SoftTissus"), Map.entry("kidney_right_medulla", "SoftTissus"),
                Map.entry("spine_cortical", "Marrow_Bone11"), Map.entry("spine_spongiosa", "Marrow_Bone02"),
                Map.entry("tumour_1", "SoftTissus"), Map.entry("tumour_2", "SoftTissus"),
                Map.entry("tumour_3", "SoftTissus"));
        for (Structure s : torso.structures()) {
            SchneiderBins.Bin bin = bins.binOf(s.hu());
            assertEquals(intended.get(s.name()), bin.material(), s.name());
            assertTrue(bin.margin(s.hu()) >= 10, s.name() + " at " + s.hu() + " HU is near an edge of " + bin);
        }
        // Every voxel of a label carries the label's CT number; outside the body is air.
        short[] hu = torso.ctHu().data();
        short[] lab = torso.labels().volume().data();
        for (int v = 0; v < hu.length; v++) {
            short want = lab[v] == 0 ? TissueHu.AIR : torso.structures().get(lab[v] - 1).hu();
            assertEquals(want, hu[v]);
        }
        assertEquals("Air", bins.binOf(TissueHu.AIR).material());
        assertTrue(bins.binOf(TissueHu.AIR).margin(TissueHu.AIR) >= 10);
    }

    private static void assertRange(String what, double lo, double hi, double value) {
        assertTrue(value >= lo && value <= hi, what + " = " + value + " outside [" + lo + ", " + hi + "]");
    }
}
