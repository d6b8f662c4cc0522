package doseengine.tally;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;

/**
 * The highest voxel dose in tissue, where a dose maximum means something: the voxels of at least
 * {@value #MIN_TISSUE_DENSITY} g/cm3, that is, not air. In the default CT calibration (Schneider et al. 2000, linear
 * from 0.00121 g/cm3 at -1000 HU to 0.93 at -98 HU) that density is reached at -953 HU, next to -950 HU, the
 * boundary between its air and lung bins, so every lung voxel counts and no air voxel does. Air voxels around the body and inside it can hold decays (the partial volume of an activity image
 * at the skin) and, with a few milligrams of mass, doses many times any organ's, with uncertainties of tens of per
 * cent: they must not make a headline or a colour scale.
 *
 * @param gray                the maximum (Gy); 0 when no tissue voxel has dose
 * @param relativeUncertainty its voxel's relative standard error (0 for an exact method)
 * @param i                   voxel index along x; -1 when there is none
 * @param structure           the named label holding it (the smallest where structures overlap), or null
 */
public record TissueMaximum(double gray, double relativeUncertainty, int i, int j, int k, String structure) {
    /** Voxels below this density (g/cm3) are air: left out of maxima, hot spots and colour scales. */
    public static final float MIN_TISSUE_DENSITY = 0.05f;

    /** True for a voxel of this density that counts as tissue. */
    public static boolean isTissue(float densityGPerCm3) {
        return densityGPerCm3 >= MIN_TISSUE_DENSITY;
    }

    /** The maximum of a dose map over its tissue voxels; labels (may be null) name its structure. */
    public static TissueMaximum of(DoseMap map, FloatVolume density, LabelMap labels) {
        VoxelGrid g = map.gray().grid();
        g.requireSameGrid(density.grid(), "dose", "density");
        float[] d = map.gray().data();
        float[] rho = density.data();
        int best = -1;
        for (int v = 0; v < d.length; v++) {
            if (isTissue(rho[v]) && d[v] > 0 && (best < 0 || d[v] > d[best])) {
                best = v;
            }
        }
        if (best < 0) {
            return new TissueMaximum(0, Double.NaN, -1, -1, -1, null);
        }
        int i = best % g.nx(), j = (best / g.nx()) % g.ny(), k = best / (g.nx() * g.ny());
        String structure = null;
        if (labels != null) {
            int[] held = labels.valuesAt(best);
            structure = held.length == 0 ? null
                    : labels.names().get(held.length == 1 ? held[0] : (int) labels.innermost().data()[best]);
        }
        return new TissueMaximum(d[best], map.relativeUncertainty().data()[best], i, j, k, structure);
    }

    /** "352.4 Gy +- 8.5 % at voxel (43,37,42) in tumour_1". */
    public String describe() {
        if (i < 0) {
            return "no dose in tissue";
        }
        return String.format(java.util.Locale.ROOT, "%.4g Gy +- %.1f %% at voxel (%d,%d,%d)%s", gray,
                100 * relativeUncertainty, i, j, k, structure == null ? ", outside the structures" : " in " + structure);
    }
}
