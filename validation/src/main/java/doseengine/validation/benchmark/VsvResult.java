package doseengine.validation.benchmark;

import doseengine.geometry.BadInputException;
import doseengine.tally.EnergyBalance;
import doseengine.validation.reference.VoxelSValueTable;
import doseengine.validation.run.RunRecord;
import doseengine.validation.run.VoxelSourceResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Voxel S values from a run, for offsets 0..5, with their relative standard errors; and {@code vsv.csv}. */
public final class VsvResult {
    private static final int SIZE = VoxelSValueTable.MAX_OFFSET + 1;

    private final VsvBenchmark benchmark;
    private final double[] s = new double[SIZE * SIZE * SIZE];
    private final double[] relUnc = new double[SIZE * SIZE * SIZE];
    private final EnergyBalance balance;
    private final RunRecord run;

    VsvResult(VsvBenchmark benchmark, VoxelSourceResult result) {
        this.benchmark = benchmark;
        this.balance = result.balance();
        this.run = result.run();
        double[] e = result.voxelMeVPerDecay();
        double[] u = result.voxelRelativeUncertainty();
        if (e.length != benchmark.grid().voxelCount()) {
            throw new IllegalStateException("the run returned " + e.length + " voxels for a grid of "
                    + benchmark.grid().voxelCount());
        }
        // Sum and count the voxels of each offset class: the sorted absolute offsets (48 images at most).
        double[] sum = new double[s.length];
        double[] var = new double[s.length];
        int[] count = new int[s.length];
        int c = VsvBenchmark.CENTRE;
        for (int k = 0; k < VsvBenchmark.BLOCK; k++) {
            for (int j = 0; j < VsvBenchmark.BLOCK; j++) {
                for (int i = 0; i < VsvBenchmark.BLOCK; i++) {
                    int[] o = {Math.abs(i - c), Math.abs(j - c), Math.abs(k - c)};
                    Arrays.sort(o);
                    int cls = o[0] + SIZE * (o[1] + SIZE * o[2]);
                    int v = benchmark.grid().flatIndex(i, j, k);
                    sum[cls] += e[v];
                    double sd = e[v] * u[v];
                    var[cls] += sd * sd;
                    count[cls]++;
                }
            }
        }
        double perMeV = SValueUnits.sValue(1.0, benchmark.voxelMassKg());
        for (int k = 0; k < SIZE; k++) {
            for (int j = 0; j < SIZE; j++) {
                for (int i = 0; i < SIZE; i++) {
                    int[] o = {i, j, k};
                    Arrays.sort(o);
                    int cls = o[0] + SIZE * (o[1] + SIZE * o[2]);
                    double mean = sum[cls] / count[cls];
                    int idx = i + SIZE * (j + SIZE * k);
                    s[idx] = mean * perMeV;
                    // Mean of independent voxel estimates (different voxels' batch errors are treated as uncorrelated).
                    relUnc[idx] = mean > 0 ? Math.sqrt(var[cls]) / count[cls] / mean : Double.NaN;
                }
            }
        }
    }

    public VsvBenchmark benchmark() {
        return benchmark;
    }

    /** S (mGy/(MBq s)) at offset (i, j, k), each 0..5. */
    public double s(int i, int j, int k) {
        return s[index(i, j, k)];
    }

    /** Relative standard error of {@link #s}; NaN where nothing was deposited. */
    public double relativeUncertainty(int i, int j, int k) {
        return relUnc[index(i, j, k)];
    }

    /** The values as a table, for comparisons. */
    public VoxelSValueTable table() {
        return new VoxelSValueTable(benchmark.nuclide().name(), benchmark.tissue(), benchmark.voxelMm(), s);
    }

    public EnergyBalance balance() {
        return balance;
    }

    public RunRecord run() {
        return run;
    }

    /** {@code vsv.csv}: {@code i,j,k,S_mGy_per_MBq_s,rel_unc}, offsets 0..5 in the order of the Lanconelli files. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("i,j,k,S_mGy_per_MBq_s,rel_unc\n");
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    for (int k = 0; k < SIZE; k++) {
                        w.write(String.format(Locale.ROOT, "%d,%d,%d,%.6e,%.4g%n", i, j, k, s(i, j, k),
                                relativeUncertainty(i, j, k)));
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private static int index(int i, int j, int k) {
        if (i < 0 || j < 0 || k < 0 || i >= SIZE || j >= SIZE || k >= SIZE) {
            throw new IndexOutOfBoundsException("offset (" + i + "," + j + "," + k + ") outside 0.." + (SIZE - 1));
        }
        return i + SIZE * (j + SIZE * k);
    }
}
