package doseengine.phantoms;

import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The NEMA IEC body phantom (NEMA NU 2-2012 section 7; IEC 61675-1): a water-filled torso-shaped body, a
 * lung-equivalent cylinder along its axis and six fillable spheres.
 *
 * <p>Geometry (mm, world = LPS with the phantom's axis along z). The interior cross-section is the standard
 * "D": a half-disc of radius 147 on the anterior side, and on the posterior (flat, table) side a 140 x 77
 * rectangle closed by two quarter-discs of radius 77, so 294 mm wide and 224 mm deep. These are the interior
 * dimensions of the analytic model in OpenGATE ({@code opengate/contrib/phantoms/nemaiec.py}: outer radii
 * 150 and 80 mm, 140 mm flat, 3 mm wall). The interior length is 180 mm, the minimum NEMA NU 2 asks for
 * (the OpenGATE model has 194 mm), which gives 9.73 l inside. The anterior (round) side faces -y. The lung
 * insert (50 mm diameter, the NEMA outside diameter) runs the whole length on the phantom's centre line,
 * 35 mm anterior of the flat/round junction, and is placed at x = y = 0.
 * The spheres (inner diameters 10, 13, 17, 22, 28, 37 mm) are centred on a circle of radius 57.2 mm (114.4 mm
 * diameter) around the insert axis, 60 degrees apart, in the transverse plane 70 mm from the inner face of
 * the lid (z = +20 mm), as NEMA NU 2 places them; not in the central plane.
 *
 * <p>Simplifications: all plastic is left out. The 3 mm PMMA outer wall and the end plates become air, the
 * 1 mm sphere walls water (the spheres' inner diameters are kept), the insert's wall lung; the sphere
 * stems are left out. For the 113 and 208 keV photons of 177Lu, 3 mm of PMMA (1.18 g/cm3) would attenuate a
 * narrow beam by about 5 % (XCOM).
 *
 * <p>Activity: background water {@link #BACKGROUND_MBQ_PER_ML}, spheres that times the sphere-to-background
 * concentration ratio (default 4, NEMA NU 2's lower ratio), the lung insert cold. Doses scale linearly.
 */
public final class NemaIecPhantom {
    /** Inner diameters (mm) of the six spheres. */
    public static final List<Double> SPHERE_DIAMETERS_MM = List.of(10.0, 13.0, 17.0, 22.0, 28.0, 37.0);
    /** Radius (mm) of the circle of sphere centres around the insert axis. */
    public static final double SPHERE_RING_RADIUS_MM = 57.2;
    /** z (mm) of the sphere centres: 70 mm from the lid's inner face at z = +90. */
    public static final double SPHERE_PLANE_Z_MM = 20.0;
    /** Interior length along z (mm). */
    public static final double INTERIOR_LENGTH_MM = 180.0;
    /** Radius (mm) of the anterior half-disc. */
    public static final double ANTERIOR_RADIUS_MM = 147.0;
    /** Radius (mm) of the posterior corner quarter-discs, also the depth of the posterior part. */
    public static final double POSTERIOR_RADIUS_MM = 77.0;
    /** Half-width (mm) of the posterior flat part between the corner quarter-discs. */
    public static final double POSTERIOR_HALF_FLAT_MM = 70.0;
    /** Distance (mm) from the insert axis (world y = 0) back to the flat/round junction. */
    public static final double JUNCTION_Y_MM = 35.0;
    /** Diameter (mm) of the lung insert. */
    public static final double LUNG_INSERT_DIAMETER_MM = 50.0;
    /** Background activity concentration (MBq/ml): a round value; results scale linearly. */
    public static final double BACKGROUND_MBQ_PER_ML = 0.1;
    /** Default sphere-to-background concentration ratio. */
    public static final double DEFAULT_RATIO = 4.0;
    /** Air around the phantom (mm). */
    public static final double AIR_MARGIN_MM = 10;
    /** Default voxel size (mm). */
    public static final double DEFAULT_VOXEL_MM = 2.0;

    private NemaIecPhantom() {
    }

    /** {@code nema_iec} at the default 4:1 sphere-to-background ratio. */
    public static Phantom create(double voxelMm) {
        return create(voxelMm, DEFAULT_RATIO);
    }

    /** {@code nema_iec} with spheres at {@code ratio} times the background concentration (0 for cold spheres). */
    public static Phantom create(double voxelMm, double ratio) {
        String name = "nema_iec";
        if (!(ratio >= 0) || !Double.isFinite(ratio)) {
            throw new BadInputException("sphere-to-background ratio of " + name
                    + " must be a finite number >= 0, got " + ratio);
        }
        List<Layer> layers = layers(ratio);
        double halfY = (ANTERIOR_RADIUS_MM + POSTERIOR_RADIUS_MM) / 2;
        Rendering r = Rasterizer.forVoxel(voxelMm).render(PhantomGrid.centred(name, ANTERIOR_RADIUS_MM + AIR_MARGIN_MM,
                halfY + AIR_MARGIN_MM, INTERIOR_LENGTH_MM / 2 + AIR_MARGIN_MM, voxelMm), TissueHu.AIR, layers);
        String description = String.format(Locale.ROOT, "NEMA IEC body phantom (NEMA NU 2-2012, IEC 61675-1): "
                + "water (%d HU) in the standard D-shaped interior, %.0f mm wide, %.0f mm deep, %.0f mm long; lung "
                + "insert %.0f mm across (%d HU, cold); spheres of %s mm inner diameter on a %.1f mm radius ring at "
                + "z = %+.0f mm; background %.3g MBq/ml, spheres %.3g:1. Plastic walls are not modelled.",
                TissueHu.WATER, 2 * ANTERIOR_RADIUS_MM, ANTERIOR_RADIUS_MM + POSTERIOR_RADIUS_MM,
                INTERIOR_LENGTH_MM, LUNG_INSERT_DIAMETER_MM, TissueHu.LUNG_INSERT,
                SPHERE_DIAMETERS_MM.toString().replace("[", "").replace("]", "").replace(".0", ""),
                SPHERE_RING_RADIUS_MM, SPHERE_PLANE_Z_MM, BACKGROUND_MBQ_PER_ML, ratio);
        return Phantom.of(name, description, layers, r, nominalActivityMBq(ratio));
    }

    /** The interior outline: anterior half-disc, posterior rectangle and the two posterior quarter-discs. */
    public static Shape interior() {
        double z = INTERIOR_LENGTH_MM / 2, j = JUNCTION_Y_MM, rb = POSTERIOR_RADIUS_MM, w = POSTERIOR_HALF_FLAT_MM;
        return Union.of(
                Intersection.of(EllipticCylinder.circular(0, j, ANTERIOR_RADIUS_MM, -z, z), HalfSpace.yAtMost(j)),
                new Box(-w, j, -z, w, j + rb, z),
                Intersection.of(EllipticCylinder.circular(-w, j, rb, -z, z), HalfSpace.yAtLeast(j)),
                Intersection.of(EllipticCylinder.circular(w, j, rb, -z, z), HalfSpace.yAtLeast(j)));
    }

    /** Interior cross-section area (mm2): half-disc + rectangle + two quarter-discs. */
    public static double interiorAreaMm2() {
        double ra = ANTERIOR_RADIUS_MM, rb = POSTERIOR_RADIUS_MM;
        return Math.PI * ra * ra / 2 + 2 * POSTERIOR_HALF_FLAT_MM * rb + Math.PI * rb * rb / 2;
    }

    /** The sphere of this inner diameter (mm), centred on the ring as NEMA NU 2 places it. */
    public static Sphere sphere(double diameterMm) {
        int index = SPHERE_DIAMETERS_MM.indexOf(diameterMm);
        if (index < 0) {
            throw new BadInputException("NEMA IEC spheres have inner diameters " + SPHERE_DIAMETERS_MM
                    + " mm, not " + diameterMm);
        }
        // Largest sphere at -x, then every 60 degrees in decreasing size (the OpenGATE model's order).
        double angle = Math.toRadians(180 + 60 * (SPHERE_DIAMETERS_MM.size() - 1 - index));
        return new Sphere(SPHERE_RING_RADIUS_MM * Math.cos(angle), -SPHERE_RING_RADIUS_MM * Math.sin(angle),
                SPHERE_PLANE_Z_MM, diameterMm / 2);
    }

    /** Label name of a sphere: {@code sphere_10mm}. */
    public static String sphereLabel(double diameterMm) {
        return String.format(Locale.ROOT, "sphere_%.0fmm", diameterMm);
    }

    /** The analytic total activity (MBq) for this ratio: concentrations times the analytic volumes. */
    public static double nominalActivityMBq(double ratio) {
        double spheresMl = 0;
        for (double d : SPHERE_DIAMETERS_MM) {
            spheresMl += sphere(d).volumeMm3() * 1e-3;
        }
        double lungMl = Math.PI * Math.pow(LUNG_INSERT_DIAMETER_MM / 2, 2) * INTERIOR_LENGTH_MM * 1e-3;
        double backgroundMl = interiorAreaMm2() * INTERIOR_LENGTH_MM * 1e-3 - lungMl - spheresMl;
        return BACKGROUND_MBQ_PER_ML * (backgroundMl + ratio * spheresMl);
    }

    private static List<Layer> layers(double ratio) {
        double z = INTERIOR_LENGTH_MM / 2;
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("background", interior(), TissueHu.WATER, BACKGROUND_MBQ_PER_ML));
        layers.add(new Layer("lung_insert", EllipticCylinder.circular(0, 0, LUNG_INSERT_DIAMETER_MM / 2, -z, z),
                TissueHu.LUNG_INSERT, 0.0));
        for (double d : SPHERE_DIAMETERS_MM) {
            layers.add(new Layer(sphereLabel(d), sphere(d), TissueHu.WATER, ratio * BACKGROUND_MBQ_PER_ML));
        }
        return layers;
    }
}
