package doseengine.geometry.io.dicom;

/**
 * A camera's sensitivity, counts per second per MBq, measured by the user for this camera, collimator, energy
 * window and reconstruction: the only way reconstructed counts (Units (0054,1001) CNTS) become activity, since
 * the file does not say how many counts a becquerel makes.
 */
public record CountsCalibration(double countsPerSecondPerMBq) {
    public CountsCalibration {
        if (!(countsPerSecondPerMBq > 0) || !Double.isFinite(countsPerSecondPerMBq)) {
            throw new IllegalArgumentException(
                    "the calibration factor must be positive counts per second per MBq, got " + countsPerSecondPerMBq);
        }
    }

    /**
     * Bq/ml per count in a voxel: counts / duration gives counts per second, / factor gives MBq, * 1e6 Bq, and /
     * the voxel's volume in ml the concentration.
     *
     * @param frameDurationSeconds Actual Frame Duration (0018,1242), which DICOM gives in ms, here in s
     * @param voxelMl              voxel volume in ml (cm3)
     */
    public double bqPerMlPerCount(double frameDurationSeconds, double voxelMl) {
        return 1e6 / (frameDurationSeconds * countsPerSecondPerMBq * voxelMl);
    }
}
