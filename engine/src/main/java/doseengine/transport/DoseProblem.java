package doseengine.transport;

import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.Volume;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.material.Material;
import java.util.List;

/**
 * Everything a dose calculation needs, on one voxel grid (the CT's): the CT itself (for pictures), density and
 * material per voxel, the time-integrated activity per voxel, the optional labels, and the nuclide.
 *
 * @param name        what is computed, for the report ("torso phantom", or the CT file)
 * @param ctHu        CT numbers (HU)
 * @param density     mass density (g/cm3)
 * @param material    material index per voxel into {@code materials}
 * @param materials   the run's materials, index = value of {@code material}
 * @param tiaMBqH     time-integrated activity per voxel (MBq h); the source distribution and the dose scale
 * @param labels      organs and lesions, or null
 * @param nuclide     the decaying nuclide
 * @param notes       what was done to the inputs (resampling, clamped CT numbers, unit conversion), for the log
 *                    and the report
 */
public record DoseProblem(String name, Volume ctHu, FloatVolume density, ByteVolume material, List<Material> materials,
                          FloatVolume tiaMBqH, LabelMap labels, Nuclide nuclide, List<String> notes) {
    public DoseProblem {
        VoxelGrid g = ctHu.grid();
        g.requireSameGrid(density.grid(), "CT", "density");
        g.requireSameGrid(material.grid(), "CT", "material");
        g.requireSameGrid(tiaMBqH.grid(), "CT", "activity");
        if (labels != null) {
            g.requireSameGrid(labels.grid(), "CT", "labels");
        }
        materials = List.copyOf(materials);
        notes = List.copyOf(notes);
    }

    public VoxelGrid grid() {
        return ctHu.grid();
    }

    /** Total time-integrated activity (MBq h). */
    public double totalTiaMBqH() {
        return tiaMBqH.sum();
    }
}
