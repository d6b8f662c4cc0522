package doseengine.bench;

/**
 * What the DICOM CT problem ({@link DicomCtBench}) measured: wall seconds of the series' read, in the two steps a
 * {@code run --ct FOLDER} takes, and of its write, apart. It has no decays per second; the transport problems'
 * {@link BenchResult} does not apply to it.
 *
 * @param name          problem name ({@value DicomCtBench#NAME} for the bench's series)
 * @param description   the series in one paragraph
 * @param dims          columns, rows, slices {nx, ny, nz}
 * @param voxelMm       pixel spacing and slice distance {sx, sy, sz}, mm
 * @param pixelBytes    bytes of pixel data (2 per voxel, int16)
 * @param fileBytes     bytes of the files written, headers included
 * @param threads       the processors the read decodes on
 * @param buildSeconds  making the synthetic CT numbers (not part of any figure)
 * @param writeSeconds  writing the series ({@code CtSeriesWriter}); not part of the read
 * @param scanSeconds   the folder scan ({@code DicomFolder.scan}): listing and every file's header
 * @param decodeSeconds the series chosen, its slices sorted and their pixels decoded into one volume
 *                      ({@code CtSeriesReader.read} of the scanned folder)
 * @param cpuSeconds    CPU time of the process over the read (all threads, GC included); NaN where the system does
 *                      not say
 */
public record DicomCtResult(String name, String description, int[] dims, double[] voxelMm, long pixelBytes,
                            long fileBytes, int threads, double buildSeconds, double writeSeconds, double scanSeconds,
                            double decodeSeconds, double cpuSeconds) {

    public DicomCtResult {
        dims = dims.clone();
        voxelMm = voxelMm.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public double[] voxelMm() {
        return voxelMm.clone();
    }

    /** The whole read, as a user's run pays it: scan, then sort and decode. */
    public double readSeconds() {
        return scanSeconds + decodeSeconds;
    }

    /** Pixel data read per second of the whole read, in MB (10^6 bytes). */
    public double readMBps() {
        return perSecond(readSeconds());
    }

    /** Pixel data decoded per second of the sort and decode step alone, MB/s. */
    public double decodeMBps() {
        return perSecond(decodeSeconds);
    }

    /** Pixel data written per second, MB/s. */
    public double writeMBps() {
        return perSecond(writeSeconds);
    }

    /** Process CPU time over wall time of the read; NaN when unknown. */
    public double coresUsed() {
        double t = readSeconds();
        return t > 0 && cpuSeconds >= 0 ? cpuSeconds / t : Double.NaN;
    }

    private double perSecond(double seconds) {
        return seconds > 0 ? pixelBytes / 1e6 / seconds : Double.NaN;
    }
}
