package doseengine.geometry.io.dicom;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a quantitative SPECT activity concentration (Bq/ml) as one multi-frame NM Image (PS3.3 A.5), a
 * reconstructed tomographic image (Image Type RECON TOMO): frame k is slice k, Frame Increment Pointer (0028,0009)
 * points to Slice Vector (0054,0080), and the geometry is in the Detector Information Sequence (0054,0022) as
 * C.8.4.11 asks for RECON TOMO (Image Position of the first frame, Image Orientation, with Spacing Between
 * Slices (0018,0088) along the normal).
 *
 * <p>Values are unsigned 16-bit with Rescale Slope (0028,1053) chosen so the largest concentration maps to 65535,
 * and the same mapping as a Real World Value Mapping (C.7.6.16.2.11) with UCUM unit {@code Bq/ml}, the way a
 * quantitative SPECT says that its values are activity concentrations. Units (0054,1001) BQML and Decay
 * Correction (0054,1102) NONE (the values are the concentrations at acquisition time) follow the PET Series
 * module's meaning (C.8.9.1), which quantitative SPECT readers look for.
 */
public final class NmImageWriter {
    /** Nuclear Medicine Image Storage (PS3.4 B.5). */
    public static final String SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.20";
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS", Locale.ROOT);
    private static final int TOP = 0xFFFF;

    /** A coded concept (PS3.3 8.8), e.g. a radionuclide of CID 18 as the site's catalogue codes it. */
    public record Code(String value, String scheme, String meaning) {}

    /**
     * What was administered.
     *
     * @param nuclide e.g. "Lu-177", written as Radiopharmaceutical (0018,0031) with the pharmaceutical
     * @param nuclideCode Radionuclide Code Sequence (0054,0300) item, or null (the sequence is then empty)
     * @param pharmaceutical e.g. "DOTATATE", or null
     * @param injection Radiopharmaceutical Start DateTime (0018,1078)
     * @param injectedMBq Radionuclide Total Dose (0018,1074), in MBq as the NM Isotope module wants (C.8.4.10)
     * @param halfLifeSeconds Radionuclide Half Life (0018,1075)
     */
    public record Radiopharmaceutical(String nuclide, Code nuclideCode, String pharmaceutical,
                                      LocalDateTime injection, double injectedMBq, double halfLifeSeconds) {}

    private NmImageWriter() {}

    /**
     * Writes {@code bqPerMl} to {@code file}.
     *
     * @return the SOP Instance UID written
     * @throws DicomException naming the file for a left-handed grid, a NaN, infinite or negative value
     */
    public static String write(Path file, FloatVolume bqPerMl, DicomReference reference, String seriesDescription,
                               LocalDateTime acquisition, Radiopharmaceutical radiopharmaceutical) {
        VoxelGrid g = bqPerMl.grid();
        if (!g.isRightHanded()) {
            throw new DicomException(file, "the image grid's k axis is not the normal of its i and j axes (a "
                    + "left-handed grid); NM frames can only follow the normal of (0020,0037) Image Orientation");
        }
        float[] a = bqPerMl.data();
        double max = 0;
        for (int v = 0; v < a.length; v++) {
            if (!(a[v] >= 0) || Float.isInfinite(a[v])) {
                throw new DicomException(file, String.format(Locale.ROOT,
                        "activity concentration %s Bq/ml at voxel %d cannot be written: it must be finite and "
                                + "not negative", a[v], v));
            }
            max = Math.max(max, a[v]);
        }
        LocalDateTime now = LocalDateTime.now();
        String sop = Uids.fresh();
        DicomDataset d = DerivedModules.start(SOP_CLASS_UID, sop, now);
        d.putString(Tag.IMAGE_TYPE, Vr.CS, "DERIVED", "PRIMARY", "RECON TOMO", "EMISSION");
        DerivedModules.patientAndStudy(d, reference);
        DerivedModules.seriesAndEquipment(d, "NM", Uids.fresh(), 1, seriesDescription, now);
        DerivedModules.unknownLaterality(d);
        DerivedModules.frameOfReference(d, reference);
        d.putSequence(Tag.PATIENT_ORIENTATION_CODE_SEQUENCE, List.of());
        d.putSequence(Tag.PATIENT_GANTRY_RELATIONSHIP_CODE_SEQUENCE, List.of());
        d.putString(Tag.ACQUISITION_DATE, Vr.DA, DerivedModules.DA.format(acquisition));
        d.putString(Tag.ACQUISITION_TIME, Vr.TM, DerivedModules.TM.format(acquisition));
        d.putString(Tag.CONTENT_DATE, Vr.DA, DerivedModules.DA.format(now));
        d.putString(Tag.CONTENT_TIME, Vr.TM, DerivedModules.TM.format(now));
        d.putIntegerString(Tag.INSTANCE_NUMBER, 1);
        d.putString(Tag.COUNTS_ACCUMULATED, Vr.IS, "");
        double[] dir = g.direction();
        // General Image C.7.6.1: Patient Orientation is needed where Image Orientation is not at the top level.
        d.putString(Tag.PATIENT_ORIENTATION, Vr.CS, letters(dir[0], dir[3], dir[6]), letters(dir[1], dir[4], dir[7]));

        DerivedModules.pixelModule(d, g, 16, false);
        d.putDecimals(Tag.PIXEL_SPACING, g.spacingY(), g.spacingX());
        d.putDecimals(Tag.SLICE_THICKNESS, g.spacingZ());
        d.putDecimals(Tag.SPACING_BETWEEN_SLICES, g.spacingZ());
        d.putIntegerString(Tag.NUMBER_OF_FRAMES, g.nz());
        d.putAttributeTag(Tag.FRAME_INCREMENT_POINTER, Tag.SLICE_VECTOR);
        int[] slices = new int[g.nz()];
        for (int k = 0; k < slices.length; k++) {
            slices[k] = k + 1;
        }
        d.putUnsignedShorts(Tag.SLICE_VECTOR, slices);
        d.putUnsignedShorts(Tag.NUMBER_OF_SLICES, g.nz());
        d.putUnsignedShorts(Tag.NUMBER_OF_ENERGY_WINDOWS, 1);
        d.putUnsignedShorts(Tag.NUMBER_OF_DETECTORS, 1);
        d.putUnsignedShorts(Tag.NUMBER_OF_ROTATIONS, 1);
        d.putSequence(Tag.ENERGY_WINDOW_INFORMATION_SEQUENCE, List.of());
        d.putSequence(Tag.ROTATION_INFORMATION_SEQUENCE, List.of());
        d.putSequence(Tag.DETECTOR_INFORMATION_SEQUENCE, List.of(new DicomDataset()
                .putString(Tag.COLLIMATOR_TYPE, Vr.CS, "")
                .putDecimals(Tag.IMAGE_POSITION_PATIENT, g.indexToWorld(0, 0, 0))
                .putDecimals(Tag.IMAGE_ORIENTATION_PATIENT, DerivedModules.rowAndColumnCosines(dir))));
        d.putSequence(Tag.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, List.of(isotope(radiopharmaceutical)));
        d.putString(Tag.UNITS, Vr.CS, "BQML");
        d.putString(Tag.DECAY_CORRECTION, Vr.CS, "NONE");

        d.putDecimals(Tag.RESCALE_INTERCEPT, 0);
        d.putDecimals(Tag.RESCALE_SLOPE, max > 0 ? max / TOP : 1.0);
        double slope = d.requireDecimal(Tag.RESCALE_SLOPE);
        d.putSequence(Tag.REAL_WORLD_VALUE_MAPPING_SEQUENCE, List.of(new DicomDataset()
                .putUnsignedShorts(Tag.REAL_WORLD_VALUE_FIRST_VALUE_MAPPED, 0)
                .putUnsignedShorts(Tag.REAL_WORLD_VALUE_LAST_VALUE_MAPPED, TOP)
                .putDoubles(Tag.REAL_WORLD_VALUE_INTERCEPT, 0)
                .putDoubles(Tag.REAL_WORLD_VALUE_SLOPE, slope)
                .putString(Tag.LUT_EXPLANATION, Vr.LO, "activity concentration")
                .putString(Tag.LUT_LABEL, Vr.SH, "BQML")
                .putSequence(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE, List.of(code(
                        new Code("Bq/ml", "UCUM", "Becquerels/milliliter"))))));
        ByteBuffer bb = ByteBuffer.allocate(2 * a.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : a) {
            bb.putShort((short) Math.min(TOP, Math.round(x / slope)));
        }
        d.putBytes(Tag.PIXEL_DATA, Vr.OW, bb.array());
        DicomWriter.write(file, d);
        return sop;
    }

    private static DicomDataset isotope(Radiopharmaceutical r) {
        DicomDataset item = new DicomDataset();
        List<DicomDataset> codes = new ArrayList<>();
        if (r.nuclideCode() != null) {
            codes.add(code(r.nuclideCode()));
        }
        item.putSequence(Tag.RADIONUCLIDE_CODE_SEQUENCE, codes);
        String name = r.pharmaceutical() == null || r.pharmaceutical().isBlank() ? r.nuclide()
                : r.nuclide() + " " + r.pharmaceutical();
        if (name != null && !name.isBlank()) {
            item.putString(Tag.RADIOPHARMACEUTICAL, Vr.LO, DerivedModules.limit(name, 64));
        }
        if (r.injection() != null) {
            item.putString(Tag.RADIOPHARMACEUTICAL_START_TIME, Vr.TM, DerivedModules.TM.format(r.injection()));
            item.putString(Tag.RADIOPHARMACEUTICAL_START_DATE_TIME, Vr.DT, DT.format(r.injection()));
        }
        item.putDecimals(Tag.RADIONUCLIDE_TOTAL_DOSE, r.injectedMBq());
        item.putDecimals(Tag.RADIONUCLIDE_HALF_LIFE, r.halfLifeSeconds());
        return item;
    }

    private static DicomDataset code(Code c) {
        return new DicomDataset()
                .putString(Tag.CODE_VALUE, Vr.SH, c.value())
                .putString(Tag.CODING_SCHEME_DESIGNATOR, Vr.SH, c.scheme())
                .putString(Tag.CODE_MEANING, Vr.LO, c.meaning());
    }

    /**
     * The Patient Orientation letters of a direction (C.7.6.1.1.1): L/R, P/A, H/F, most significant first,
     * leaving out components below 1e-3.
     */
    static String letters(double x, double y, double z) {
        String[] pos = {"L", "P", "H"}, neg = {"R", "A", "F"};
        double[] c = {x, y, z};
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (p, q) -> Double.compare(Math.abs(c[q]), Math.abs(c[p])));
        StringBuilder s = new StringBuilder();
        for (int a : order) {
            if (Math.abs(c[a]) > 1e-3) {
                s.append(c[a] > 0 ? pos[a] : neg[a]);
            }
        }
        return s.toString();
    }
}
