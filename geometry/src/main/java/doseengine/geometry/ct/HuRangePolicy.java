package doseengine.geometry.ct;

/**
 * What {@link CtConverter} does with a CT number outside the range a calibration table covers. Clinical CTs
 * routinely hold such values: -1024 HU air and -2048 or -3024 HU padding outside the reconstruction circle below
 * the tables, 3071 HU (the 12-bit maximum) in metal and its artefacts above them.
 */
public enum HuRangePolicy {
    /**
     * Take the table's end value (density of its first or last node, material of its first or last interval) and
     * count the voxels, per table and side, in the {@link CtConversion}; the caller reports the counts.
     */
    CLAMP_AND_COUNT,
    /** Refuse the CT: a bad input naming the first such voxel, its HU and the table's range. */
    REJECT
}
