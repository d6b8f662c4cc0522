package doseengine.bench;

import java.util.List;

/**
 * What the convolution problem ({@link ConvolutionBench}) measured: wall seconds per stage of each fast method.
 * It has no decays per second; the transport problems' {@link BenchResult} does not apply to it.
 *
 * @param name          problem name ({@value ConvolutionBench#NAME} for the bench's grid)
 * @param nuclide       the nuclide the analytic kernels imitate
 * @param description   grid, kernels and activity in one paragraph
 * @param dims          grid size {nx, ny, nz}
 * @param voxelMm       voxel sides {sx, sy, sz}, mm
 * @param reachMm       the radial kernels' reach, mm
 * @param shells        the radial kernels' shells
 * @param threads       threads of the voxel integration and the FFTs (every processor, as compare)
 * @param buildSeconds  making the activity and density maps and the analytic kernels (not part of compare's time)
 * @param decaysSeconds the activity map to decays per voxel, once for both methods
 * @param methods       dpk and vsv, in run order
 * @param cpuSeconds    CPU time of the process over the timed stages (all threads, GC included); NaN where the
 *                      system does not say
 * @param heapPeakMiB   the heap memory pools' peak use during the timed stages, summed: an upper bound of the peak
 *                      heap, garbage not yet collected included; the collector decides how much of it there is
 */
public record ConvolutionResult(String name, String nuclide, String description, int[] dims, double[] voxelMm,
                                double reachMm, int shells, int threads, double buildSeconds, double decaysSeconds,
                                List<Method> methods, double cpuSeconds, double heapPeakMiB) {

    public ConvolutionResult {
        dims = dims.clone();
        voxelMm = voxelMm.clone();
        methods = List.copyOf(methods);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public double[] voxelMm() {
        return voxelMm.clone();
    }

    /**
     * One method's stages, wall seconds.
     *
     * @param method             {@code dpk} or {@code vsv}
     * @param halfWidths         the voxel kernel's half-widths {hx, hy, hz} (the grid's extent, n - 1)
     * @param paddedSizes        the FFT's padded lengths {Mx, My, Mz}
     * @param kernelSeconds      the point kernel integrated over the voxels (vsv: and the electron octant added)
     * @param spectrumSeconds    the kernel's spectrum
     * @param convolutionSeconds the decays map convolved
     * @param doseSeconds        the energy turned into dose over the local mass
     */
    public record Method(String method, int[] halfWidths, int[] paddedSizes, double kernelSeconds,
                         double spectrumSeconds, double convolutionSeconds, double doseSeconds) {
        public Method {
            halfWidths = halfWidths.clone();
            paddedSizes = paddedSizes.clone();
        }

        @Override
        public int[] halfWidths() {
            return halfWidths.clone();
        }

        @Override
        public int[] paddedSizes() {
            return paddedSizes.clone();
        }

        public double totalSeconds() {
            return kernelSeconds + spectrumSeconds + convolutionSeconds + doseSeconds;
        }
    }

    /** Both methods from the activity map: the decays map and every method's stages. */
    public double totalSeconds() {
        return decaysSeconds + methods.stream().mapToDouble(Method::totalSeconds).sum();
    }

    /** Process CPU time over wall time of the timed stages; NaN when unknown. */
    public double coresUsed() {
        double t = totalSeconds();
        return t > 0 && cpuSeconds >= 0 ? cpuSeconds / t : Double.NaN;
    }
}
