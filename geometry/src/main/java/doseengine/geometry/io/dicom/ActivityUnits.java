package doseengine.geometry.io.dicom;

import java.util.List;
import java.util.Locale;

/**
 * How stored values become Bq/ml, in the order of trust:
 * <ol>
 * <li>a Real World Value Mapping (PS3.3 C.7.6.16.2.11) whose Measurement Units Code Sequence is UCUM
 *     {@code Bq/ml}: the vendor states the unit in a coded, unambiguous way and maps stored values directly;</li>
 * <li>Units (0054,1001) {@code BQML} (PS3.3 C.8.9.1.1.3) with the Modality LUT Rescale Slope/Intercept;</li>
 * <li>Units {@code CNTS} only with the user's calibration (counts per second per MBq) and the Actual Frame
 *     Duration (0018,1242): counts alone do not say how many becquerels made them.</li>
 * </ol>
 * Anything else (SUV, percent, unitless) is refused: a dose from a wrong unit is wrong by orders of magnitude.
 */
final class ActivityUnits {
    static final String ACCEPTED = "accepted are a (0040,9096) Real World Value Mapping in Bq/ml, (0054,1001) "
            + "Units BQML, or CNTS with a calibration factor in counts per second per MBq";

    /** Bq/ml = slope * stored + intercept; {@code note} says where that came from. */
    record Scale(double slope, double intercept, String note) {}

    private ActivityUnits() {}

    static Scale of(DicomDataset d, double voxelMl, CountsCalibration calibration) {
        String otherRealWorldUnit = null;
        List<DicomDataset> mappings = d.sequence(Tag.REAL_WORLD_VALUE_MAPPING_SEQUENCE);
        if (mappings != null) {
            for (DicomDataset m : mappings) {
                List<DicomDataset> units = m.sequence(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE);
                String code = units == null || units.isEmpty() ? null : units.get(0).string(Tag.CODE_VALUE);
                if (code != null && code.equalsIgnoreCase("Bq/ml")) {
                    double slope = m.requireDecimal(Tag.REAL_WORLD_VALUE_SLOPE);
                    Double intercept = m.decimal(Tag.REAL_WORLD_VALUE_INTERCEPT);
                    double b = intercept == null ? 0 : intercept;
                    requireFinite(d, slope, b, Tag.REAL_WORLD_VALUE_SLOPE);
                    return new Scale(slope, b, String.format(Locale.ROOT,
                            "units: Bq/ml from the (0040,9096) Real World Value Mapping (slope %s, intercept %s)",
                            slope, b));
                }
                if (code != null && otherRealWorldUnit == null) {
                    otherRealWorldUnit = code;
                }
            }
        }
        String units = d.string(Tag.UNITS);
        if ("BQML".equals(units)) {
            double[] r = CtSeriesReader.rescale(d);
            return new Scale(r[0], r[1], "units: (0054,1001) Units BQML with (0028,1053) Rescale Slope");
        }
        if ("CNTS".equals(units)) {
            if (calibration == null) {
                throw new DicomException(d.file(), "(0054,1001) Units is CNTS (counts): counts become activity "
                        + "only with a calibration factor in counts per second per MBq for this camera; give it ("
                        + ActivityImageReader.CALIBRATION_OPTION + " CPS_PER_MBQ), or export the image in Bq/ml");
            }
            Double durationMs = d.decimal(Tag.ACTUAL_FRAME_DURATION);
            if (durationMs == null || !(durationMs > 0)) {
                throw new DicomException(d.file(), "(0054,1001) Units is CNTS but " + Tag.describe(
                        Tag.ACTUAL_FRAME_DURATION) + " is " + (durationMs == null ? "missing" : durationMs + " ms")
                        + ": counts cannot become counts per second");
            }
            double[] r = CtSeriesReader.rescale(d);
            double perCount = calibration.bqPerMlPerCount(durationMs / 1000, voxelMl);
            return new Scale(r[0] * perCount, r[1] * perCount, String.format(Locale.ROOT,
                    "units: counts converted with %s cps/MBq over a %s s frame in %.4g ml voxels "
                            + "(%.6g Bq/ml per count)", calibration.countsPerSecondPerMBq(), durationMs / 1000,
                    voxelMl, perCount));
        }
        String found = units != null ? "(0054,1001) Units is '" + units + "'"
                : otherRealWorldUnit != null ? "the (0040,9096) Real World Value Mapping is in '" + otherRealWorldUnit + "'"
                : "no unit is given (neither (0040,9096) Real World Value Mapping nor (0054,1001) Units)";
        throw new DicomException(d.file(), found + ", not activity concentration; " + ACCEPTED);
    }

    private static void requireFinite(DicomDataset d, double slope, double intercept, int tag) {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept) || slope == 0) {
            throw new DicomException(d.file(), Tag.describe(tag) + " " + slope + " (intercept " + intercept
                    + ") is not a usable mapping");
        }
    }
}
