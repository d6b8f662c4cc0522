package doseengine.tally;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes {@link LabelDoseDistribution}s of a dose map (any non-negative map: Monte Carlo, or a fast method
 * to compare with) for every named label, without copying or sorting voxel doses.
 *
 * <p>D(x) is an exact order statistic found by radix selection on the float bit patterns (for non-negative
 * floats the bit pattern orders like the value): after one pass that checks the doses and finds the DVH axis,
 * three passes over the image read 11, 10 and 10 bits of each labelled voxel's dose, and after each pass a
 * histogram per (label, percentage) narrows the candidate down to one bit pattern. Memory is a few histograms
 * per label, whatever the grid size; time is four reads of the dose and label images (about 1 s for 39 M
 * voxels on one core). Labels are processed in groups of {@value #GROUP} to bound the histograms.
 *
 * <p>The DVH uses one dose axis for every label, {@code dvhBins + 1} points {@code d_i = max * i / dvhBins}
 * from 0 to the highest dose in any named label, so organs plot on common axes. Each voxel is binned
 * by comparison with those exact {@code d_i}, so {@code fraction(d_i)} equals V(d_i) exactly.
 *
 * <p>Overlapping structures ({@link LabelMap} layers) are each taken over their own voxels: every pass reads
 * each layer in turn, and a structure is counted only in its own layer.
 */
public final class LabelDoseDistributions {
    static final int GROUP = 256;
    private static final int TOP_BITS = 11, MID_BITS = 10, LOW_BITS = 10;

    private LabelDoseDistributions() {}

    /**
     * @param percentages the x of each D(x) wanted, each in [0, 100] (e.g. 2, 50, 98)
     * @param thresholdsGy the d of each V(d) wanted, each finite and >= 0
     * @param dvhBins number of DVH intervals, >= 1
     * @throws BadInputException for a dose map on another grid, a labelled voxel whose dose is negative or not
     *         finite, or a bad percentage or threshold
     */
    public static List<LabelDoseDistribution> compute(FloatVolume dose, LabelMap labels, double[] percentages,
                                                      double[] thresholdsGy, int dvhBins) {
        VoxelGrid grid = dose.grid();
        grid.requireSameGrid(labels.grid(), "dose map", "label map");
        for (double x : percentages) {
            if (!(x >= 0 && x <= 100)) {
                throw new BadInputException("dose-at-volume percentage must be in 0..100, got " + x);
            }
        }
        for (double t : thresholdsGy) {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new BadInputException("volume-at-dose threshold must be finite and >= 0 Gy, got " + t);
            }
        }
        if (dvhBins < 1) {
            throw new IllegalArgumentException("a DVH needs at least one bin, got " + dvhBins);
        }
        float[] d = dose.data();
        int[] values = labels.names().keySet().stream().mapToInt(Integer::intValue).toArray();
        short[][] lab = new short[labels.layerCount()][];
        int[][] compact = new int[labels.layerCount()][];
        for (int k = 0; k < lab.length; k++) {
            lab[k] = labels.layer(k).data();
            compact[k] = labels.compactIndexInLayer(k);
        }
        double maxAll = 0;
        for (int k = 0; k < lab.length; k++) {
            maxAll = Math.max(maxAll, checkAndFindMax(d, lab[k], compact[k], grid));
        }
        double[] axis = new double[dvhBins + 1];
        for (int i = 0; i <= dvhBins; i++) {
            axis[i] = maxAll * i / dvhBins;
        }
        List<LabelDoseDistribution> out = new ArrayList<>();
        Map<Integer, String> names = labels.names();
        for (int first = 0; first < values.length; first += GROUP) {
            int last = Math.min(values.length, first + GROUP);
            Group g = new Group(first, last - first, percentages, thresholdsGy, axis);
            g.scan(d, lab, compact);
            for (int c = first; c < last; c++) {
                out.add(g.result(c, values[c], names.get(values[c])));
            }
        }
        return out;
    }

    /** The sortable key of a non-negative float dose: its bit pattern, with -0 read as +0. */
    private static int key(float dose) {
        return Float.floatToRawIntBits(dose + 0.0f);
    }

    private static double checkAndFindMax(float[] d, short[] lab, int[] compact, VoxelGrid g) {
        double max = 0;
        for (int v = 0; v < d.length; v++) {
            short s = lab[v];
            if (s > 0 && compact[s] >= 0) {
                float x = d[v];
                if (!(x >= 0) || Float.isInfinite(x)) {
                    int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / (g.nx() * g.ny());
                    throw new BadInputException(String.format(Locale.ROOT,
                            "dose at voxel (%d,%d,%d) is %s Gy; it must be finite and >= 0", i, j, k, x));
                }
                max = Math.max(max, x);
            }
        }
        return max;
    }

    /** Histograms and partial results for up to GROUP consecutive labels. */
    private static final class Group {
        final int first, size;
        final double[] pct, thr, axis;
        final int nq;
        final long[] count;
        final float[] min, max;
        final long[][] atLeast;       // [label][threshold]
        final long[][] dvhHist;       // [label][axis bin]
        final int[][] hist;           // [label * nq + q][digit], reused per pass
        final int[][] prefix;         // [label][q]: key bits fixed so far
        final long[][] rank;          // [label][q]: rank from the top still to find within the prefix

        Group(int first, int size, double[] pct, double[] thr, double[] axis) {
            this.first = first;
            this.size = size;
            this.pct = pct;
            this.thr = thr;
            this.axis = axis;
            this.nq = pct.length;
            this.count = new long[size];
            this.min = new float[size];
            this.max = new float[size];
            Arrays.fill(min, Float.POSITIVE_INFINITY);
            this.atLeast = new long[size][thr.length];
            this.dvhHist = new long[size][axis.length];
            this.hist = new int[size * Math.max(nq, 1)][1 << TOP_BITS];
            this.prefix = new int[size][nq];
            this.rank = new long[size][nq];
        }

        void scan(float[] d, short[][] labs, int[][] compacts) {
            // Pass 1: counts, extremes, V(d), DVH, and the top digit of every key.
            int bins = axis.length - 1;
            double top = axis[bins];
            for (int layer = 0; layer < labs.length; layer++) {
                short[] lab = labs[layer];
                int[] compact = compacts[layer];
                for (int v = 0; v < d.length; v++) {
                    int c = local(lab[v], compact);
                    if (c < 0) {
                        continue;
                    }
                    float x = d[v] + 0.0f;
                    count[c]++;
                    min[c] = Math.min(min[c], x);
                    max[c] = Math.max(max[c], x);
                    for (int t = 0; t < thr.length; t++) {
                        if (x >= thr[t]) {
                            atLeast[c][t]++;
                        }
                    }
                    dvhHist[c][axisBin(x, top, bins)]++;
                    if (nq > 0) {
                        hist[c * nq][key(x) >>> (MID_BITS + LOW_BITS)]++;
                    }
                }
            }
            if (nq == 0) {
                return;
            }
            for (int c = 0; c < size; c++) {
                for (int q = 0; q < nq; q++) {
                    long n = count[c];
                    rank[c][q] = n == 0 ? 0 : Math.min(n, Math.max(1, (long) Math.ceil(pct[q] * n / 100.0)));
                    prefix[c][q] = select(c, q, hist[c * nq], 1 << TOP_BITS);
                }
            }
            // Passes 2 and 3: the next digits, among the keys that share the prefix found so far.
            refine(d, labs, compacts, MID_BITS + LOW_BITS, MID_BITS, LOW_BITS);
            refine(d, labs, compacts, LOW_BITS, LOW_BITS, 0);
        }

        /** One radix pass: keys whose bits above {@code highShift} equal the prefix vote on the next digit. */
        private void refine(float[] d, short[][] labs, int[][] compacts, int highShift, int digitBits,
                            int lowShift) {
            int digits = 1 << digitBits;
            for (int[] h : hist) {
                Arrays.fill(h, 0, digits, 0);
            }
            for (int layer = 0; layer < labs.length; layer++) {
                short[] lab = labs[layer];
                int[] compact = compacts[layer];
                for (int v = 0; v < d.length; v++) {
                    int c = local(lab[v], compact);
                    if (c < 0) {
                        continue;
                    }
                    int k = key(d[v]);
                    for (int q = 0; q < nq; q++) {
                        if ((k >>> highShift) == prefix[c][q]) {
                            hist[c * nq + q][(k >>> lowShift) & (digits - 1)]++;
                        }
                    }
                }
            }
            for (int c = 0; c < size; c++) {
                for (int q = 0; q < nq; q++) {
                    int digit = select(c, q, hist[c * nq + q], digits);
                    prefix[c][q] = (prefix[c][q] << digitBits) | digit;
                }
            }
        }

        /** The digit holding the rank[c][q]-th largest key among the histogrammed ones; updates the rank. */
        private int select(int c, int q, int[] h, int digits) {
            long want = rank[c][q];
            if (want == 0) {
                return 0;
            }
            long above = 0;
            for (int digit = digits - 1; digit >= 0; digit--) {
                if (above + h[digit] >= want) {
                    rank[c][q] = want - above;
                    return digit;
                }
                above += h[digit];
            }
            throw new IllegalStateException("radix selection lost its candidate"); // counts are consistent
        }

        private int local(short s, int[] compact) {
            if (s <= 0) {
                return -1;
            }
            int c = compact[s] - first;
            return c >= 0 && c < size ? c : -1;
        }

        /** Index b with axis[b] <= x < axis[b+1], or the last point when x >= axis[bins]. */
        private int axisBin(float x, double top, int bins) {
            if (top == 0) {
                return 0; // every dose is 0: the axis is {0, 0, ...} and all voxels sit at its first point
            }
            int b = (int) Math.min(bins, Math.max(0, (long) (x / top * bins)));
            while (b > 0 && x < axis[b]) {
                b--;
            }
            while (b < bins && x >= axis[b + 1]) {
                b++;
            }
            return b;
        }

        LabelDoseDistribution result(int compactIndex, int value, String name) {
            int c = compactIndex - first;
            long n = count[c];
            double[] dq = new double[nq];
            for (int q = 0; q < nq; q++) {
                dq[q] = n == 0 ? 0 : Float.intBitsToFloat(prefix[c][q]);
            }
            double[] vf = new double[thr.length];
            for (int t = 0; t < thr.length; t++) {
                vf[t] = n == 0 ? 0 : (double) atLeast[c][t] / n;
            }
            double[] frac;
            double[] doses;
            if (axis[axis.length - 1] == 0) {
                doses = new double[] {0};
                frac = new double[] {n == 0 ? 0 : 1};
            } else {
                doses = axis;
                frac = new double[axis.length];
                long cumulative = 0;
                for (int b = axis.length - 1; b >= 0; b--) {
                    cumulative += dvhHist[c][b];
                    frac[b] = n == 0 ? 0 : (double) cumulative / n;
                }
            }
            return new LabelDoseDistribution(value, name, (int) n, n == 0 ? 0 : min[c], n == 0 ? 0 : max[c],
                    pct, dq, thr, vf, new DoseVolumeHistogram(doses, frac));
        }
    }
}
