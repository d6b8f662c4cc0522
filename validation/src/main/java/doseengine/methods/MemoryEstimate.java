package doseengine.methods;

import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import java.util.List;
import java.util.Locale;

/**
 * What {@code compare} will hold in memory, estimated from the grid before any work, so that a grid too large
 * for the Java heap is refused with one line instead of failing an hour later.
 *
 * <p>Per voxel: the inputs (CT 4, density 4, material 1, activity 4, labels 2 bytes), the Monte Carlo tally
 * (batch sums and sums of squares, 8 each, the running tally 8) and its dose and uncertainty maps (4 each), one
 * float map per fast method, and for the convolutions the decays and energies in double (8 each), the kernel's
 * octant (8) and the FFT's working set ({@code FftConvolution}: about 30 bytes per voxel of the grid with a
 * full-extent kernel, whose padded size is about 8 times the grid's and whose spectrum is kept as one octant).
 */
final class MemoryEstimate {
    static final long INPUT_BYTES = 4 + 4 + 1 + 4 + 2;
    static final long MC_BYTES = 8 + 8 + 8 + 4 + 4;
    static final long MAP_BYTES = 4;
    static final long CONVOLUTION_BYTES = 8 + 8 + 8 + 30;

    private MemoryEstimate() {
    }

    static long bytes(VoxelGrid g, List<Method> methods) {
        long n = g.voxelCount();
        boolean convolves = methods.contains(Method.DPK) || methods.contains(Method.VSV)
                || methods.contains(Method.VSV_DENSITY);
        return n * (INPUT_BYTES + MC_BYTES + MAP_BYTES * methods.size() + (convolves ? CONVOLUTION_BYTES : 0));
    }

    /** Refuses, with one line, a grid whose estimate exceeds 90 % of the heap. */
    static void require(VoxelGrid g, List<Method> methods, long maxHeapBytes) {
        long need = bytes(g, methods);
        if (need > 0.9 * maxHeapBytes) {
            throw new BadInputException(String.format(Locale.ROOT, "a %d x %d x %d grid needs about %.1f GB for "
                    + "compare, more than the %.1f GB the Java heap may use: give Java more (DOSEENGINE_JAVA_OPTS="
                    + "-Xmx%dg) or resample the images to larger voxels", g.nx(), g.ny(), g.nz(), need / 1e9,
                    maxHeapBytes / 1e9, (long) Math.ceil(need / 0.9 / (1L << 30)) + 1));
        }
    }
}
