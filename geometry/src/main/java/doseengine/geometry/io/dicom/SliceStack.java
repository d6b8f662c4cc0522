package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.GridGeometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Single-frame slices (a CT or PET series) sorted into one regular grid, or refused with one line.
 *
 * <p>DICOM gives no slice order: Instance Number and Slice Location are annotations, and only Image Position
 * (Patient) places a slice (PS3.3 C.7.6.2.1.1). So slices are sorted by their position projected on the normal
 * of Image Orientation (Patient) (row x column). The volume then needs what a {@link VoxelGrid} can express:
 * one orientation, one matrix and pixel spacing, slices stacked straight along the normal (no gantry tilt),
 * no two at one position, evenly spaced (a gap means a lost slice, which would silently stretch the anatomy).
 *
 * <p>Tolerances: orientations agree to {@value #ORIENTATION_TOLERANCE} per cosine and pixel spacings to
 * {@value #PIXEL_SPACING_TOLERANCE_MM} mm (both are decimal text, a few digits). A slice may lie off the normal
 * through the first slice by {@value #LATERAL_TOLERANCE_MM} mm plus {@value #LATERAL_TOLERANCE_PER_MM} of its
 * distance along the normal (0.011 degrees; scanners' tilts are whole degrees, and this keeps the placement error
 * under 0.12 mm over 600 mm). Gaps between neighbours agree with their median to {@value #SPACING_TOLERANCE}
 * (1 %) of a slice; neighbours closer than 1 % of the largest gap (or 0.001 mm) are duplicates.
 */
public final class SliceStack {
    public static final double ORIENTATION_TOLERANCE = 1e-4;
    public static final double PIXEL_SPACING_TOLERANCE_MM = 1e-3;
    public static final double LATERAL_TOLERANCE_MM = 0.02;
    public static final double LATERAL_TOLERANCE_PER_MM = 2e-4;
    public static final double SPACING_TOLERANCE = 0.01;
    /** A Gantry/Detector Tilt below this many degrees is the decimal text of 0. */
    public static final double TILT_TOLERANCE_DEGREES = 1e-3;

    private final List<SlicePlane> slices;
    private final VoxelGrid grid;

    private SliceStack(List<SlicePlane> slices, VoxelGrid grid) {
        this.slices = List.copyOf(slices);
        this.grid = grid;
    }

    /** The slices in grid order (k = 0 first): ascending along the normal. */
    public List<SlicePlane> slices() { return slices; }

    /**
     * The grid: i along the rows (spacing Pixel Spacing[1]), j along the columns (Pixel Spacing[0]), k along the
     * normal (the mean gap), origin the first sorted slice's Image Position (Patient).
     */
    public VoxelGrid grid() { return grid; }

    /**
     * Sorts and checks the slices of one series.
     *
     * @param series how messages name the series, e.g. {@code CT series 1.2.3 "Abdomen"}
     */
    public static SliceStack of(String series, List<SlicePlane> planes) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("no slices");
        }
        SlicePlane first = planes.get(0);
        if (planes.size() == 1) {
            throw new DicomException(first.file(), series + " has a single slice: a volume needs at least two "
                    + "slices (a localizer or a lone image is not a CT volume)");
        }
        for (SlicePlane p : planes) {
            requireTriplet(p);
        }
        checkSameFrame(series, first, planes);
        double[][] rc = ImagePlaneAxes.rowAndColumn(first.file(), first.orientation());
        double[] normal = ImagePlaneAxes.normal(rc[0], rc[1]);

        List<SlicePlane> sorted = new ArrayList<>(planes);
        sorted.sort(Comparator.comparingDouble((SlicePlane p) -> ImagePlaneAxes.dot(p.position(), normal))
                .thenComparing(p -> p.file().toString()));
        int n = sorted.size();
        double[] along = new double[n];
        for (int k = 0; k < n; k++) {
            along[k] = ImagePlaneAxes.dot(sorted.get(k).position(), normal);
        }
        double[] gaps = new double[n - 1];
        double largest = 0;
        for (int k = 0; k < n - 1; k++) {
            gaps[k] = along[k + 1] - along[k];
            largest = Math.max(largest, gaps[k]);
        }
        double duplicate = Math.max(1e-3, 0.01 * largest);
        for (int k = 0; k < n - 1; k++) {
            if (gaps[k] < duplicate) {
                throw new DicomException(sorted.get(k + 1).file(), String.format(Locale.ROOT,
                        "%s has two slices at one position: this file and %s both at %s mm along the normal "
                                + "((0020,0032) Image Position (Patient)); remove the duplicate",
                        series, sorted.get(k).file(), fmt(along[k + 1])));
            }
        }
        checkAlongNormal(series, sorted, normal, along);
        double[] sortedGaps = gaps.clone();
        Arrays.sort(sortedGaps);
        double median = sortedGaps[(n - 1) / 2];
        for (int k = 0; k < n - 1; k++) {
            if (Math.abs(gaps[k] - median) > SPACING_TOLERANCE * median) {
                String hint = gaps[k] > median * 1.5 ? ": a slice is missing" : "";
                throw new DicomException(sorted.get(k + 1).file(), String.format(Locale.ROOT,
                        "%s is not evenly spaced: %s mm from %s to this slice where the other slices are %s mm "
                                + "apart (more than 1 %% off)%s; a volume needs uniform slice spacing",
                        series, fmt(gaps[k]), sorted.get(k).file().getFileName(), fmt(median), hint));
            }
        }
        double spacing = (along[n - 1] - along[0]) / (n - 1);
        VoxelGrid grid = GridGeometry.fromSpacing(first.file(), "(0020,0037) Image Orientation (Patient)",
                first.columns(), first.rows(), n,
                new double[] {first.pixelSpacing()[1], first.pixelSpacing()[0], spacing},
                sorted.get(0).position().clone(), ImagePlaneAxes.direction(rc[0], rc[1], normal));
        return new SliceStack(sorted, grid);
    }

    private static void checkSameFrame(String series, SlicePlane first, List<SlicePlane> planes) {
        for (SlicePlane p : planes) {
            for (int a = 0; a < 6; a++) {
                if (Math.abs(p.orientation()[a] - first.orientation()[a]) > ORIENTATION_TOLERANCE) {
                    throw new DicomException(p.file(), String.format(Locale.ROOT,
                            "%s mixes orientations: (0020,0037) Image Orientation (Patient) %s here, %s in %s",
                            series, Arrays.toString(p.orientation()), Arrays.toString(first.orientation()),
                            first.file().getFileName()));
                }
            }
            if (p.rows() != first.rows() || p.columns() != first.columns()) {
                throw new DicomException(p.file(), String.format(Locale.ROOT,
                        "%s mixes matrix sizes: (0028,0010) Rows x (0028,0011) Columns %d x %d here, %d x %d in %s",
                        series, p.rows(), p.columns(), first.rows(), first.columns(), first.file().getFileName()));
            }
            if (Math.abs(p.pixelSpacing()[0] - first.pixelSpacing()[0]) > PIXEL_SPACING_TOLERANCE_MM
                    || Math.abs(p.pixelSpacing()[1] - first.pixelSpacing()[1]) > PIXEL_SPACING_TOLERANCE_MM) {
                throw new DicomException(p.file(), String.format(Locale.ROOT,
                        "%s mixes pixel sizes: (0028,0030) Pixel Spacing %s here, %s in %s", series,
                        Arrays.toString(p.pixelSpacing()), Arrays.toString(first.pixelSpacing()),
                        first.file().getFileName()));
            }
            if (Math.abs(p.gantryTilt()) > TILT_TOLERANCE_DEGREES) {
                throw new DicomException(p.file(), String.format(Locale.ROOT,
                        "%s was acquired with gantry tilt ((0018,1120) Gantry/Detector Tilt %s degrees): its "
                                + "slices are sheared and do not form a grid; reconstruct without tilt or "
                                + "resample to an orthogonal grid first", series, fmt(p.gantryTilt())));
            }
        }
    }

    /** Each slice must lie on the normal through the first: an offset growing with distance is a tilt. */
    private static void checkAlongNormal(String series, List<SlicePlane> sorted, double[] normal, double[] along) {
        double[] p0 = sorted.get(0).position();
        for (int k = 1; k < sorted.size(); k++) {
            double[] p = sorted.get(k).position();
            double d = along[k] - along[0];
            double[] lateral = {
                p[0] - p0[0] - d * normal[0], p[1] - p0[1] - d * normal[1], p[2] - p0[2] - d * normal[2],
            };
            double off = Math.sqrt(ImagePlaneAxes.dot(lateral, lateral));
            if (off > LATERAL_TOLERANCE_MM + LATERAL_TOLERANCE_PER_MM * Math.abs(d)) {
                throw new DicomException(sorted.get(k).file(), String.format(Locale.ROOT,
                        "%s is sheared (gantry tilt): this slice's (0020,0032) Image Position (Patient) lies %s mm "
                                + "off the normal of (0020,0037) Image Orientation (Patient) through the first "
                                + "slice (%s mm away; %.2f degrees); resample to an orthogonal grid first",
                        series, fmt(off), fmt(Math.abs(d)), Math.toDegrees(Math.atan2(off, Math.abs(d)))));
            }
        }
    }

    private static void requireTriplet(SlicePlane p) {
        if (p.position() == null || p.position().length != 3) {
            throw new DicomException(p.file(), "(0020,0032) Image Position (Patient) needs 3 values, got "
                    + Arrays.toString(p.position()));
        }
        if (p.pixelSpacing() == null || p.pixelSpacing().length != 2) {
            throw new DicomException(p.file(), "(0028,0030) Pixel Spacing needs 2 values, got "
                    + Arrays.toString(p.pixelSpacing()));
        }
        for (double v : p.position()) {
            if (!Double.isFinite(v)) {
                throw new DicomException(p.file(), "(0020,0032) Image Position (Patient) is not finite: "
                        + Arrays.toString(p.position()));
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
