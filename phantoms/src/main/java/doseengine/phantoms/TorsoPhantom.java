package doseengine.phantoms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An adult torso for 177Lu-DOTATATE-like dosimetry: body, lungs, liver, spleen, kidneys (cortex and medulla),
 * spine and three tumours. The demo's default phantom.
 *
 * <p>Geometry (mm, LPS: x to the patient's left, y posterior, z to the head; all organ axes along x, y, z).
 * <ul>
 *   <li>body: elliptic cylinder 340 x 220 mm, 360 mm long (z -180..180), soft tissue, truncated at both ends
 *       as a scan would be; 10 mm of air around it;</li>
 *   <li>lungs: ellipsoids (semi-axes 55, 80, 105) centred at x = +-80, y = 5, z = 115, cut by the body's top
 *       end; the right lung's base gives way to the liver dome;</li>
 *   <li>liver: ellipsoid (85, 60, 80) at (-65, -25, -20), 1709 ml, of which the two liver tumours take 33 ml;</li>
 *   <li>spleen: ellipsoid (25, 40, 45) at (100, 35, 0), 188 ml;</li>
 *   <li>kidneys: ellipsoids (29, 22, 56), 150 ml each, at (+70, 45, -90) (left) and (-70, 45, -100) (right,
 *       lower as usual); the medulla is the same ellipsoid scaled by 0.67, 30 % of the kidney's volume;</li>
 *   <li>spine: 11 vertebrae 32 mm apart (z = -160..160) behind the abdomen (x = 0, y = 45): a vertebral body
 *       (elliptic cylinder 44 x 34 mm, 24 mm high) whose 4 mm shell is cortical bone around spongiosa (36 x 26 mm,
 *       16 mm high), and a posterior arch (12 x 30 x 16 mm) of cortical bone; 8 mm soft-tissue discs between;</li>
 *   <li>tumours: spheres of 25 ml (tumour_1) and 8 ml (tumour_2) in the liver and 1.5 ml (tumour_3) in the
 *       mesentery, a typical site of midgut neuroendocrine metastases.</li>
 * </ul>
 * Organ volumes are adult-like: liver and kidneys near the ICRP Publication 89 reference masses (liver 1800 g
 * male / 1400 g female, kidneys 310/275 g for the pair), the spleen somewhat above them (150/130 g), all within
 * the ranges the tests hold them to (liver 1500-1800 ml, spleen 150-200 ml, each kidney 140-160 ml, each lung
 * 1.4-2.2 l). CT numbers are from {@link TissueHu}.
 *
 * <p>Activity: the map holds {@link #TOTAL_ACTIVITY_MBQ} (7.4 GBq, the standard 177Lu-DOTATATE cycle) in MBq per
 * voxel, spread in proportion to each structure's time-integrated activity concentration. For the liver,
 * spleen, kidneys and tumours these ratios are taken from mean absorbed doses per administered activity
 * reported for 177Lu-DOTATATE in 61 patients (kidneys 0.57, liver 0.27, spleen 1.17, tumours 3.41 mGy/MBq;
 * Clin Nucl Med 2013;38(3)), since self-dose per unit time-integrated concentration is nearly the same in
 * every soft tissue: relative to liver, spleen 4.33, kidneys 2.11 (cortex 2.5, medulla 1.25: cortical
 * retention of the peptide), tumours 12.6. Remainder 0.2, lungs 0.05 and spongiosa 0.2 are assumptions
 * (blood-pool-like uptake; lung scaled by its density), cortical bone 0. The map is illustrative, typical of
 * published post-therapy SPECT, not one patient's. A time-integrated activity map is this map times one
 * effective integration time (the engine's {@code --tia-hours}). After rendering, the map is scaled so its
 * total is exactly 7400 MBq; the concentrations therefore differ between voxel sizes by the sampling error.
 */
public final class TorsoPhantom {
    /** Total activity in the map (MBq). */
    public static final double TOTAL_ACTIVITY_MBQ = 7400;
    /** Default voxel (mm): 4 mm keeps a demo transport to minutes on two cores; 2 mm renders too. */
    public static final double DEFAULT_VOXEL_MM = 4.0;
    /** Semi-axes (mm) of the body's elliptical cross-section along x and y, and its half-length along z. */
    public static final double BODY_SEMI_X_MM = 170, BODY_SEMI_Y_MM = 110, BODY_HALF_LENGTH_MM = 180;
    /** Air around the body (mm). */
    public static final double AIR_MARGIN_MM = 10;
    /** Kidney medulla semi-axes as a fraction of the kidney's: 0.67^3 = 30 % of the volume. */
    public static final double MEDULLA_SCALE = 0.67;
    /** Tumour volumes (ml): tumour_1 and tumour_2 in the liver, tumour_3 in the mesentery. */
    public static final double TUMOUR_1_ML = 25, TUMOUR_2_ML = 8, TUMOUR_3_ML = 1.5;

    // Relative time-integrated activity concentrations (liver = 1); see the class comment for their basis.
    private static final double REL_REMAINDER = 0.2;
    private static final double REL_LUNG = 0.05;
    private static final double REL_LIVER = 1.0;
    private static final double REL_SPLEEN = 1.17 / 0.27;
    private static final double REL_KIDNEY_CORTEX = 2.5;
    private static final double REL_KIDNEY_MEDULLA = 1.25;
    private static final double REL_SPONGIOSA = 0.2;
    private static final double REL_CORTICAL = 0.0;
    private static final double REL_TUMOUR = 3.41 / 0.27;

    private static final int VERTEBRAE = 11;
    private static final double VERTEBRA_PITCH_MM = 32, SPINE_Y_MM = 45;

    private TorsoPhantom() {
    }

    /** The torso at the default 4 mm voxels. */
    public static Phantom create() {
        return create(DEFAULT_VOXEL_MM);
    }

    /** The torso on {@code voxelMm} voxels, its activity scaled to {@link #TOTAL_ACTIVITY_MBQ}. */
    public static Phantom create(double voxelMm) {
        String name = "torso";
        List<Layer> relative = layers();
        Rendering r = Rasterizer.forVoxel(voxelMm).render(PhantomGrid.centred(name, BODY_SEMI_X_MM + AIR_MARGIN_MM,
                BODY_SEMI_Y_MM + AIR_MARGIN_MM, BODY_HALF_LENGTH_MM + AIR_MARGIN_MM, voxelMm), TissueHu.AIR, relative);
        double relativeTotal = 0;
        for (Layer l : relative) {
            relativeTotal += l.concentrationMBqPerMl() * r.sampledVolumesMl().get(l.label());
        }
        double scale = TOTAL_ACTIVITY_MBQ / relativeTotal;
        float[] act = r.activityMBq().data();
        for (int v = 0; v < act.length; v++) {
            act[v] = (float) (act[v] * scale);
        }
        List<Layer> scaled = new ArrayList<>();
        for (Layer l : relative) {
            scaled.add(l.withConcentration(l.concentrationMBqPerMl() * scale));
        }
        // A voxel belongs to a structure when its centre does: small spheres are labelled larger or smaller than
        // their nominal volume, so the description gives both.
        double ml = r.labels().grid().voxelVolumeCm3();
        java.util.Map<Integer, Integer> counts = r.labels().voxelCounts();
        double[] labelled = new double[3];
        String[] tumours = {"tumour_3", "tumour_2", "tumour_1"};
        for (int t = 0; t < 3; t++) {
            labelled[t] = counts.get(r.labels().valueOf(tumours[t])) * ml;
        }
        String description = String.format(Locale.ROOT, "Adult torso (body %.0f x %.0f x %.0f mm) with lungs, "
                + "liver, spleen, kidneys (cortex, medulla), spine (cortical, spongiosa) and tumours of nominal "
                + "%.1f, %.0f and %.0f ml (labelled at %s mm, by voxel centres: %.3g, %.3g and %.3g ml); %.0f MBq of "
                + "a 177Lu-DOTATATE-like distribution (relative time-integrated concentrations from published mean "
                + "organ doses per GBq; illustrative), MBq per voxel.",
                2 * BODY_SEMI_X_MM, 2 * BODY_SEMI_Y_MM, 2 * BODY_HALF_LENGTH_MM, TUMOUR_3_ML, TUMOUR_2_ML,
                TUMOUR_1_ML, new java.math.BigDecimal(Double.toString(voxelMm)).stripTrailingZeros().toPlainString(),
                labelled[0], labelled[1], labelled[2], TOTAL_ACTIVITY_MBQ);
        return Phantom.of(name, description, scaled, r, TOTAL_ACTIVITY_MBQ);
    }

    /** The body outline. */
    public static EllipticCylinder body() {
        return new EllipticCylinder(0, 0, BODY_SEMI_X_MM, BODY_SEMI_Y_MM, -BODY_HALF_LENGTH_MM, BODY_HALF_LENGTH_MM);
    }

    /**
     * The layers, body first, with <em>relative</em> concentrations (liver = 1; units of MBq/ml only after the
     * scaling {@link #create(double)} applies).
     */
    public static List<Layer> layers() {
        EllipticCylinder body = body();
        Ellipsoid kidneyLeft = new Ellipsoid(70, 45, -90, 29, 22, 56);
        Ellipsoid kidneyRight = new Ellipsoid(-70, 45, -100, 29, 22, 56);
        List<Layer> l = new ArrayList<>();
        l.add(new Layer("body", body, TissueHu.SOFT_TISSUE, REL_REMAINDER));
        l.add(new Layer("lung_left", Intersection.of(new Ellipsoid(80, 5, 115, 55, 80, 105), body),
                TissueHu.LUNG, REL_LUNG));
        l.add(new Layer("lung_right", Intersection.of(new Ellipsoid(-80, 5, 115, 55, 80, 105), body),
                TissueHu.LUNG, REL_LUNG));
        l.add(new Layer("liver", new Ellipsoid(-65, -25, -20, 85, 60, 80), TissueHu.LIVER, REL_LIVER));
        l.add(new Layer("spleen", new Ellipsoid(100, 35, 0, 25, 40, 45), TissueHu.SPLEEN, REL_SPLEEN));
        l.add(new Layer("kidney_left_cortex", kidneyLeft, TissueHu.KIDNEY_CORTEX, REL_KIDNEY_CORTEX));
        l.add(new Layer("kidney_left_medulla", medulla(kidneyLeft), TissueHu.KIDNEY_MEDULLA, REL_KIDNEY_MEDULLA));
        l.add(new Layer("kidney_right_cortex", kidneyRight, TissueHu.KIDNEY_CORTEX, REL_KIDNEY_CORTEX));
        l.add(new Layer("kidney_right_medulla", medulla(kidneyRight), TissueHu.KIDNEY_MEDULLA, REL_KIDNEY_MEDULLA));
        List<Shape> cortical = new ArrayList<>();
        List<Shape> spongiosa = new ArrayList<>();
        for (int v = 0; v < VERTEBRAE; v++) {
            double zc = -VERTEBRA_PITCH_MM * (VERTEBRAE - 1) / 2 + VERTEBRA_PITCH_MM * v;
            cortical.add(new EllipticCylinder(0, SPINE_Y_MM, 22, 17, zc - 12, zc + 12));
            cortical.add(new Box(-6, SPINE_Y_MM + 17, zc - 8, 6, SPINE_Y_MM + 47, zc + 8));
            spongiosa.add(new EllipticCylinder(0, SPINE_Y_MM, 18, 13, zc - 8, zc + 8));
        }
        l.add(new Layer("spine_cortical", new Union(cortical), TissueHu.CORTICAL_BONE, REL_CORTICAL));
        l.add(new Layer("spine_spongiosa", new Union(spongiosa), TissueHu.SPONGIOSA, REL_SPONGIOSA));
        l.add(new Layer("tumour_1", sphereOfVolume(-85, -35, -20, TUMOUR_1_ML), TissueHu.TUMOUR, REL_TUMOUR));
        l.add(new Layer("tumour_2", sphereOfVolume(-40, -50, 10, TUMOUR_2_ML), TissueHu.TUMOUR, REL_TUMOUR));
        l.add(new Layer("tumour_3", sphereOfVolume(20, -20, -70, TUMOUR_3_ML), TissueHu.TUMOUR, REL_TUMOUR));
        return List.copyOf(l);
    }

    private static Ellipsoid medulla(Ellipsoid kidney) {
        return new Ellipsoid(kidney.cx(), kidney.cy(), kidney.cz(), MEDULLA_SCALE * kidney.ax(),
                MEDULLA_SCALE * kidney.ay(), MEDULLA_SCALE * kidney.az());
    }

    private static Sphere sphereOfVolume(double x, double y, double z, double volumeMl) {
        return new Sphere(x, y, z, Math.cbrt(3 * volumeMl * 1e3 / (4 * Math.PI)));
    }
}
