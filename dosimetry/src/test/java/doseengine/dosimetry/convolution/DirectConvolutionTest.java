package doseengine.dosimetry.convolution;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DirectConvolutionTest {
    /**
     * Worked by hand on a 4-voxel line: source 1 at x = 0 and 2 at x = 3, kernel K(0) = 10, K(+-1) = 1,
     * K(+-2) = 0.5. out[1] = 1 K(1) + 2 K(2) = 2; out[2] = 1 K(2) + 2 K(1) = 2.5; nothing from beyond the ends.
     */
    @Test
    void sumsTheOffsetsInsideTheGrid() {
        VoxelSValues k = new VoxelSValues(2, 0, 0, new double[] {10, 1, 0.5});
        double[] out = DirectConvolution.convolve(new double[] {1, 0, 0, 2}, 4, 1, 1, k);
        assertArrayEquals(new double[] {10, 2, 2.5, 20}, out, 1e-15);
    }

    /** The same line laid along z: the flat index i + nx (j + ny k) puts z slowest. */
    @Test
    void zIsTheSlowestAxis() {
        VoxelSValues k = new VoxelSValues(0, 0, 2, new double[] {10, 1, 0.5});
        double[] source = new double[2 * 4];
        source[1] = 1;           // (1, 0, 0)
        source[1 + 2 * 3] = 2;   // (1, 0, 3)
        double[] out = DirectConvolution.convolve(source, 2, 1, 4, k);
        assertArrayEquals(new double[] {0, 10, 0, 2, 0, 2.5, 0, 20}, out, 1e-15);
    }
}
