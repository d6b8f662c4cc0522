package doseengine.phantoms;

import java.util.List;
import java.util.Locale;

/** A cube and a sphere of water in air, uniformly filled with 1 MBq: the simplest checks of the engine. */
public final class WaterPhantoms {
    /** Side of the water cube (mm). */
    public static final double CUBE_SIDE_MM = 200;
    /** Radius of the water sphere (mm). */
    public static final double SPHERE_RADIUS_MM = 50;
    /** Air around the object on every side (mm), so its surface lies inside the image. */
    public static final double AIR_MARGIN_MM = 10;
    /** Total activity of either phantom (MBq): doses then read directly per MBq. */
    public static final double TOTAL_ACTIVITY_MBQ = 1.0;
    /** Default voxel size (mm). */
    public static final double DEFAULT_VOXEL_MM = 2.0;

    private WaterPhantoms() {
    }

    /** {@code water_cube}: a 200 mm cube of water (0 HU) holding 1 MBq uniformly, in air. */
    public static Phantom cube(double voxelMm) {
        String name = "water_cube";
        double h = CUBE_SIDE_MM / 2;
        double volumeMl = Math.pow(CUBE_SIDE_MM, 3) * 1e-3;
        List<Layer> layers = List.of(new Layer("water", Box.centred(0, 0, 0, h, h, h), TissueHu.WATER,
                TOTAL_ACTIVITY_MBQ / volumeMl));
        double half = h + AIR_MARGIN_MM;
        Rendering r = Rasterizer.forVoxel(voxelMm).render(PhantomGrid.centred(name, half, half, half, voxelMm), TissueHu.AIR,
                layers);
        String description = String.format(Locale.ROOT, "A %.0f mm cube of water (%d HU) centred on the origin, "
                + "%.0f MBq spread uniformly (%.4g MBq/ml), with %.0f mm of air (%d HU) around it.",
                CUBE_SIDE_MM, TissueHu.WATER, TOTAL_ACTIVITY_MBQ, TOTAL_ACTIVITY_MBQ / volumeMl, AIR_MARGIN_MM,
                TissueHu.AIR);
        return Phantom.of(name, description, layers, r, TOTAL_ACTIVITY_MBQ);
    }

    /** {@code water_sphere}: a sphere of water of radius 50 mm (0 HU) holding 1 MBq uniformly, in air. */
    public static Phantom sphere(double voxelMm) {
        String name = "water_sphere";
        Sphere s = new Sphere(0, 0, 0, SPHERE_RADIUS_MM);
        double volumeMl = s.volumeMm3() * 1e-3;
        List<Layer> layers = List.of(new Layer("water", s, TissueHu.WATER, TOTAL_ACTIVITY_MBQ / volumeMl));
        double half = SPHERE_RADIUS_MM + AIR_MARGIN_MM;
        Rendering r = Rasterizer.forVoxel(voxelMm).render(PhantomGrid.centred(name, half, half, half, voxelMm), TissueHu.AIR,
                layers);
        String description = String.format(Locale.ROOT, "A sphere of water (%d HU) of radius %.0f mm (%.1f ml) "
                + "centred on the origin, %.0f MBq spread uniformly, with %.0f mm of air (%d HU) around it.",
                TissueHu.WATER, SPHERE_RADIUS_MM, volumeMl, TOTAL_ACTIVITY_MBQ, AIR_MARGIN_MM, TissueHu.AIR);
        return Phantom.of(name, description, layers, r, TOTAL_ACTIVITY_MBQ);
    }
}
