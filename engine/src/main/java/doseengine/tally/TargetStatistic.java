package doseengine.tally;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/** What a target-uncertainty run watches in each of its regions. */
public enum TargetStatistic {
    /** The relative standard error of the region's mean dose, from the region's own batch totals. */
    MEAN("mean"),
    /**
     * The median over the region's voxels of each voxel's relative standard error (a voxel without any deposit
     * counts as 100 %): what decides how much of a dose-volume histogram's width is noise.
     */
    VOXEL_MEDIAN("voxel-median");

    private final String key;

    TargetStatistic(String key) {
        this.key = key;
    }

    /** The spelling on the command line and in organs.json. */
    public String key() { return key; }

    public static TargetStatistic fromKey(String key) {
        for (TargetStatistic s : values()) {
            if (s.key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new BadInputException("--target-statistic must be mean or voxel-median, got '" + key + "'");
    }
}
