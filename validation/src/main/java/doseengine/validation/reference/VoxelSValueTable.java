package doseengine.validation.reference;

import java.util.Locale;

/**
 * One voxel S-value table: S(i,j,k) in mGy/(MBq s) for voxel offsets i, j, k = 0..{@value #MAX_OFFSET} from the
 * source voxel, for one nuclide, tissue and cubic voxel size. The other octants follow by symmetry, so
 * {@link #s(int, int, int)} accepts negative offsets. Immutable.
 */
public final class VoxelSValueTable {
    /** Largest tabulated offset: the tables span 0..5 in each direction. */
    public static final int MAX_OFFSET = 5;
    static final int SIZE = MAX_OFFSET + 1;

    private final String nuclide;
    private final VsvTissue tissue;
    private final double voxelMm;
    private final double[] values;

    /** @param values S by {@code i + 6 * (j + 6 * k)} */
    public VoxelSValueTable(String nuclide, VsvTissue tissue, double voxelMm, double[] values) {
        if (values.length != SIZE * SIZE * SIZE) {
            throw new IllegalArgumentException("a voxel S-value table has 216 values, got " + values.length);
        }
        this.nuclide = nuclide;
        this.tissue = tissue;
        this.voxelMm = voxelMm;
        this.values = values.clone();
    }

    /** Canonical nuclide name, e.g. {@code Lu-177}. */
    public String nuclide() {
        return nuclide;
    }

    public VsvTissue tissue() {
        return tissue;
    }

    /** Side of the cubic voxel (mm). */
    public double voxelMm() {
        return voxelMm;
    }

    /** S (mGy/(MBq s)) at offset (i, j, k); |offset| at most {@value #MAX_OFFSET}. */
    public double s(int i, int j, int k) {
        int a = Math.abs(i);
        int b = Math.abs(j);
        int c = Math.abs(k);
        if (a > MAX_OFFSET || b > MAX_OFFSET || c > MAX_OFFSET) {
            throw new IndexOutOfBoundsException("offset (" + i + "," + j + "," + k + ") beyond the table's 0.."
                    + MAX_OFFSET);
        }
        return values[a + SIZE * (b + SIZE * c)];
    }

    /** The source-voxel value S(0,0,0). */
    public double sourceVoxel() {
        return values[0];
    }

    /** "Lu-177, soft, 3 mm". */
    public String title() {
        return String.format(Locale.ROOT, "%s, %s, %s mm", nuclide, tissue.key(), formatMm(voxelMm));
    }

    static String formatMm(double mm) {
        return mm == Math.rint(mm) ? String.valueOf((long) mm) : String.valueOf(mm);
    }

    @Override
    public String toString() {
        return title();
    }
}
