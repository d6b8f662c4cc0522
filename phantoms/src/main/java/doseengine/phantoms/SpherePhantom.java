package doseengine.phantoms;

import doseengine.geometry.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Unit-density soft-tissue spheres in soft tissue, at the sphere masses of the OLINDA/EXM sphere model (Stabin
 * et al., J Nucl Med 2005;46:1023): the geometry of sphere S-values.
 *
 * <p>The sphere of mass m has radius (3 m / (4 pi rho))^(1/3) at rho = 1.00 g/cm3 and holds 1 MBq uniformly.
 * It sits at the centre of a cube of soft tissue that fills the whole grid (no air), reaching at least
 * {@link #marginMm(double)} beyond the sphere surface: two radii, and never less than 12 mm, the CSDA range of
 * the most energetic beta considered (Y-90, 2.28 MeV: about 1.1 cm in water, ICRU Report 37), so every
 * electron that leaves the sphere, and its backscatter, is transported in tissue. Photons that leave the grid
 * are lost, as they would be beyond any finite phantom; their share of the sphere's self-dose is small.
 *
 * <p>Sphere and surroundings share one CT number ({@link TissueHu#SOFT_TISSUE}) and one material; the
 * Schneider curve turns it into about 1.06 g/cm3, not 1.00, so a comparison with OLINDA's unit-density
 * S-values should set the density directly. The labels ('sphere', 'surround') tell them apart.
 *
 * <p>The sphere's centre is the centre of the grid's middle voxel. The voxel must leave at least
 * {@link #MIN_VOXELS_ACROSS} voxels across the diameter, where the voxelized volume (label voxels) is within
 * about 1 % of the sphere's: 0.07 % at exactly 30 voxels across, at most 1.02 % (at 30.6 across) in a scan
 * from 30 to 80 voxels across in steps of 0.1. Coarser voxels are refused rather than silently misrepresenting
 * the mass; {@link #voxelizedMassG} gives the mass a voxel calculation sees.
 */
public final class SpherePhantom {
    /** Sphere masses (g) of the OLINDA/EXM sphere model. */
    public static final List<Double> OLINDA_MASSES_G = Collections.unmodifiableList(List.of(
            0.01, 0.1, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 20.0, 40.0, 60.0, 80.0, 100.0, 300.0, 400.0, 500.0,
            600.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0));
    /** Density (g/cm3) that turns a mass into a radius, as in the OLINDA sphere model. */
    public static final double DENSITY_G_PER_CM3 = 1.00;
    /** Fewest voxels across the sphere's diameter. */
    public static final double MIN_VOXELS_ACROSS = 30;
    /** Activity in the sphere (MBq). */
    public static final double SPHERE_ACTIVITY_MBQ = 1.0;
    /** Least tissue beyond the sphere surface (mm): about the CSDA range in water of a 2.28 MeV electron. */
    public static final double MIN_MARGIN_MM = 12;

    private static final String PREFIX = "sphere_";

    private SpherePhantom() {
    }

    /** Radius (mm) of a sphere of this mass at 1.00 g/cm3. */
    public static double radiusMm(double massG) {
        requireMass(massG);
        double volumeCm3 = massG / DENSITY_G_PER_CM3;
        return 10.0 * Math.cbrt(3.0 * volumeCm3 / (4.0 * Math.PI));
    }

    /** The coarsest voxel (mm) that leaves {@value #MIN_VOXELS_ACROSS} voxels across the diameter. */
    public static double recommendedVoxelMm(double massG) {
        return 2.0 * radiusMm(massG) / MIN_VOXELS_ACROSS;
    }

    /** Soft tissue beyond the sphere surface (mm): two radii, at least {@value #MIN_MARGIN_MM} mm. */
    public static double marginMm(double massG) {
        return Math.max(2.0 * radiusMm(massG), MIN_MARGIN_MM);
    }

    /** Catalogue name of a sphere of this mass: {@code sphere_10g}, {@code sphere_0.5g}. */
    public static String name(double massG) {
        requireMass(massG);
        return PREFIX + BigDecimal.valueOf(massG).stripTrailingZeros().toPlainString() + "g";
    }

    /** Catalogue names of the OLINDA masses, lightest first. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (double m : OLINDA_MASSES_G) {
            out.add(name(m));
        }
        return Collections.unmodifiableList(out);
    }

    /** The OLINDA mass named by {@code name}, or NaN when the name is not one of {@link #names()}. */
    static double massOf(String name) {
        for (double m : OLINDA_MASSES_G) {
            if (name(m).equals(name)) {
                return m;
            }
        }
        return Double.NaN;
    }

    /**
     * Renders the sphere of {@code massG} grams on {@code voxelMm} voxels. Throws a {@link BadInputException}
     * when the voxel leaves fewer than {@value #MIN_VOXELS_ACROSS} voxels across the diameter (the message gives
     * the recommended size).
     */
    public static Phantom create(double massG, double voxelMm) {
        requireMass(massG);
        String name = name(massG);
        PhantomGrid.requireVoxelSize(name, voxelMm);
        double r = radiusMm(massG);
        double across = 2 * r / voxelMm;
        if (across < MIN_VOXELS_ACROSS * (1 - 1e-9)) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "voxel of %s mm leaves %.1f voxels across the %.4g mm diameter of %s; at least %.0f are "
                            + "needed: use %.4g mm or less", voxelMm, across, 2 * r, name, MIN_VOXELS_ACROSS,
                    recommendedVoxelMm(massG)));
        }
        double half = r + marginMm(massG);
        Sphere sphere = new Sphere(0, 0, 0, r);
        // The surround reaches a voxel past the grid so rounding the grid up never leaves a sliver of air.
        double cover = half + 2 * voxelMm;
        List<Layer> layers = List.of(
                new Layer("surround", Box.centred(0, 0, 0, cover, cover, cover), TissueHu.SOFT_TISSUE, 0.0),
                new Layer("sphere", sphere, TissueHu.SOFT_TISSUE, SPHERE_ACTIVITY_MBQ / (sphere.volumeMm3() * 1e-3)));
        // A fixed 4 x 4 x 4 sub-sampling keeps every sphere the same pattern in voxel units, whatever its mass.
        Rendering rendering = new Rasterizer().render(PhantomGrid.centredOnVoxel(name, half, half, half, voxelMm),
                TissueHu.AIR, layers);
        String description = String.format(Locale.ROOT, "A %s g sphere of soft tissue at %.2f g/cm3 (radius "
                + "%.4g mm, %.4g ml) holding %.0f MBq uniformly, centred in a cube of soft tissue reaching %.4g mm "
                + "beyond its surface; one CT number (%d HU) for both; OLINDA/EXM sphere-model mass.",
                BigDecimal.valueOf(massG).stripTrailingZeros().toPlainString(), DENSITY_G_PER_CM3, r,
                sphere.volumeMm3() * 1e-3, SPHERE_ACTIVITY_MBQ, marginMm(massG), TissueHu.SOFT_TISSUE);
        return Phantom.of(name, description, layers, rendering, SPHERE_ACTIVITY_MBQ);
    }

    /** Mass (g) of the voxels labelled 'sphere' at 1.00 g/cm3: the mass a voxel dose calculation sees. */
    public static double voxelizedMassG(Phantom phantom) {
        return phantom.labelMassG("sphere", DENSITY_G_PER_CM3);
    }

    private static void requireMass(double massG) {
        if (!(massG > 0) || !Double.isFinite(massG)) {
            throw new BadInputException("sphere mass must be a positive finite number of grams, got " + massG);
        }
    }
}
