package doseengine.geometry.io.dicom;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Writes a dose (or its standard error) on the CT grid as one multi-frame RT Dose (PS3.3 A.18, RT Dose module
 * C.8.8.3), so that a treatment planning system or viewer shows it over the CT it was computed on.
 *
 * <p>Stored values are unsigned integers of 16 or 32 bits; Dose Grid Scaling (3004,000E) is chosen so that the
 * largest dose maps to the top of the range (PS3.3 C.8.8.3.2: dose = stored x scaling), which keeps the relative
 * quantisation error of the largest dose at 1/65535 (16 bits) or 1/4294967295 (32 bits). The scaling is taken
 * back from its Decimal String before quantising, so the file's own scaling is what reproduces the dose.
 *
 * <p>Dose Summation Type (3004,000A) is {@value #SUMMATION_TYPE}: the dose of one administration of a
 * radiopharmaceutical. None of the defined terms of C.8.8.3 (PLAN, MULTI_PLAN, FRACTION, BEAM, BRACHY,
 * FRACTION_SESSION, BEAM_SESSION, BRACHY_SESSION, CONTROL_POINT, RECORD) fits it: each names a part of an external
 * beam or brachytherapy delivery, and each obliges a reference to an RT Plan or a treatment record (Referenced RT
 * Plan Sequence (300C,0002), type 1C), which do not exist for a radiopharmaceutical. Claiming PLAN without the plan
 * breaks the IOD; the attribute holds Defined Terms, which PS3.3 lets an application extend, so the file says what
 * the dose is instead. Validators note an unrecognised defined term (a warning, not an error).
 *
 * <p>The grid must be right-handed (k along i x j): Grid Frame Offset Vector (3004,000C) offsets run along the
 * normal of Image Orientation (C.8.8.3.2), so a left-handed grid would put the frames in mirror order.
 */
public final class RtDoseWriter {
    /** Dose Summation Type of the dose from one administered activity (see the class comment). */
    public static final String SUMMATION_TYPE = "ADMINISTRATION";

    /** RT Dose Storage (PS3.4 B.5). */
    public static final String SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.481.2";

    /** Dose Type (3004,0004): the dose itself, or one standard error of it (an uncertainty map). */
    public enum DoseType { PHYSICAL, ERROR }

    private RtDoseWriter() {}

    /**
     * Writes {@code doseGy} to {@code file}.
     *
     * @param bitsAllocated 16 or 32
     * @return the SOP Instance UID written
     * @throws DicomException naming the file for a left-handed grid, a NaN, infinite or negative dose
     */
    public static String write(Path file, FloatVolume doseGy, DicomReference reference, String seriesDescription,
                               int bitsAllocated, DoseType doseType) {
        if (bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IllegalArgumentException("RT Dose bits allocated must be 16 or 32, not " + bitsAllocated);
        }
        VoxelGrid g = doseGy.grid();
        if (!g.isRightHanded()) {
            throw new DicomException(file, "the dose grid's k axis is not the normal of its i and j axes (a "
                    + "left-handed grid); (3004,000C) Grid Frame Offset Vector can only run along the normal");
        }
        float[] dose = doseGy.data();
        double max = 0;
        for (int v = 0; v < dose.length; v++) {
            float x = dose[v];
            if (!(x >= 0) || Float.isInfinite(x)) {
                int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / (g.nx() * g.ny());
                throw new DicomException(file, String.format(Locale.ROOT,
                        "dose %s Gy at voxel (%d, %d, %d) cannot be written: a dose is finite and not negative",
                        x, i, j, k));
            }
            max = Math.max(max, x);
        }
        LocalDateTime now = LocalDateTime.now();
        String sop = Uids.fresh();
        DicomDataset d = DerivedModules.start(SOP_CLASS_UID, sop, now);
        DerivedModules.patientAndStudy(d, reference);
        DerivedModules.seriesAndEquipment(d, "RTDOSE", Uids.fresh(), 1, seriesDescription, now);
        d.putString(Tag.OPERATORS_NAME, Vr.PN, "");
        DerivedModules.frameOfReference(d, reference);
        d.putIntegerString(Tag.INSTANCE_NUMBER, 1);
        d.putString(Tag.CONTENT_DATE, Vr.DA, DerivedModules.DA.format(now));
        d.putString(Tag.CONTENT_TIME, Vr.TM, DerivedModules.TM.format(now));
        DerivedModules.imagePlane(d, g, 0);
        DerivedModules.pixelModule(d, g, bitsAllocated, false);
        d.putIntegerString(Tag.NUMBER_OF_FRAMES, g.nz());
        d.putAttributeTag(Tag.FRAME_INCREMENT_POINTER, Tag.GRID_FRAME_OFFSET_VECTOR);
        double[] offsets = new double[g.nz()];
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = k * g.spacingZ();
        }
        d.putDecimals(Tag.GRID_FRAME_OFFSET_VECTOR, offsets);
        d.putString(Tag.DOSE_UNITS, Vr.CS, "GY");
        d.putString(Tag.DOSE_TYPE, Vr.CS, doseType.name());
        d.putString(Tag.DOSE_SUMMATION_TYPE, Vr.CS, SUMMATION_TYPE);
        long top = bitsAllocated == 16 ? 0xFFFFL : 0xFFFFFFFFL;
        d.putDecimals(Tag.DOSE_GRID_SCALING, max > 0 ? max / top : 1.0);
        double scaling = d.requireDecimal(Tag.DOSE_GRID_SCALING);
        d.putBytes(Tag.PIXEL_DATA, Vr.OW, quantise(dose, scaling, top, bitsAllocated));
        DicomWriter.write(file, d);
        return sop;
    }

    private static byte[] quantise(float[] dose, double scaling, long top, int bits) {
        ByteBuffer bb = ByteBuffer.allocate(dose.length * bits / 8).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : dose) {
            long q = Math.min(top, Math.round(x / scaling));
            if (bits == 16) {
                bb.putShort((short) q);
            } else {
                bb.putInt((int) q);
            }
        }
        return bb.array();
    }
}
