package doseengine.methods;

/**
 * An octant of voxel values even in each axis: offsets 0..hx, 0..hy, 0..hz, index {@code i + (hx+1)*(j + (hy+1)*k)},
 * here the energy per decay (MeV) a voxel source deposits at each offset, with its relative standard error.
 */
public record VoxelBlock(int hx, int hy, int hz, double[] meVPerDecay, double[] relativeUncertainty) {
    public VoxelBlock {
        int n = (hx + 1) * (hy + 1) * (hz + 1);
        if (meVPerDecay.length != n || relativeUncertainty.length != n) {
            throw new IllegalArgumentException("an octant of " + n + " values expected");
        }
        meVPerDecay = meVPerDecay.clone();
        relativeUncertainty = relativeUncertainty.clone();
    }

    @Override
    public double[] meVPerDecay() {
        return meVPerDecay.clone();
    }

    @Override
    public double[] relativeUncertainty() {
        return relativeUncertainty.clone();
    }

    public int index(int i, int j, int k) {
        return i + (hx + 1) * (j + (hy + 1) * k);
    }

    /**
     * The octant of a full block of (2hx+1) x (2hy+1) x (2hz+1) voxels centred on the source: each offset the mean
     * of its mirror images (1, 2, 4 or 8 voxels), its error that of the mean of independent voxels (the images are
     * scored by the same histories, so they are correlated; the error is at worst understated by sqrt of the
     * number of images, at the source voxel not at all).
     */
    static VoxelBlock fold(double[] full, double[] fullRel, int hx, int hy, int hz) {
        int wx = 2 * hx + 1;
        int wy = 2 * hy + 1;
        int n = (hx + 1) * (hy + 1) * (hz + 1);
        double[] mean = new double[n];
        double[] rel = new double[n];
        for (int k = 0; k <= hz; k++) {
            for (int j = 0; j <= hy; j++) {
                for (int i = 0; i <= hx; i++) {
                    double sum = 0;
                    double var = 0;
                    int images = 0;
                    for (int sk : k == 0 ? new int[] {1} : new int[] {-1, 1}) {
                        for (int sj : j == 0 ? new int[] {1} : new int[] {-1, 1}) {
                            for (int si : i == 0 ? new int[] {1} : new int[] {-1, 1}) {
                                int v = (hx + si * i) + wx * ((hy + sj * j) + wy * (hz + sk * k));
                                sum += full[v];
                                double sd = full[v] * fullRel[v];
                                var += sd * sd;
                                images++;
                            }
                        }
                    }
                    int o = i + (hx + 1) * (j + (hy + 1) * k);
                    mean[o] = sum / images;
                    rel[o] = sum > 0 ? Math.sqrt(var) / sum : 0;
                }
            }
        }
        return new VoxelBlock(hx, hy, hz, mean, rel);
    }
}
