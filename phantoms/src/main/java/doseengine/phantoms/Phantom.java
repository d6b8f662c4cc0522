package doseengine.phantoms;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An analytic phantom rendered onto a voxel grid: CT, activity and labels on one grid, with a description.
 *
 * <p>Units: {@code ctHu} in Hounsfield units. {@code activityMBq} is the activity <em>in each voxel</em> in MBq
 * (not a concentration: a voxel's value is concentration x the volume of the structure inside it), at the
 * phantom's reference time; it is not time-integrated. Label 0 is the background (air outside the object).
 *
 * @param name catalogue name, e.g. {@code torso}
 * @param description one paragraph: geometry, CT numbers, activity and their sources
 * @param ctHu CT numbers (HU)
 * @param activityMBq activity per voxel (MBq)
 * @param labels labelled structures; 0 is outside the object
 * @param structures the labelled structures in label order, with CT number, concentration and sampled volume
 * @param nominalActivityMBq the analytic total activity (MBq): sum of concentration x analytic volume. The
 *     rendered total {@code activityMBq.sum()} equals it up to the sub-voxel sampling error.
 */
public record Phantom(String name, String description, ShortVolume ctHu, FloatVolume activityMBq, LabelMap labels,
        List<Structure> structures, double nominalActivityMBq) {

    public Phantom {
        ctHu.grid().requireSameGrid(activityMBq.grid(), "phantom CT", "phantom activity");
        ctHu.grid().requireSameGrid(labels.grid(), "phantom CT", "phantom labels");
        structures = List.copyOf(structures);
    }

    /** Builds the phantom from a rendering of {@code layers}; {@code nominalActivityMBq} as in the record. */
    static Phantom of(String name, String description, List<Layer> layers, Rendering r, double nominalActivityMBq) {
        List<Structure> s = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            s.add(new Structure(layer.label(), l + 1, layer.hu(), layer.concentrationMBqPerMl(),
                    r.sampledVolumesMl().get(layer.label())));
        }
        return new Phantom(name, description, r.ctHu(), r.activityMBq(), r.labels(), s, nominalActivityMBq);
    }

    public VoxelGrid grid() {
        return ctHu.grid();
    }

    /** The structure with this label name. */
    public Structure structure(String labelName) {
        for (Structure s : structures) {
            if (s.name().equals(labelName)) {
                return s;
            }
        }
        throw new BadInputException("phantom " + name + " has no label '" + labelName
                + "'; known labels: " + labels.names().values());
    }

    /** Number of voxels whose label is {@code labelName}. */
    public int labelVoxelCount(String labelName) {
        return labels.voxelCounts().get(labels.valueOf(labelName));
    }

    /** Volume (ml) of the voxels labelled {@code labelName}: voxel count x voxel volume. */
    public double labelVolumeMl(String labelName) {
        return labelVoxelCount(labelName) * grid().voxelVolumeCm3();
    }

    /**
     * Mass (g) of the voxels labelled {@code labelName} at the given density: the voxelized mass a dose
     * calculation on this grid sees, which differs from the analytic mass by the voxelization error.
     */
    public double labelMassG(String labelName, double densityGPerCm3) {
        if (!(densityGPerCm3 > 0) || !Double.isFinite(densityGPerCm3)) {
            throw new BadInputException(
                    "density must be positive and finite, got " + densityGPerCm3 + " g/cm3");
        }
        return labelVolumeMl(labelName) * densityGPerCm3;
    }

    /** Activity (MBq) summed over the voxels labelled {@code labelName}. */
    public double labelActivityMBq(String labelName) {
        int value = labels.valueOf(labelName);
        float[] act = activityMBq.data();
        double sum = 0;
        for (int v : labels.voxelsOf(value)) {
            sum += act[v];
        }
        return sum;
    }

    /** One line per label: name, voxels, volume, CT number and concentration; for logs and reports. */
    public String summary() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s on %s, total %.6g MBq%n",
                name, grid(), activityMBq.sum()));
        Map<Integer, Integer> counts = labels.voxelCounts();
        for (Structure s : structures) {
            b.append(String.format(Locale.ROOT, "  %-22s %9d voxels %10.3f ml (sampled %10.3f ml) %6d HU %.5g MBq/ml%n",
                    s.name(), counts.get(s.label()), counts.get(s.label()) * grid().voxelVolumeCm3(),
                    s.sampledVolumeMl(), s.hu(), s.concentrationMBqPerMl()));
        }
        return b.toString();
    }
}
