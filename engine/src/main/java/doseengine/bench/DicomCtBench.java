package doseengine.bench;

import doseengine.geometry.BadInputException;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.dicom.CtSeries;
import doseengine.geometry.io.dicom.CtSeriesReader;
import doseengine.geometry.io.dicom.CtSeriesWriter;
import doseengine.geometry.io.dicom.DicomFolder;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.Uids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The bench problem {@value #NAME}: reading a clinical-sized CT series as {@code doseengine run --ct FOLDER} reads
 * it. A synthetic series of 600 slices of 512 x 512 (int16, uncompressed, 0.98 x 0.98 mm pixels, slices 1.25 mm
 * apart) is written with {@link CtSeriesWriter} into a temporary folder, which is deleted afterwards, also when
 * something fails. Then, timed one after the other as a run takes them:
 * <ol>
 * <li>scan: {@link DicomFolder#scan}, the folder listed and every file's header parsed;</li>
 * <li>sort and decode: {@link CtSeriesReader#read(DicomFolder, String)} of the scanned folder, the series chosen,
 * its slices sorted and checked, every slice's pixels decoded into one volume.</li>
 * </ol>
 * Their sum is the whole read, a run's {@code CtSeriesReader.read(folder, null)}, and its pixel data per second
 * (MB of 10^6 bytes) is the figure. The write is timed apart and is not part of it.
 *
 * <p>The files were just written, so the operating system's page cache holds them and the read comes from memory,
 * not from the disk: the figure is one of the DICOM codec (parsing and decoding), not of the storage. A series
 * read from a cold disk or a network share adds the transfer of its 315 MB. Nothing is warmed up: the read pays
 * the JIT compilation of the parser and decoder, as a user's run does (the write before it has compiled the
 * shared code that writes, not the code that reads).
 *
 * <p>The CT numbers are a body-like ellipse (about 340 x 230 mm) of soft tissue with an adipose rim, a spine of
 * cortical and cancellous bone, two lungs in the upper slices and two hip bones in the lower ones, in air, with a
 * few HU of deterministic noise, so the pixel data look like a CT's. The content does not change the cost of
 * uncompressed pixels; it keeps the files plausible for anyone who opens them.
 */
public final class DicomCtBench {
    public static final String NAME = "dicom_ct_512x512x600";
    static final int NX = 512;
    static final int NY = 512;
    static final int NZ = 600;
    static final double SX = 0.98;
    static final double SY = 0.98;
    static final double SZ = 1.25;
    /** Header bytes allowed per file when checking the free space: a CT header here is about 1.2 KB. */
    static final long HEADER_BYTES_PER_FILE = 8192;

    static final short AIR = -1000;
    static final short ADIPOSE = -100;
    static final short SOFT_TISSUE = 40;
    static final short LUNG = -820;
    static final short CANCELLOUS = 300;
    static final short CORTICAL = 1200;
    static final short HIP = 700;
    /** Half-width of the uniform noise, HU. */
    static final int NOISE_HU = 12;

    private final int nx, ny, nz;
    private final double sx, sy, sz;
    private final Path tempParent;

    /** The problem {@value #NAME}, in the system's temporary folder. */
    public DicomCtBench() {
        this(NX, NY, NZ, SX, SY, SZ, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * The same path with another series (the tests write a tiny one), its temporary folder made in
     * {@code tempParent}; the result is named after the size.
     */
    public DicomCtBench(int nx, int ny, int nz, double sx, double sy, double sz, Path tempParent) {
        if (nx < 1 || ny < 1 || nz < 1 || !(sx > 0 && sy > 0 && sz > 0)) {
            throw new IllegalArgumentException("a series needs voxels and positive voxel sides");
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
        this.tempParent = tempParent;
    }

    public String name() {
        return "dicom_ct_" + nx + "x" + ny + "x" + nz;
    }

    public String description() {
        return String.format(Locale.ROOT, "a synthetic CT series of %d slices of %d x %d, int16 uncompressed, %s x %s mm "
                + "pixels, slices %s mm apart (a body with soft tissue, adipose, bone and lungs), written to a "
                + "temporary folder; timed: the folder scan, then the slices sorted and decoded, as run --ct reads a "
                + "series; files in the page cache, so the read is from memory", nz, nx, ny, BenchNumbers.plain(sx),
                BenchNumbers.plain(sy), BenchNumbers.plain(sz));
    }

    long pixelBytes() {
        return 2L * nx * ny * nz;
    }

    /**
     * A lower bound of the heap the problem needs: the volume (written, then let go before the read, which makes its
     * own) and a few slices in flight per processor. Below it the read cannot hold the series.
     */
    long heapBytes() {
        return pixelBytes() + 16L * Runtime.getRuntime().availableProcessors() * nx * ny;
    }

    /** Refuses, before anything runs, a heap below {@link #heapBytes()}. */
    public void requireHeap(long maxHeapBytes) {
        if (maxHeapBytes < heapBytes()) {
            throw new BadInputException(String.format(Locale.ROOT, "%s needs a heap of at least %d MiB for its "
                    + "volume; this Java has %d MiB: give java -Xmx1g or more (the doseengine script gives -Xmx8g)",
                    name(), heapBytes() >> 20, maxHeapBytes >> 20));
        }
    }

    /** Writes, reads and times the series; {@code progress} gets a line per step. */
    public DicomCtResult run(Consumer<String> progress) {
        return run(progress, null);
    }

    /**
     * @param keep receives the volume written and the series read back, before the folder is deleted (null: the
     *             written volume is let go before the read)
     */
    DicomCtResult run(Consumer<String> progress, BiConsumer<ShortVolume, CtSeries> keep) {
        requireSpace();
        Path dir;
        try {
            dir = Files.createTempDirectory(tempParent, "doseengine-bench-dicom-");
        } catch (IOException e) {
            throw new BadInputException("cannot make a temporary folder in " + tempParent + " (" + e.getMessage()
                    + ")");
        }
        try {
            return run(dir, progress, keep);
        } finally {
            delete(dir, progress);
        }
    }

    private DicomCtResult run(Path dir, Consumer<String> progress, BiConsumer<ShortVolume, CtSeries> keep) {
        long t0 = System.nanoTime();
        ShortVolume hu = body();
        double build = seconds(t0);

        t0 = System.nanoTime();
        CtSeriesWriter.CtSeries written = CtSeriesWriter.write(dir, hu,
                DicomReference.anonymous(Uids.fresh(), Uids.fresh(), "bench", "bench"), "bench");
        double write = seconds(t0);
        long fileBytes = 0;
        for (Path f : written.files()) {
            fileBytes += size(f);
        }
        progress.accept(String.format(Locale.ROOT, "wrote %d files, %.1f MB, in %.2f s (not timed as the read)",
                written.files().size(), fileBytes / 1e6, write));
        ShortVolume kept = keep == null ? null : hu;
        hu = null;
        // The written volume and the writer's buffers are collected now, not in the middle of the read.
        System.gc();

        double cpu0 = ProcessCpu.seconds();
        t0 = System.nanoTime();
        DicomFolder folder = DicomFolder.scan(dir);
        double scan = seconds(t0);
        t0 = System.nanoTime();
        CtSeries read = CtSeriesReader.read(folder, null);
        double decode = seconds(t0);
        double cpu = ProcessCpu.seconds() - cpu0;
        progress.accept(String.format(Locale.ROOT, "scan %.2f s, sort and decode %.2f s", scan, decode));
        if (keep != null) {
            keep.accept(kept, read);
        }
        return new DicomCtResult(name(), description(), new int[] {nx, ny, nz}, new double[] {sx, sy, sz},
                pixelBytes(), fileBytes, Runtime.getRuntime().availableProcessors(), build, write, scan, decode, cpu);
    }

    /** Refuses, before anything is written, a temporary folder's file system without room for the series. */
    private void requireSpace() {
        long needed = pixelBytes() + HEADER_BYTES_PER_FILE * nz;
        long usable;
        try {
            usable = Files.getFileStore(tempParent).getUsableSpace();
        } catch (IOException e) {
            throw new BadInputException("cannot use the temporary folder " + tempParent + " (" + e.getMessage() + ")");
        }
        if (usable < needed) {
            throw new BadInputException(String.format(Locale.ROOT, "%s writes %d MB of DICOM files to %s, which has "
                    + "%d MB free; set java -Djava.io.tmpdir=FOLDER to another place", name(), needed / 1_000_000,
                    tempParent, usable / 1_000_000));
        }
    }

    VoxelGrid grid() {
        return new VoxelGrid(nx, ny, nz, sx, sy, sz,
                new double[] {-(nx - 1) * sx / 2, -(ny - 1) * sy / 2, -(nz - 1) * sz / 2});
    }

    /**
     * The synthetic CT numbers. In-plane, with x to the patient's left and y posterior (the image's rows go down):
     * the body an ellipse with semi-axes 0.34 and 0.23 of the field, adipose in its outer 8 % (by the ellipse's
     * quadratic form), the spine 0.7 of the way to the back; lungs in the upper 40 % of the slices, hip bones in the
     * lower 25 %. Noise is a hash of the voxel's index, the same on every run.
     */
    ShortVolume body() {
        ShortVolume v = new ShortVolume(grid());
        short[] d = v.data();
        double lx = nx * sx;
        double ly = ny * sy;
        double ax = 0.34 * lx;
        double ay = 0.23 * ly;
        double spineY = 0.7 * ay;
        double spineR = 0.03 * lx;
        double lungAx = 0.32 * ax;
        double lungAy = 0.55 * ay;
        double hipR = 0.04 * lx;
        for (int k = 0; k < nz; k++) {
            double t = nz == 1 ? 0.5 : k / (nz - 1.0);
            boolean chest = t > 0.6;
            boolean pelvis = t < 0.25;
            for (int j = 0; j < ny; j++) {
                double y = (j - (ny - 1) / 2.0) * sy;
                for (int i = 0; i < nx; i++) {
                    double x = (i - (nx - 1) / 2.0) * sx;
                    int index = i + nx * (j + ny * k);
                    d[index] = (short) Math.max(-1024, hu(x, y, ax, ay, spineY, spineR, chest, lungAx, lungAy,
                            pelvis, hipR) + noise(index));
                }
            }
        }
        return v;
    }

    private static int hu(double x, double y, double ax, double ay, double spineY, double spineR, boolean chest,
                          double lungAx, double lungAy, boolean pelvis, double hipR) {
        double q = (x / ax) * (x / ax) + (y / ay) * (y / ay);
        if (q > 1) {
            return AIR;
        }
        double rs = Math.hypot(x, y - spineY);
        if (rs <= spineR) {
            return rs > 0.7 * spineR ? CORTICAL : CANCELLOUS;
        }
        if (chest) {
            for (double side : new double[] {-1, 1}) {
                double lxr = (x - side * 0.45 * ax) / lungAx;
                double lyr = (y + 0.05 * ay) / lungAy;
                if (lxr * lxr + lyr * lyr <= 1) {
                    return LUNG;
                }
            }
        }
        if (pelvis) {
            for (double side : new double[] {-1, 1}) {
                if (Math.hypot(x - side * 0.6 * ax, y - 0.2 * ay) <= hipR) {
                    return HIP;
                }
            }
        }
        return q > 0.92 ? ADIPOSE : SOFT_TISSUE;
    }

    /** Uniform in -NOISE_HU..NOISE_HU from a hash of the index (a 32-bit mix, Murmur3's finaliser). */
    static int noise(int index) {
        int h = index * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return Math.floorMod(h, 2 * NOISE_HU + 1) - NOISE_HU;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary folder; a failure is said on {@code progress}, never thrown over the result. */
    private static void delete(Path dir, Consumer<String> progress) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            progress.accept("could not delete the temporary folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
