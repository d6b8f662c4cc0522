package doseengine.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exact answer of one regression problem as text a reviewer can diff: a header of {@code key value} lines
 * (problem, physics version, seed, decays, grid, what a voxel value is, digests), one {@code batch} line per batch
 * (decays and the deposited, escaped and emitted counters in fixed-point units) and one {@code i j k value} line per
 * non-zero voxel, in flat-index order (i fastest). Text after {@code #} is a comment.
 *
 * @param header  header lines in the order written
 * @param batches per batch: decays, deposited, escaped, emitted (fixed-point units)
 * @param voxels  non-zero voxel values by flat index
 * @param nx      grid size along i, to turn flat indices into (i, j, k)
 * @param ny      grid size along j
 */
record ExactTallies(Map<String, String> header, List<long[]> batches, TreeMap<Integer, Long> voxels, int nx, int ny) {
    /** Header key of the voxel value's meaning; {@link #FLOAT_BITS} values get their decimal reading as a comment. */
    static final String VALUE = "value";
    static final String FLOAT_BITS = "raw IEEE-754 bits of the float dose (Gy) per voxel";
    /** Differing voxels listed in a difference report, at most. */
    static final int LISTED = 12;

    ExactTallies {
        header = new LinkedHashMap<>(header);
        batches = batches.stream().map(long[]::clone).toList();
        voxels = new TreeMap<>(voxels);
    }

    /** The non-zero entries of {@code values} (flat voxel order) of an nx x ny x nz grid. */
    static TreeMap<Integer, Long> nonZero(long[] values) {
        TreeMap<Integer, Long> out = new TreeMap<>();
        for (int v = 0; v < values.length; v++) {
            if (values[v] != 0) {
                out.put(v, values[v]);
            }
        }
        return out;
    }

    String format() {
        StringBuilder s = new StringBuilder();
        s.append("# Exact tallies of a fixed problem, checked bit for bit by TallyRegressionTest (docs/regression.md).\n");
        header.forEach((k, v) -> s.append(k).append(' ').append(v).append('\n'));
        if (!batches.isEmpty()) {
            s.append("# batch index decays deposited escaped emitted (fixed-point units of 2^-30 MeV)\n");
            for (int b = 0; b < batches.size(); b++) {
                long[] r = batches.get(b);
                s.append("batch ").append(b);
                for (long x : r) {
                    s.append(' ').append(x);
                }
                s.append('\n');
            }
        }
        boolean floats = FLOAT_BITS.equals(header.get(VALUE));
        s.append("# i j k value, for the ").append(voxels.size()).append(" non-zero voxels\n");
        voxels.forEach((v, x) -> {
            s.append(i(v)).append(' ').append(j(v)).append(' ').append(k(v)).append(' ').append(x);
            if (floats) {
                s.append(String.format(Locale.ROOT, "  # %.6e", Float.intBitsToFloat((int) (long) x)));
            }
            s.append('\n');
        });
        return s.toString();
    }

    /** Reads what {@link #format} wrote; the grid comes from the {@code grid nx ny nz} header line. */
    static ExactTallies parse(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<long[]> batches = new ArrayList<>();
        List<long[]> voxelLines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f[0].equals("batch")) {
                batches.add(Arrays.stream(f, 2, f.length).mapToLong(Long::parseLong).toArray());
            } else if (Character.isDigit(f[0].charAt(0))) {
                voxelLines.add(Arrays.stream(f).mapToLong(Long::parseLong).toArray());
            } else {
                header.put(f[0], line.substring(f[0].length()).strip());
            }
        }
        String[] grid = header.getOrDefault("grid", "1 1 1").split("\\s+");
        int nx = Integer.parseInt(grid[0]);
        int ny = Integer.parseInt(grid[1]);
        TreeMap<Integer, Long> voxels = new TreeMap<>();
        for (long[] l : voxelLines) {
            voxels.put((int) (l[0] + nx * (l[1] + ny * l[2])), l[3]);
        }
        return new ExactTallies(header, batches, voxels, nx, ny);
    }

    /**
     * What differs from {@code expected}, readable: header lines, batch lines, and for the voxels the number that
     * differ, the largest difference and the first {@value #LISTED} of them; null when nothing differs.
     */
    String differencesFrom(ExactTallies expected) {
        StringBuilder s = new StringBuilder();
        Set<String> keys = new LinkedHashSet<>(expected.header.keySet());
        keys.addAll(header.keySet());
        for (String key : keys) {
            String a = expected.header.get(key);
            String b = header.get(key);
            if (a == null ? b != null : !a.equals(b)) {
                s.append(String.format(Locale.ROOT, "  %s: expected %s, got %s%n", key, a, b));
            }
        }
        int rows = Math.max(expected.batches.size(), batches.size());
        for (int b = 0; b < rows; b++) {
            long[] x = b < expected.batches.size() ? expected.batches.get(b) : null;
            long[] y = b < batches.size() ? batches.get(b) : null;
            if (x == null || y == null || !Arrays.equals(x, y)) {
                s.append(String.format(Locale.ROOT, "  batch %d (decays deposited escaped emitted): expected %s, "
                        + "got %s%n", b, x == null ? "none" : Arrays.toString(x), y == null ? "none" : Arrays.toString(y)));
            }
        }
        Set<Integer> all = new java.util.TreeSet<>(expected.voxels.keySet());
        all.addAll(voxels.keySet());
        int differing = 0;
        long maxDiff = 0;
        int maxAt = -1;
        List<String> listed = new ArrayList<>();
        for (int v : all) {
            long a = expected.voxels.getOrDefault(v, 0L);
            long b = voxels.getOrDefault(v, 0L);
            if (a == b) {
                continue;
            }
            differing++;
            long d = Math.abs(b - a);
            if (d > maxDiff || maxAt < 0) {
                maxDiff = d;
                maxAt = v;
            }
            if (listed.size() < LISTED) {
                listed.add(String.format(Locale.ROOT, "    %d %d %d: expected %d, got %d (%+d)", i(v), j(v), k(v), a,
                        b, b - a));
            }
        }
        if (differing > 0) {
            s.append(String.format(Locale.ROOT, "  %d of %d voxels differ (non-zero in either); largest |difference| "
                    + "%d at %d %d %d; the first:%n", differing, all.size(), maxDiff, i(maxAt), j(maxAt), k(maxAt)));
            listed.forEach(l -> s.append(l).append('\n'));
        }
        return s.isEmpty() ? null : s.toString();
    }

    /** SHA-256 of the formatted text (header, batches, voxels): one line to compare runs by hand. */
    String digest() {
        return Digests.sha256(format().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private int i(int v) {
        return v % nx;
    }

    private int j(int v) {
        return (v / nx) % ny;
    }

    private int k(int v) {
        return v / (nx * ny);
    }
}
