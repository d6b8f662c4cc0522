package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;

/**
 * Turns the closed planar contours of one ROI into a voxel mask on a grid: a voxel belongs to the ROI when its
 * centre lies inside the contours of its slice by the even-odd rule over all contours of the ROI on that slice
 * (PS3.3 C.8.8.6.3: an inner contour of the same ROI is a hole, several outer contours are islands; the
 * even-odd rule gives both without having to know which contour is which).
 *
 * <p>Exact and fast: the contour points are taken to continuous grid indices once; per slice and per row j the
 * polygon edges are intersected with the line through the voxel centres of that row, the crossings sorted and the
 * voxels between pairs of crossings filled. An edge counts for a row when the row lies in the half-open interval
 * [lower end, upper end) of the edge, so a vertex on the row is counted once where the polygon passes through it
 * and not at all (or twice) where it only touches it. A voxel centre is inside when it lies in [left crossing,
 * right crossing): on a boundary exactly through centres, the left and lower edges are inside, the right and
 * upper ones outside.
 *
 * <p>Contours must lie in planes of the grid's i-j plane: the k index of all points of a contour may differ by at
 * most {@value #PLANE_TOLERANCE} (in slices; a hundredth of the slice spacing covers the rounding of the Decimal
 * String coordinates, not a tilted plane). The contour goes to the nearest slice (k rounded); contours whose
 * slice is outside the grid are counted in a note.
 */
public final class ContourRasterizer {
    /** Largest spread of the k index of one contour's points, in slices. */
    public static final double PLANE_TOLERANCE = 0.01;

    private ContourRasterizer() {}

    /**
     * The voxels of {@code grid} (bits at {@link VoxelGrid#flatIndex}) inside the ROI's contours.
     *
     * @param notes receives one line for contours outside the grid
     * @throws BadContourException when a contour is not parallel to the grid's slices or has fewer than three
     *     points
     */
    public static BitSet rasterize(VoxelGrid grid, RoiContours roi, List<String> notes) {
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        List<List<double[]>> polygonsPerSlice = new ArrayList<>(nz);
        for (int k = 0; k < nz; k++) {
            polygonsPerSlice.add(new ArrayList<>());
        }
        int outside = 0;
        int index = 0;
        for (double[] contour : roi.contours()) {
            index++;
            int n = contour.length / 3;
            if (n < 3) {
                throw new BadContourException(String.format(Locale.ROOT,
                        "ROI %d '%s' contour %d has %d point(s); a closed planar contour needs at least 3",
                        roi.number(), roi.name(), index, n));
            }
            double[] ij = new double[2 * n];
            double kMin = Double.POSITIVE_INFINITY, kMax = Double.NEGATIVE_INFINITY, kSum = 0;
            for (int p = 0; p < n; p++) {
                double[] c = grid.worldToIndex(contour[3 * p], contour[3 * p + 1], contour[3 * p + 2]);
                ij[2 * p] = c[0];
                ij[2 * p + 1] = c[1];
                kMin = Math.min(kMin, c[2]);
                kMax = Math.max(kMax, c[2]);
                kSum += c[2];
            }
            if (!(kMax - kMin <= PLANE_TOLERANCE)) {
                throw new BadContourException(String.format(Locale.ROOT,
                        "ROI %d '%s' contour %d is not parallel to the image slices: its points span %.3g slices "
                                + "along the slice normal (at most %s allowed)",
                        roi.number(), roi.name(), index, kMax - kMin, PLANE_TOLERANCE));
            }
            long k = Math.round(kSum / n);
            if (k < 0 || k >= nz) {
                outside++;
                continue;
            }
            polygonsPerSlice.get((int) k).add(ij);
        }
        if (outside > 0) {
            notes.add(String.format(Locale.ROOT, "ROI %d '%s': %d of %d contour(s) lie on planes outside the grid "
                    + "and were left out", roi.number(), roi.name(), outside, roi.contours().size()));
        }
        BitSet mask = new BitSet(grid.voxelCount());
        double[] crossings = new double[16];
        for (int k = 0; k < nz; k++) {
            List<double[]> polygons = polygonsPerSlice.get(k);
            if (polygons.isEmpty()) {
                continue;
            }
            double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
            for (double[] ij : polygons) {
                for (int p = 1; p < ij.length; p += 2) {
                    yMin = Math.min(yMin, ij[p]);
                    yMax = Math.max(yMax, ij[p]);
                }
            }
            int jFirst = (int) Math.max(0, Math.ceil(yMin));
            int jLast = (int) Math.min(ny - 1, Math.floor(yMax));
            for (int j = jFirst; j <= jLast; j++) {
                int count = 0;
                for (double[] ij : polygons) {
                    int n = ij.length / 2;
                    for (int p = 0, q = n - 1; p < n; q = p++) {
                        double x0 = ij[2 * q], y0 = ij[2 * q + 1], x1 = ij[2 * p], y1 = ij[2 * p + 1];
                        if (y1 < y0) {
                            // From the lower end, so an edge drawn in both directions (the shared chord of a
                            // split contour) crosses at bit-identical x and its two crossings cancel.
                            double t = x0;
                            x0 = x1;
                            x1 = t;
                            t = y0;
                            y0 = y1;
                            y1 = t;
                        }
                        // Half-open [lower, upper): horizontal edges never count, a shared vertex once.
                        if (y0 <= j && j < y1) {
                            if (count == crossings.length) {
                                crossings = Arrays.copyOf(crossings, 2 * count);
                            }
                            crossings[count++] = x0 + (j - y0) * (x1 - x0) / (y1 - y0);
                        }
                    }
                }
                Arrays.sort(crossings, 0, count);
                int row = grid.flatIndex(0, j, k);
                for (int c = 0; c + 1 < count; c += 2) {
                    int iFrom = (int) Math.max(0, Math.ceil(crossings[c]));
                    int iTo = (int) Math.min(nx, Math.ceil(crossings[c + 1])); // exclusive
                    if (iFrom < iTo) {
                        mask.set(row + iFrom, row + iTo);
                    }
                }
            }
        }
        return mask;
    }

    /**
     * Refuses contours drawn in another patient space than the CT's: points of another frame of reference
     * (PS3.3 C.7.4.1.1.1) would land on the CT at arbitrary places without any error.
     *
     * @param file the RT Structure Set the ROI came from, for the message
     */
    public static void requireFrameOfReference(Path file, RoiContours roi, String ctFrameOfReferenceUid) {
        if (!java.util.Objects.equals(roi.frameOfReferenceUid(), ctFrameOfReferenceUid)) {
            throw new DicomException(file, String.format(Locale.ROOT,
                    "ROI %d '%s' is drawn in frame of reference %s ((3006,0024) Referenced Frame of Reference UID) "
                            + "but the CT is in %s ((0020,0052) Frame of Reference UID); register the images "
                            + "first", roi.number(), roi.name(), roi.frameOfReferenceUid(), ctFrameOfReferenceUid));
        }
    }

    /** {@link #requireFrameOfReference} then {@link #rasterize}: what a caller with a CT should use. */
    public static BitSet rasterizeOnCt(Path file, VoxelGrid ctGrid, String ctFrameOfReferenceUid, RoiContours roi,
                                       List<String> notes) {
        requireFrameOfReference(file, roi, ctFrameOfReferenceUid);
        return rasterize(ctGrid, roi, notes);
    }
}
