package doseengine.geometry.io;

import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds a {@link VoxelGrid} from what a file header says, refusing geometry no dose calculation can use:
 * zero, negative or non-finite spacing, a singular or sheared affine.
 *
 * <p>Headers store directions in float32 (NIfTI) or decimal text (MetaImage), so the axes come back a few
 * 1e-7 off orthogonal. Axes within {@link #SHEAR_TOLERANCE} of orthogonal are snapped to the nearest
 * orthonormal matrix (polar decomposition, which moves every axis by the least amount, unlike Gram-Schmidt
 * which favours the first); beyond that the image is sheared and refused.
 */
public final class GridGeometry {
    /** Largest |cos| between two axes still taken for rounding: 1e-4 is 0.006 degrees. */
    public static final double SHEAR_TOLERANCE = 1e-4;

    private GridGeometry() {}

    /**
     * A grid from an affine in LPS mm: {@code world = t + m * (i,j,k)}, {@code m} row-major 3x3 whose columns
     * are the axis vectors (direction times spacing).
     */
    static VoxelGrid fromAffine(Path file, String source, int nx, int ny, int nz, double[] m, double[] t) {
        requireFinite(file, source, m);
        requireFinite(file, source + " offset", t);
        double[] spacing = new double[3];
        double[] dir = new double[9];
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(m[c] * m[c] + m[3 + c] * m[3 + c] + m[6 + c] * m[6 + c]);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                throw new ImageFormatException(file, String.format(Locale.ROOT,
                        "singular %s: the %s axis has length %s; zero voxel spacing is refused", source,
                        "ijk".charAt(c), norm));
            }
            spacing[c] = norm;
            for (int r = 0; r < 3; r++) {
                dir[3 * r + c] = m[3 * r + c] / norm;
            }
        }
        return fromSpacing(file, source, nx, ny, nz, spacing, t, dir);
    }

    /**
     * A grid from spacing (mm), origin (mm, LPS) and row-major direction cosines (columns = axes). Public for
     * the DICOM readers, whose Image Orientation (Patient) is decimal text a few 1e-7 off orthogonal.
     */
    public static VoxelGrid fromSpacing(Path file, String source, int nx, int ny, int nz, double[] spacing,
            double[] origin, double[] direction) {
        for (double s : spacing) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new ImageFormatException(file, String.format(Locale.ROOT,
                        "voxel spacing %s x %s x %s mm: zero, negative or non-finite spacing is refused",
                        spacing[0], spacing[1], spacing[2]));
            }
        }
        requireFinite(file, "origin", origin);
        requireFinite(file, source, direction);
        double[] unit = direction.clone();
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(unit[c] * unit[c] + unit[3 + c] * unit[3 + c] + unit[6 + c] * unit[6 + c]);
            if (!(norm > 0)) {
                throw new ImageFormatException(file, String.format(Locale.ROOT,
                        "singular %s: direction of the %s axis is zero", source, "ijk".charAt(c)));
            }
            for (int r = 0; r < 3; r++) {
                unit[3 * r + c] /= norm;
            }
        }
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double cos = unit[a] * unit[b] + unit[3 + a] * unit[3 + b] + unit[6 + a] * unit[6 + b];
                if (Math.abs(cos) > SHEAR_TOLERANCE) {
                    throw new ImageFormatException(file, String.format(Locale.ROOT,
                            "sheared %s: the %s and %s axes meet at %.4f degrees, not 90; resample the image "
                                    + "to an orthogonal grid first", source, "ijk".charAt(a), "ijk".charAt(b),
                            Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))))));
                }
            }
        }
        double[] ortho = nearestOrthonormal(unit);
        try {
            return new VoxelGrid(nx, ny, nz, spacing[0], spacing[1], spacing[2], origin, ortho);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(file, e.getMessage(), e);
        }
    }

    /** Nearest orthonormal matrix by Newton's iteration for the polar factor, X <- (X + X^-T) / 2. */
    static double[] nearestOrthonormal(double[] m) {
        double[] x = m.clone();
        for (int iter = 0; iter < 20; iter++) {
            double[] invT = inverseTranspose(x);
            double change = 0;
            for (int a = 0; a < 9; a++) {
                double next = 0.5 * (x[a] + invT[a]);
                change = Math.max(change, Math.abs(next - x[a]));
                x[a] = next;
            }
            if (change < 1e-15) {
                break;
            }
        }
        return x;
    }

    static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** (m^-1)^T = cofactor matrix / det. */
    private static double[] inverseTranspose(double[] m) {
        double det = determinant(m);
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / det, -(m[3] * m[8] - m[5] * m[6]) / det, (m[3] * m[7] - m[4] * m[6]) / det,
            -(m[1] * m[8] - m[2] * m[7]) / det, (m[0] * m[8] - m[2] * m[6]) / det, -(m[0] * m[7] - m[1] * m[6]) / det,
            (m[1] * m[5] - m[2] * m[4]) / det, -(m[0] * m[5] - m[2] * m[3]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
        };
    }

    private static void requireFinite(Path file, String what, double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new ImageFormatException(file, what + " holds a non-finite number: " + Arrays.toString(v));
            }
        }
    }
}
