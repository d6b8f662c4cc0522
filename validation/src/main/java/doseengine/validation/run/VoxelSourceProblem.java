package doseengine.validation.run;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.transport.VoxelGeometry;
import java.util.List;

/**
 * Decays spread over voxels of a voxel world, energy scored per voxel: the voxel S-value and sphere set-ups.
 *
 * @param name      the benchmark's name, for logs
 * @param source    what each decay emits
 * @param materials {@code MaterialCatalog} names; {@code material} holds indices into this list
 * @param material  material index per voxel
 * @param density   mass density per voxel (g/cm3)
 * @param activity  relative number of decays per voxel (any scale; uniform inside each voxel)
 * @param regions   labelled regions whose total energy per batch the run must keep (sphere), or null
 */
public record VoxelSourceProblem(String name, EmissionSource source, List<String> materials, ByteVolume material,
        FloatVolume density, FloatVolume activity, LabelMap regions) {
    public VoxelSourceProblem {
        materials = List.copyOf(materials);
        VoxelGrid g = material.grid();
        g.requireSameGrid(density.grid(), "material map", "density map");
        g.requireSameGrid(activity.grid(), "material map", "activity map");
        if (regions != null) {
            g.requireSameGrid(regions.grid(), "material map", "region labels");
        }
        for (byte b : material.data()) {
            if ((b & 0xFF) >= materials.size()) {
                throw new IllegalArgumentException("material index " + (b & 0xFF) + " has no material name");
            }
        }
        if (!(activity.sum() > 0)) {
            throw new IllegalArgumentException("the activity map holds no decays");
        }
    }

    public VoxelGrid grid() {
        return material.grid();
    }

    /** The world as the kernels see it (cm). */
    public VoxelGeometry voxelGeometry() {
        VoxelGrid g = grid();
        return new VoxelGeometry(g.nx(), g.ny(), g.nz(), (float) (g.spacingX() / 10), (float) (g.spacingY() / 10),
                (float) (g.spacingZ() / 10), material.data().clone(), density.data().clone());
    }
}
