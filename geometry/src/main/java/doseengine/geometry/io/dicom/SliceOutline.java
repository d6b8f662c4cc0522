package doseengine.geometry.io.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The outline of one slice of a voxel mask along the edges of its voxel squares: closed loops of voxel corners,
 * outer boundaries counter-clockwise and the boundaries of holes clockwise in (i, j). A polygon through voxel
 * corners never passes through a voxel centre, so filling these loops by voxel centres with the even-odd rule
 * ({@link ContourRasterizer}) gives back exactly the mask - whatever the loops' nesting, because every row line
 * through the centres crosses exactly the vertical voxel edges between inside and outside.
 *
 * <p>Corner (ci, cj) is the corner at continuous index (ci - 0.5, cj - 0.5). Voxels that touch only at a corner
 * belong to separate loops (at such a corner the trace turns towards the voxel it came along), so every loop is
 * a simple polygon as RT Structure Set contours must be (PS3.3 C.8.8.6.1: CLOSED_PLANAR, no self-intersection).
 */
public final class SliceOutline {
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private SliceOutline() {}

    /**
     * The loops of slice k of a mask over an nx x ny x nz grid (bit index i + nx * (j + ny * k)).
     *
     * @return each loop as corner coordinates ci0, cj0, ci1, cj1, ...; only the corners where the outline turns
     */
    public static List<int[]> trace(BitSet mask, int nx, int ny, int k) {
        int cx = nx + 1;
        int offset = nx * ny * k;
        // Outgoing directed edges per corner, one bit per direction (0 +i, 1 +j, 2 -i, 3 -j), inside on the left.
        byte[] out = new byte[cx * (ny + 1)];
        boolean any = false;
        for (int j = 0; j < ny; j++) {
            int row = offset + nx * j;
            int from = mask.nextSetBit(row);
            while (from >= 0 && from < row + nx) {
                int i = from - row;
                any = true;
                if (j == 0 || !mask.get(from - nx)) {
                    out[i + cx * j] |= 1;
                }
                if (i == nx - 1 || !mask.get(from + 1)) {
                    out[i + 1 + cx * j] |= 2;
                }
                if (j == ny - 1 || !mask.get(from + nx)) {
                    out[i + 1 + cx * (j + 1)] |= 4;
                }
                if (i == 0 || !mask.get(from - 1)) {
                    out[i + cx * (j + 1)] |= 8;
                }
                from = mask.nextSetBit(from + 1);
            }
        }
        List<int[]> loops = new ArrayList<>();
        if (!any) {
            return loops;
        }
        for (int start = 0; start < out.length; start++) {
            while (out[start] != 0) {
                loops.add(walk(out, cx, start));
            }
        }
        return loops;
    }

    private static int[] walk(byte[] out, int cx, int start) {
        int dir = Integer.numberOfTrailingZeros(out[start]);
        int corner = start;
        int[] points = new int[16];
        int n = 0;
        int previousDir = -1;
        do {
            out[corner] &= (byte) ~(1 << dir);
            if (dir != previousDir) {
                if (n + 2 > points.length) {
                    points = Arrays.copyOf(points, 2 * points.length);
                }
                points[n++] = corner % cx;
                points[n++] = corner / cx;
            }
            previousDir = dir;
            corner += DX[dir] + cx * DY[dir];
            int left = (dir + 1) & 3, right = (dir + 3) & 3;
            if ((out[corner] & (1 << left)) != 0) {
                dir = left;
            } else if ((out[corner] & (1 << dir)) != 0) {
                // straight on
            } else if ((out[corner] & (1 << right)) != 0) {
                dir = right;
            } else {
                break; // back at the start corner with its edges used
            }
        } while (corner != start);
        // The start is the first corner of its loop in scan order, so a turn: no collinear point to drop there.
        return Arrays.copyOf(points, n);
    }
}
