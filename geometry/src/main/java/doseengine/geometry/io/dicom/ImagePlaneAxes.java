package doseengine.geometry.io.dicom;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The patient-space axes of an image plane from Image Orientation (Patient) (PS3.3 C.7.6.2.1.1): the first
 * triplet is the direction of a row (increasing column index), the second that of a column (increasing row
 * index), and their cross product the plane's normal, along which slices are stacked.
 */
final class ImagePlaneAxes {
    private ImagePlaneAxes() {}

    /** The row (index 0) and column (index 1) unit vectors; refuses a zero or non-finite triplet. */
    static double[][] rowAndColumn(Path file, double[] orientation) {
        if (orientation == null || orientation.length != 6) {
            throw new DicomException(file, "(0020,0037) Image Orientation (Patient) needs 6 values, got "
                    + Arrays.toString(orientation));
        }
        double[] row = unit(file, Arrays.copyOfRange(orientation, 0, 3), orientation);
        double[] column = unit(file, Arrays.copyOfRange(orientation, 3, 6), orientation);
        return new double[][] {row, column};
    }

    /** row x column: the normal of the plane, pointing the way a right-handed stack grows. */
    static double[] normal(double[] row, double[] column) {
        return unitOrSelf(new double[] {
            row[1] * column[2] - row[2] * column[1],
            row[2] * column[0] - row[0] * column[2],
            row[0] * column[1] - row[1] * column[0],
        });
    }

    /** Row-major 3x3 whose columns are the i (row), j (column) and k axes, as {@code VoxelGrid} stores them. */
    static double[] direction(double[] row, double[] column, double[] k) {
        return new double[] {
            row[0], column[0], k[0],
            row[1], column[1], k[1],
            row[2], column[2], k[2],
        };
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] unit(Path file, double[] v, double[] all) {
        double n = Math.sqrt(dot(v, v));
        if (!(n > 0.5) || !Double.isFinite(n)) {
            // Direction cosines are unit vectors: a length far from 1 is a broken header, not rounding.
            throw new DicomException(file, "(0020,0037) Image Orientation (Patient) " + Arrays.toString(all)
                    + " is not two unit vectors");
        }
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private static double[] unitOrSelf(double[] v) {
        double n = Math.sqrt(dot(v, v));
        return n > 0 ? new double[] {v[0] / n, v[1] / n, v[2] / n} : v;
    }
}
