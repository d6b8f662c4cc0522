package doseengine.bench;

/**
 * One named problem of the benchmark.
 *
 * @param name    the name on the command line and in the report, e.g. {@code torso_lu177}
 * @param nuclide the decaying nuclide (a {@code NuclideCatalog} name); for {@link #CONVOLUTION} the one its
 *                analytic kernels imitate
 * @param phantom what the problem is built from ({@link #WATER_CUBE} or {@link #TORSO}), or {@link #CONVOLUTION}
 *                for the fast methods' convolution, which transports nothing ({@link ConvolutionBench})
 * @param target  the region and relative uncertainty a time-to-target problem runs to; null for a problem that
 *                runs a fixed number of decays
 */
public record BenchProblem(String name, String nuclide, String phantom, Target target) {
    public static final String WATER_CUBE = "water_cube";
    public static final String TORSO = "torso";
    public static final String CONVOLUTION = "convolution";

    /**
     * @param region              the label whose mean dose is watched
     * @param relativeUncertainty the relative standard error to reach, a fraction
     */
    public record Target(String region, double relativeUncertainty) {}

    public boolean isTarget() {
        return target != null;
    }

    /** True for the convolution problem: no transport, its own result ({@link ConvolutionResult}). */
    public boolean isConvolution() {
        return CONVOLUTION.equals(phantom);
    }

    /** True when {@code --voxel-mm} applies: the torso problems. */
    public boolean usesTorsoVoxel() {
        return TORSO.equals(phantom);
    }
}
