package doseengine.kernels.opencl;

/**
 * Differences between a device float and its Java twin in units in the last place: of the Java value, or of
 * a stated scale where the value itself can be far smaller than the numbers it was computed from (a
 * difference of two energies is compared in ulps of the larger energy).
 *
 * <p>Shared with the engine's twin tests through this module's test-jar.
 */
public final class UlpDifference {

    private double largest;
    private long compared;

    /** |device - java| / ulp(scale); 0 for equal bits, infinite when only one of them is finite. */
    public static double ulps(float java, float device, float scale) {
        if (Float.floatToRawIntBits(java) == Float.floatToRawIntBits(device) || java == device) {
            return 0;
        }
        if (!Float.isFinite(java) || !Float.isFinite(device)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs((double) device - java) / Math.ulp(Math.abs(scale));
    }

    public static double ulps(float java, float device) {
        return ulps(java, device, java);
    }

    /** Records one comparison and returns its ulps. */
    public double add(float java, float device, float scale) {
        double u = ulps(java, device, scale);
        largest = Math.max(largest, u);
        compared++;
        return u;
    }

    public double add(float java, float device) {
        return add(java, device, java);
    }

    public double largest() {
        return largest;
    }

    public long compared() {
        return compared;
    }
}
