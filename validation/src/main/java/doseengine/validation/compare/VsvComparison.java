package doseengine.validation.compare;

import doseengine.validation.benchmark.VsvResult;
import doseengine.validation.reference.VoxelSValueTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Voxel S values against Lanconelli et al. 2012 (validation issue): 3 % in the source voxel, 5 % in the face
 * neighbours, 10 % wherever the reference exceeds 1e-3 of its source-voxel value; smaller values are shown, not
 * judged. Deviation: (engine - reference) / reference.
 */
public final class VsvComparison {
    public static final double SOURCE_TOLERANCE = 0.03;
    public static final double FACE_TOLERANCE = 0.05;
    public static final double OTHER_TOLERANCE = 0.10;
    /** Values below this fraction of the source voxel's are not judged. */
    public static final double JUDGED_FRACTION = 1e-3;

    private VsvComparison() {
    }

    /** All 216 offsets, nearest first; {@code x} is the centre-to-centre distance in mm. */
    public static ComparisonResult compare(String benchmark, VsvResult engine, VoxelSValueTable reference) {
        double source = reference.sourceVoxel();
        double voxel = reference.voxelMm();
        List<ComparisonPoint> points = new ArrayList<>();
        for (int i = 0; i <= VoxelSValueTable.MAX_OFFSET; i++) {
            for (int j = 0; j <= VoxelSValueTable.MAX_OFFSET; j++) {
                for (int k = 0; k <= VoxelSValueTable.MAX_OFFSET; k++) {
                    double ref = reference.s(i, j, k);
                    double e = engine.s(i, j, k);
                    double sigma = e * engine.relativeUncertainty(i, j, k);
                    points.add(new ComparisonPoint(String.format(Locale.ROOT, "(%d,%d,%d)", i, j, k),
                            voxel * Math.sqrt(i * i + j * j + k * k), e, sigma, ref,
                            ref > 0 ? (e - ref) / ref : Double.NaN, tolerance(i, j, k, ref, source)));
                }
            }
        }
        points.sort(Comparator.comparingDouble(ComparisonPoint::x));
        return new ComparisonResult(benchmark, "voxel S values", "voxel S value", "mGy/(MBq s)",
                "Lanconelli et al. 2012 (DOSXYZnrc), " + reference.title(), "(engine - reference) / reference",
                "3 % source voxel; 5 % face neighbours; 10 % where the reference exceeds 1e-3 of the source voxel",
                points);
    }

    /** The tolerance at offset (i, j, k), or NaN where it does not judge. */
    static double tolerance(int i, int j, int k, double ref, double source) {
        int sum = i + j + k;
        if (sum == 0) {
            return SOURCE_TOLERANCE;
        }
        if (sum == 1) {
            return FACE_TOLERANCE;
        }
        return ref > JUDGED_FRACTION * source ? OTHER_TOLERANCE : Double.NaN;
    }
}
