package doseengine.report;

import doseengine.dosimetry.treatment.StructureKind;
import doseengine.dosimetry.treatment.StructureKinds;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.tally.RegionDose;
import doseengine.transport.DoseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A dose-on-CT picture per lesion of a cycle (structures of kind {@link StructureKind#LESION}): the axial slice
 * (constant k) through the lesion's hottest voxel, the dose as a colour wash on the CT ({@link DoseSlicePlot}) and
 * the lesion's outline. The hottest voxel rather than the centre of mass: an irregular or hollow lesion's centre of
 * mass can lie outside it, its hottest voxel cannot. With few decays the hottest voxel moves with the Monte Carlo
 * noise, but always among the lesion's voxels. Every lesion of a cycle has the colour scale of the cycle's run
 * picture (the highest D2 of the structures, {@link DoseSlicePlot#washTop}), so that lesions can be compared.
 */
public final class LesionSlices {
    /** One lesion's picture: the structure, the file in the cycle's folder, the slice shown. */
    public record LesionSlice(String name, String file, int k) {}

    private LesionSlices() {}

    /** {@code lesion_<name>.png}, characters other than letters, digits, - and _ as _. */
    public static String fileName(String lesion) {
        return "lesion_" + lesion.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
    }

    /** Writes the picture of every lesion of the run with at least one voxel into {@code cycleDir}. */
    public static List<LesionSlice> write(Path cycleDir, String cycle, DoseResult r, StructureKinds kinds) {
        LabelMap labels = r.problem().labels();
        List<LesionSlice> out = new ArrayList<>();
        if (labels == null) {
            return out;
        }
        FloatVolume dose = r.dose().gray();
        FloatVolume density = r.problem().density();
        DoseSlicePlot.WashTop top = DoseSlicePlot.washTop(dose, density, r.regions());
        for (RegionDose region : r.regions()) {
            if (region.voxels() == 0 || kinds.kindOf(region.name()) != StructureKind.LESION) {
                continue;
            }
            BitSet mask = labels.maskOf(region.labelValue());
            DoseSlicePlot.Slice slice = hottest(dose, mask, region.name());
            String file = fileName(region.name());
            DoseSlicePlot.write(cycleDir.resolve(file), r.problem().ctHu(), density, dose, slice, top,
                    String.format(Locale.ROOT, "%s %s: mean %s Gy (white outline)", cycle, region.name(),
                            NiceNumbers.significant(region.meanGy())), mask);
            out.add(new LesionSlice(region.name(), file, slice.k()));
        }
        return out;
    }

    /** The slice through the voxel of {@code mask} with the highest dose (the first such voxel on a tie). */
    static DoseSlicePlot.Slice hottest(FloatVolume dose, BitSet mask, String name) {
        VoxelGrid g = dose.grid();
        float[] d = dose.data();
        int best = mask.nextSetBit(0);
        for (int v = best; v >= 0; v = mask.nextSetBit(v + 1)) {
            if (d[v] > d[best]) {
                best = v;
            }
        }
        int plane = g.nx() * g.ny();
        int k = best / plane;
        int j = best % plane / g.nx();
        int i = best % g.nx();
        return new DoseSlicePlot.Slice(k, String.format(Locale.ROOT, "through the hottest voxel of %s (%d, %d, %d: %s Gy)",
                name, i, j, k, NiceNumbers.significant(d[best])));
    }
}
