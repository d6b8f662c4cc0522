package doseengine.kernels.source;

import doseengine.kernels.UniformSource;

/**
 * Samples decay voxels from a Walker alias table (built by the engine with Vose's method) and a position
 * uniform inside the voxel. Layout ({@code tables-source.md}), one column per voxel with activity > 0:
 * <pre>
 *   prob[c]        float in [0, 1]: probability of keeping column c's own voxel
 *   voxelIndex[c]  flat index of column c's own voxel
 *   alias[c]       flat index of the voxel taken otherwise (a voxel index, not a column, to save one read)
 * </pre>
 * Voxel {@code v} is then drawn with probability
 * {@code (1/n) * (sum over c with voxelIndex[c] == v of prob[c] + sum over c with alias[c] == v of (1 - prob[c]))}.
 *
 * <p>Draws per decay: 6 uniforms, always in this order: two for the column, one to accept, three for the
 * position. The column takes two uniforms because one float uniform carries only 24 random bits: with
 * {@code n} columns, {@code floor(u * n)} would give some columns {@code ceil(2^24 / n)} chances and others
 * {@code floor(2^24 / n)} (a 2x bias at n = 10^7). With 48 bits the relative bias is below
 * {@code n / 2^48} (6e-7 for 157 M columns).
 *
 * <p>Uniforms must be {@code k * 2^-24} with integer {@code 0 <= k < 2^24}, as the project's Philox streams and
 * {@code java.util.Random#nextFloat} produce them; the sampler recovers {@code k} exactly.
 *
 * <p>Device twin: {@code include/source.clh}: {@code alias_source_column}, {@code alias_source_sample_voxel},
 * {@code alias_source_sample_position_in_voxel}, {@code alias_source_sample}.
 */
public final class SourceSampler implements DecaySource {
    private final float[] prob;
    private final int[] alias;
    private final int[] voxelIndex;
    private final int nx, ny, nz;
    private final float sx, sy, sz;

    /**
     * Wraps the table without copying (it may be large). {@code sx, sy, sz} are the voxel sizes in cm.
     * Checks the table once here so that the hot loop can trust it.
     */
    public SourceSampler(float[] prob, int[] alias, int[] voxelIndex, int nx, int ny, int nz,
                         float sx, float sy, float sz) {
        int n = prob.length;
        if (n == 0 || alias.length != n || voxelIndex.length != n) {
            throw new IllegalArgumentException("alias table arrays must be non-empty and of one length, got "
                    + prob.length + ", " + alias.length + ", " + voxelIndex.length);
        }
        if (nx <= 0 || ny <= 0 || nz <= 0 || (long) nx * ny * nz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad grid " + nx + " x " + ny + " x " + nz);
        }
        if (!(sx > 0 && sy > 0 && sz > 0) || !Float.isFinite(sx) || !Float.isFinite(sy) || !Float.isFinite(sz)) {
            throw new IllegalArgumentException("voxel sizes must be positive and finite, got " + sx + ", " + sy + ", " + sz);
        }
        int voxels = nx * ny * nz;
        for (int c = 0; c < n; c++) {
            if (!(prob[c] >= 0f && prob[c] <= 1f)) {
                throw new IllegalArgumentException("alias probability " + prob[c] + " of column " + c + " is not in [0, 1]");
            }
            if (voxelIndex[c] < 0 || voxelIndex[c] >= voxels || alias[c] < 0 || alias[c] >= voxels) {
                throw new IllegalArgumentException("column " + c + " names a voxel outside the grid");
            }
        }
        this.prob = prob;
        this.alias = alias;
        this.voxelIndex = voxelIndex;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
    }

    public int columns() { return prob.length; }

    @Override
    public int sample(UniformSource rng, float[] positionCm) {
        int v = sampleVoxel(rng);
        samplePositionInVoxel(v, rng, positionCm);
        return v;
    }

    /** Draws a voxel (flat index) with 3 uniforms: two for the column, one to accept it or take its alias. */
    public int sampleVoxel(UniformSource rng) {
        int c = column(rng.nextFloat(), rng.nextFloat(), prob.length);
        return rng.nextFloat() < prob[c] ? voxelIndex[c] : alias[c];
    }

    /**
     * Writes a position uniform in voxel {@code flatIndex} into {@code positionCm[0..2]}, with 3 uniforms
     * (i, j, k axes in that order): {@code x = ((float) i + u) * sx} in float, so {@code i*sx <= x <= (i+1)*sx}
     * (the upper face only when {@code i + u} rounds up to {@code i + 1}).
     */
    public void samplePositionInVoxel(int flatIndex, UniformSource rng, float[] positionCm) {
        int i = flatIndex % nx;
        int rest = flatIndex / nx;
        int j = rest % ny;
        int k = rest / ny;
        positionCm[0] = ((float) i + rng.nextFloat()) * sx;
        positionCm[1] = ((float) j + rng.nextFloat()) * sy;
        positionCm[2] = ((float) k + rng.nextFloat()) * sz;
    }

    /**
     * The column {@code floor(u * n)} for the 48-bit uniform {@code u = (hi + lo * 2^-24) * 2^-24} built from
     * two float uniforms, in exact integer arithmetic: with {@code lo * n = a * 2^24 + r},
     * {@code floor((hi * 2^24 + lo) * n / 2^48) = floor((hi * n + a) / 2^24)}. Every product stays below 2^55.
     */
    static int column(float u1, float u2, int n) {
        long hi = (long) (u1 * 0x1p24f);
        long lo = (long) (u2 * 0x1p24f);
        return (int) ((hi * n + ((lo * n) >>> 24)) >>> 24);
    }

    public int nx() { return nx; }
    public int ny() { return ny; }
    public int nz() { return nz; }

    /** Voxel sizes in cm. */
    public float sx() { return sx; }
    public float sy() { return sy; }
    public float sz() { return sz; }

    /** The table's {@code prob} array itself, not a copy (it may be large): for uploading to a device only. */
    public float[] prob() { return prob; }

    /** The table's {@code alias} array itself, not a copy: for uploading to a device only. */
    public int[] alias() { return alias; }

    /** The table's {@code voxelIndex} array itself, not a copy: for uploading to a device only. */
    public int[] voxelIndex() { return voxelIndex; }
}
