package doseengine.dosimetry.gamma;

import java.util.Arrays;

/**
 * The search of {@link GammaIndex} over one grid: the lattice's points as flat-index offsets for this grid, and the
 * minimum for one reference voxel. One per thread ({@link #tileBounds} is scratch); the arrays it reads are shared.
 *
 * <p>One shortcut, exact: a lower bound on the dose term prunes the search. Within a tile of 8 x 8 voxels of a
 * slice, every searched point interpolates between voxels of the tile's box widened by the search reach, so its
 * evaluated dose lies between that box's minimum and maximum; a reference dose outside that range by {@code delta}
 * gives every point a dose term of at least {@code (delta/dD)^2}, and the search stops as soon as the distance term
 * plus that reaches the best gamma. Where the evaluated dose is far from the reference all around (a gross error),
 * the voxel gets the cap at once. A tile's bound is computed for the first voxel that does not pass where it stands.
 */
final class GammaSearch {
    private static final int TILE = 8;

    private final SearchLattice l;
    private final float[] e;
    private final int nx, ny, nz, nxy;
    private final double cap2;
    /** Per lattice point: flat offset of the lower corner, and of the upper corner along x, y, z (0 when unused). */
    private final int[] offset, ox, oy, oz;
    /**
     * How far the search reaches, in voxels, below and above a voxel along each axis (upper corners included): the
     * widening of a tile's box.
     */
    private final int lowX, highX, lowY, highY, lowZ, highZ;
    private final int tilesX;
    /** Per tile of the current slice: min and max of the evaluated dose over its widened box; NaN until computed. */
    private final double[] tileMin, tileMax;
    private int slice = -1;

    GammaSearch(SearchLattice lattice, float[] evaluated, int nx, int ny, int nz, double cap) {
        this.l = lattice;
        this.e = evaluated;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.nxy = nx * ny;
        this.cap2 = cap * cap;
        int n = lattice.size;
        offset = new int[n];
        ox = new int[n];
        oy = new int[n];
        oz = new int[n];
        int lx = 0, hx = 0, ly = 0, hy = 0, lz = 0, hz = 0;
        for (int t = 0; t < n; t++) {
            offset[t] = l.di[t] + nx * l.dj[t] + nxy * l.dk[t];
            ox[t] = l.ux[t];
            oy[t] = nx * l.uy[t];
            oz[t] = nxy * l.uz[t];
            lx = Math.max(lx, -l.di[t]);
            hx = Math.max(hx, l.di[t] + l.ux[t]);
            ly = Math.max(ly, -l.dj[t]);
            hy = Math.max(hy, l.dj[t] + l.uy[t]);
            lz = Math.max(lz, -l.dk[t]);
            hz = Math.max(hz, l.dk[t] + l.uz[t]);
        }
        lowX = lx;
        highX = hx;
        lowY = ly;
        highY = hy;
        lowZ = lz;
        highZ = hz;
        tilesX = (nx + TILE - 1) / TILE;
        tileMin = new double[tilesX * ((ny + TILE - 1) / TILE)];
        tileMax = new double[tileMin.length];
    }

    /**
     * Squared gamma at voxel (i, j, k) for reference dose {@code dr}: the least over the lattice, or cap^2 when
     * nothing is below.
     */
    double search(int i, int j, int k, double dr, double inverseDD) {
        int v = i + nx * j + nxy * k;
        double own = (e[v] - dr) * inverseDD;
        if (own * own <= 1) {
            // Passes where it stands; the search below finds the exact value. No tile bound needed.
            return searchFrom(i, j, k, v, dr, inverseDD, 0);
        }
        double[] bound = tileBounds(i, j, k);
        double delta = Math.max(0, Math.max(dr - bound[1], bound[0] - dr)) * inverseDD;
        double floor = delta * delta;
        return floor >= cap2 ? cap2 : searchFrom(i, j, k, v, dr, inverseDD, floor);
    }

    private double searchFrom(int i, int j, int k, int v, double dr, double inverseDD, double floor) {
        double best = cap2;
        for (int t = 0; t < l.size; t++) {
            double d2 = l.distance2[t];
            if (d2 + floor >= best) {
                break; // sorted by distance: no farther point can do better
            }
            int i0 = i + l.di[t], j0 = j + l.dj[t], k0 = k + l.dk[t];
            if (i0 < 0 || j0 < 0 || k0 < 0 || i0 + l.ux[t] >= nx || j0 + l.uy[t] >= ny || k0 + l.uz[t] >= nz) {
                continue; // beyond the outer voxel centres: nothing to interpolate from
            }
            int b = v + offset[t], x = ox[t], y = oy[t], z = oz[t];
            double fx = l.fx[t], fy = l.fy[t], fz = l.fz[t];
            double c00 = e[b] + fx * (e[b + x] - e[b]);
            double c10 = e[b + y] + fx * (e[b + y + x] - e[b + y]);
            double c01 = e[b + z] + fx * (e[b + z + x] - e[b + z]);
            double c11 = e[b + z + y] + fx * (e[b + z + y + x] - e[b + z + y]);
            double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
            double diff = (c0 + fz * (c1 - c0) - dr) * inverseDD;
            double g2 = d2 + diff * diff;
            if (g2 < best) {
                best = g2;
            }
        }
        return best;
    }

    /** {min, max} of the evaluated dose that any search from the tile of (i, j) in slice k can interpolate. */
    private double[] tileBounds(int i, int j, int k) {
        if (k != slice) {
            Arrays.fill(tileMin, Double.NaN);
            slice = k;
        }
        int tx = i / TILE, ty = j / TILE, tile = tx + tilesX * ty;
        if (Double.isNaN(tileMin[tile])) {
            int x0 = Math.max(0, tx * TILE - lowX), x1 = Math.min(nx - 1, tx * TILE + TILE - 1 + highX);
            int y0 = Math.max(0, ty * TILE - lowY), y1 = Math.min(ny - 1, ty * TILE + TILE - 1 + highY);
            int z0 = Math.max(0, k - lowZ), z1 = Math.min(nz - 1, k + highZ);
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int z = z0; z <= z1; z++) {
                for (int y = y0; y <= y1; y++) {
                    int row = nx * y + nxy * z;
                    for (int x = x0; x <= x1; x++) {
                        min = Math.min(min, e[row + x]);
                        max = Math.max(max, e[row + x]);
                    }
                }
            }
            tileMin[tile] = min;
            tileMax[tile] = max;
        }
        bounds[0] = tileMin[tile];
        bounds[1] = tileMax[tile];
        return bounds;
    }

    private final double[] bounds = new double[2];
}
