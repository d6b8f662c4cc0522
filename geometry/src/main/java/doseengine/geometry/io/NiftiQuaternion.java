package doseengine.geometry.io;

/**
 * The NIfTI-1 qform rotation: a unit quaternion (a,b,c,d) stored as (b,c,d) with a >= 0, and qfac = +-1
 * (pixdim[0]) for left-handed grids. Formulas from the comments of nifti1.h ("METHOD 2"), NIfTI-1 Data Format
 * Working Group, 2004.
 */
final class NiftiQuaternion {
    private NiftiQuaternion() {}

    /**
     * The 3x3 row-major matrix R * diag(1, 1, qfac) (columns are the i, j, k axis directions, RAS), or null
     * when b^2+c^2+d^2 exceeds 1 by more than rounding.
     */
    static double[] toMatrix(double b, double c, double d, double qfac) {
        double sum = b * b + c * c + d * d;
        double a;
        if (sum > 1 + 1e-3 || !Double.isFinite(sum)) {
            return null;
        }
        if (1 - sum < 1e-7) {
            // A 180 degree rotation stored in float: renormalise (b,c,d), as nifti1_io does.
            double s = 1 / Math.sqrt(sum);
            b *= s;
            c *= s;
            d *= s;
            a = 0;
        } else {
            a = Math.sqrt(1 - sum);
        }
        double[] r = {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b,
        };
        if (qfac < 0) {
            r[2] = -r[2];
            r[5] = -r[5];
            r[8] = -r[8];
        }
        return r;
    }

    /**
     * (b, c, d, qfac) for an orthonormal row-major direction matrix: a left-handed matrix has its k column
     * negated first and qfac = -1.
     */
    static double[] fromMatrix(double[] dir) {
        double[] r = dir.clone();
        double qfac = 1;
        if (GridGeometry.determinant(r) < 0) {
            qfac = -1;
            r[2] = -r[2];
            r[5] = -r[5];
            r[8] = -r[8];
        }
        double a, b, c, d;
        double trace = r[0] + r[4] + r[8];
        // Shepperd's method: divide by the largest of the four candidates for numerical stability.
        if (trace > 0) {
            double s = 2 * Math.sqrt(trace + 1);
            a = 0.25 * s;
            b = (r[7] - r[5]) / s;
            c = (r[2] - r[6]) / s;
            d = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]);
            a = (r[7] - r[5]) / s;
            b = 0.25 * s;
            c = (r[1] + r[3]) / s;
            d = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]);
            a = (r[2] - r[6]) / s;
            b = (r[1] + r[3]) / s;
            c = 0.25 * s;
            d = (r[5] + r[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]);
            a = (r[3] - r[1]) / s;
            b = (r[2] + r[6]) / s;
            c = (r[5] + r[7]) / s;
            d = 0.25 * s;
        }
        if (a < 0) {
            b = -b;
            c = -c;
            d = -d;
        }
        return new double[] {b, c, d, qfac};
    }
}
