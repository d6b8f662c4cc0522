package doseengine.phantoms;

import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every phantom by name: {@code water_cube}, {@code water_sphere}, {@code sphere_<mass>g} for the OLINDA masses
 * ({@code sphere_0.01g} .. {@code sphere_6000g}), {@code nema_iec} and {@code torso}.
 */
public final class PhantomCatalog {
    private static final List<String> FIXED = List.of("water_cube", "water_sphere", "nema_iec", "torso");

    private PhantomCatalog() {
    }

    /** All phantom names, in a stable order. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(FIXED.subList(0, 2));
        all.addAll(SpherePhantom.names());
        all.addAll(FIXED.subList(2, 4));
        return Collections.unmodifiableList(all);
    }

    /** The voxel size (mm) a phantom is rendered at when none is given. */
    public static double defaultVoxelMm(String name) {
        switch (requireKnown(name)) {
            case "water_cube", "water_sphere":
                return WaterPhantoms.DEFAULT_VOXEL_MM;
            case "nema_iec":
                return NemaIecPhantom.DEFAULT_VOXEL_MM;
            case "torso":
                return TorsoPhantom.DEFAULT_VOXEL_MM;
            default:
                return SpherePhantom.recommendedVoxelMm(SpherePhantom.massOf(name));
        }
    }

    /** The phantom {@code name} at its default voxel size. */
    public static Phantom create(String name) {
        return create(name, defaultVoxelMm(name));
    }

    /** The phantom {@code name} rendered on cubic voxels of {@code voxelMm} mm. */
    public static Phantom create(String name, double voxelMm) {
        String known = requireKnown(name);
        PhantomGrid.requireVoxelSize(known, voxelMm);
        switch (known) {
            case "water_cube":
                return WaterPhantoms.cube(voxelMm);
            case "water_sphere":
                return WaterPhantoms.sphere(voxelMm);
            case "nema_iec":
                return NemaIecPhantom.create(voxelMm);
            case "torso":
                return TorsoPhantom.create(voxelMm);
            default:
                return SpherePhantom.create(SpherePhantom.massOf(known), voxelMm);
        }
    }

    private static String requireKnown(String name) {
        if (name == null || !names().contains(name)) {
            throw new BadInputException("unknown phantom '" + name + "'; known phantoms: "
                    + String.join(", ", names()));
        }
        return name;
    }
}
