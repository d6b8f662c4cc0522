package doseengine.dosimetry.convolution;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FftSizesTest {
    @Test
    void knownLengths() {
        assertEquals(1, FftSizes.next(1));
        assertEquals(1, FftSizes.next(0), "an empty axis still needs one point");
        assertEquals(8, FftSizes.next(7), "7 is not a fast factor of JTransforms");
        assertEquals(512, FftSizes.next(511), "256 voxels + half-width 255");
        assertEquals(400, FftSizes.next(399), "200 voxels + half-width 199");
        assertEquals(270, FftSizes.padded(256, 10), "a 21-voxel kernel on 256 voxels");
    }

    /** Every length is made of the allowed factors and no shorter such length is missed. */
    @Test
    void smallestSmoothLength() {
        for (int n = 1; n <= 2000; n++) {
            int m = FftSizes.next(n);
            assertTrue(m >= n);
            assertTrue(isSmooth(m), "length " + m);
            for (int shorter = n; shorter < m; shorter++) {
                assertFalse(isSmooth(shorter), "missed " + shorter + " for n = " + n);
            }
        }
    }

    private static boolean isSmooth(int m) {
        for (int p : new int[] {2, 3, 5}) {
            while (m % p == 0) {
                m /= p;
            }
        }
        return m == 1;
    }
}
