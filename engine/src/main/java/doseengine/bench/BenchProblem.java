package doseengine.bench;

/**
 * One named problem of the benchmark.
 *
 * @param name    the name on the command line and in the report, e.g. {@code torso_lu177}
 * @param nuclide the decaying nuclide (a {@code NuclideCatalog} name); for {@link #CONVOLUTION} the one its
 *                analytic kernels imitate; null for {@link #DICOM_CT}, which has none
 * @param phantom what the problem is built from ({@link #WATER_CUBE} or {@link #TORSO}), or {@link #CONVOLUTION}
 *                for the fast methods' convolution, which transports nothing ({@link ConvolutionBench}), or
 *                {@link #DICOM_CT} for the read of a CT series, which transports nothing either
 *                ({@link DicomCtBench})
 * @param target  the region and relative uncertainty a time-to-target problem runs to; null for a problem that
 *                runs a fixed number of decays
 */
public record BenchProblem(String name, String nuclide, String phantom, Target target) {
    public static final String WATER_CUBE = "water_cube";
    public static final String TORSO = "torso";
    public static final String CONVOLUTION = "convolution";
    public static final String DICOM_CT = "dicom_ct";

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

    /** True for the DICOM CT read: no transport, its own result ({@link DicomCtResult}). */
    public boolean isDicomCt() {
        return DICOM_CT.equals(phantom);
    }

    /** True for the problems that transport decays, the ones {@link BenchProblems#build} builds. */
    public boolean isTransport() {
        return !isConvolution() && !isDicomCt();
    }

    /** True when {@code --voxel-mm} applies: the torso problems. */
    public boolean usesTorsoVoxel() {
        return TORSO.equals(phantom);
    }
}
