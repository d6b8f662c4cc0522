package doseengine.study;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import java.util.Arrays;
import java.util.Map;

/**
 * The organ method's time-integrated activity map (MBq h per voxel) on the reference time point's grid: its
 * activity map scaled inside each structure {@code s} by {@code TIA_s / A_s(t_ref)} and in the voxels of no
 * structure by {@code TIA_rest / A_rest(t_ref)}. The map keeps the reference image's pattern within each structure
 * and holds exactly each structure's TIA (up to float rounding of the voxels). A structure without activity at the
 * reference time point has nowhere to put its TIA: its voxels stay 0 (the caller says so).
 *
 * <p>Where structures overlap, a voxel's activity follows the smallest structure that holds it (fewest voxels;
 * the lower label value among equals): a tumour inside the liver is scaled by the tumour's own kinetics, which
 * is why it was drawn, and the liver's ratio scales the rest of the liver. The map then holds exactly the TIA of
 * each structure that encloses no other; an enclosing structure holds its inner structures' TIA plus its own
 * ratio times the activity of the rest of it, which equals its own TIA only when the kinetics inside agree.
 */
public final class OrganTiaMap {
    private OrganTiaMap() {}

    /**
     * @param activityMBq   the reference time point's activity, MBq per voxel
     * @param labels        its structures, on the same grid
     * @param tiaByName     each named structure's TIA, MBq h
     * @param activityByName each named structure's activity at the reference time, MBq
     * @param restTiaMBqH   the rest of the body's TIA, MBq h
     * @param restMBq       the rest of the body's activity at the reference time, MBq
     */
    public static FloatVolume build(FloatVolume activityMBq, LabelMap labels, Map<String, Double> tiaByName,
            Map<String, Double> activityByName, double restTiaMBqH, double restMBq) {
        activityMBq.grid().requireSameGrid(labels.grid(), "activity", "labels");
        double restScale = ratio(restTiaMBqH, restMBq);
        double[] scale = new double[Short.MAX_VALUE + 1];
        Arrays.fill(scale, restScale);
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            String name = e.getValue();
            scale[e.getKey()] = ratio(tiaByName.get(name), activityByName.get(name));
        }
        float[] a = activityMBq.data();
        float[] out = new float[a.length];
        short[] owner = labels.innermost().data(); // the class comment's rule; 0 (the rest) outside them
        for (int v = 0; v < a.length; v++) {
            out[v] = (float) (a[v] * scale[owner[v]]);
        }
        return new FloatVolume(activityMBq.grid(), out);
    }

    /** TIA over activity (h); 0 where there is no activity to scale. */
    private static double ratio(double tiaMBqH, double activityMBq) {
        return activityMBq > 0 ? tiaMBqH / activityMBq : 0;
    }
}
