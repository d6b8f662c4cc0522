package doseengine.tally;

/** The median of a float array by selection (Hoare's quickselect, expected linear time), reordering the array. */
final class Median {
    private Median() {}

    /**
     * The lower median {@code x((n - 1) / 2)} of the sorted values for odd n, the mean of the two middle values for
     * even n. The array is reordered.
     */
    static double ofInPlace(float[] a) {
        if (a.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        int n = a.length;
        float hi = select(a, 0, n - 1, n / 2);
        if (n % 2 == 1) {
            return hi;
        }
        // After selecting n/2, every value left of it is <= it: the largest of them is the other middle value.
        float lo = a[0];
        for (int i = 1; i < n / 2; i++) {
            lo = Math.max(lo, a[i]);
        }
        return 0.5 * ((double) lo + hi);
    }

    private static float select(float[] a, int left, int right, int k) {
        while (left < right) {
            float pivot = median3(a[left], a[(left + right) >>> 1], a[right]);
            int i = left, j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float median3(float x, float y, float z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
