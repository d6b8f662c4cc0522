package doseengine.geometry.io;

/**
 * The linear map from a stored sample to the voxel value, {@code value = slope * stored + intercept} (NIfTI-1
 * {@code scl_slope}/{@code scl_inter}). Computed in double and rounded once to float.
 */
record Rescale(double slope, double intercept) {
    static final Rescale IDENTITY = new Rescale(1, 0);

    boolean isIdentity() { return slope == 1 && intercept == 0; }
}
