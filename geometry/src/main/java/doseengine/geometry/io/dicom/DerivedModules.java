package doseengine.geometry.io.dicom;

import doseengine.geometry.VoxelGrid;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The modules every object the engine writes shares with the CT it belongs to: SOP Common (PS3.3 C.12.1),
 * Patient (C.7.1.1), General Study (C.7.2.1), Frame of Reference (C.7.4.1), General Equipment (C.7.5.1) and the
 * series attributes. Type 2 attributes the reference does not know are written empty, as PS3.5 7.4.3 wants.
 */
final class DerivedModules {
    /** What the engine writes into Manufacturer (0008,0070). */
    static final String MANUFACTURER = "doseengine";

    static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss.SSS", Locale.ROOT);

    private DerivedModules() {}

    /** A new dataset with SOP Common: UTF-8 text (ISO_IR 192, PS3.3 C.12.1.1.2), class, instance, creation. */
    static DicomDataset start(String sopClassUid, String sopInstanceUid, LocalDateTime now) {
        DicomDataset d = new DicomDataset();
        d.putString(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192");
        d.putString(Tag.SOP_CLASS_UID, Vr.UI, sopClassUid);
        d.putString(Tag.SOP_INSTANCE_UID, Vr.UI, sopInstanceUid);
        d.putString(Tag.INSTANCE_CREATION_DATE, Vr.DA, DA.format(now));
        d.putString(Tag.INSTANCE_CREATION_TIME, Vr.TM, TM.format(now));
        return d;
    }

    /** Patient and General Study modules as the CT names them. */
    static void patientAndStudy(DicomDataset d, DicomReference r) {
        text(d, Tag.PATIENT_NAME, Vr.PN, r.patientName());
        text(d, Tag.PATIENT_ID, Vr.LO, r.patientId());
        text(d, Tag.PATIENT_BIRTH_DATE, Vr.DA, r.patientBirthDate());
        text(d, Tag.PATIENT_SEX, Vr.CS, r.patientSex());
        d.putString(Tag.STUDY_INSTANCE_UID, Vr.UI, r.studyInstanceUid());
        text(d, Tag.STUDY_DATE, Vr.DA, r.studyDate());
        text(d, Tag.STUDY_TIME, Vr.TM, r.studyTime());
        text(d, Tag.REFERRING_PHYSICIAN_NAME, Vr.PN, r.referringPhysicianName());
        text(d, Tag.STUDY_ID, Vr.SH, r.studyId());
        text(d, Tag.ACCESSION_NUMBER, Vr.SH, r.accessionNumber());
        if (r.studyDescription() != null && !r.studyDescription().isBlank()) {
            d.putString(Tag.STUDY_DESCRIPTION, Vr.LO, r.studyDescription());
        }
    }

    /** Frame of Reference module: the CT's patient space, so the object lies on the CT without registration. */
    static void frameOfReference(DicomDataset d, DicomReference r) {
        d.putString(Tag.FRAME_OF_REFERENCE_UID, Vr.UI, r.frameOfReferenceUid());
        d.putString(Tag.POSITION_REFERENCE_INDICATOR, Vr.LO, "");
    }

    /** Series attributes (General Series C.7.3.1 / RT Series C.8.8.1) and General Equipment. */
    static void seriesAndEquipment(DicomDataset d, String modality, String seriesInstanceUid, int seriesNumber,
                                   String description, LocalDateTime now) {
        d.putString(Tag.MODALITY, Vr.CS, modality);
        d.putString(Tag.SERIES_INSTANCE_UID, Vr.UI, seriesInstanceUid);
        d.putIntegerString(Tag.SERIES_NUMBER, seriesNumber);
        d.putString(Tag.SERIES_DATE, Vr.DA, DA.format(now));
        d.putString(Tag.SERIES_TIME, Vr.TM, TM.format(now));
        if (description != null && !description.isBlank()) {
            d.putString(Tag.SERIES_DESCRIPTION, Vr.LO, limit(description, 64));
        }
        d.putString(Tag.MANUFACTURER, Vr.LO, MANUFACTURER);
    }

    /**
     * General Series (C.7.3.1) Laterality, type 2C for images of paired body parts: the engine does not know the
     * body part, so it is present and empty (unknown), which the condition allows.
     */
    static void unknownLaterality(DicomDataset d) {
        d.putString(Tag.LATERALITY, Vr.CS, "");
    }

    /** Image Plane module (C.7.6.2) of slice k: first row along i, first column along j. */
    static void imagePlane(DicomDataset d, VoxelGrid g, int k) {
        double[] dir = g.direction();
        d.putDecimals(Tag.IMAGE_POSITION_PATIENT, g.indexToWorld(0, 0, k));
        d.putDecimals(Tag.IMAGE_ORIENTATION_PATIENT, rowAndColumnCosines(dir));
        // PS3.3 C.7.6.2.1.1 and 10.7.1.3: Pixel Spacing is row spacing (between rows, along j) then column spacing.
        d.putDecimals(Tag.PIXEL_SPACING, g.spacingY(), g.spacingX());
        d.putDecimals(Tag.SLICE_THICKNESS, g.spacingZ());
    }

    /** Image Orientation (Patient): the directions of i then j. */
    static double[] rowAndColumnCosines(double[] dir) {
        return new double[] {dir[0], dir[3], dir[6], dir[1], dir[4], dir[7]};
    }

    /** The slice normal i x j (PS3.3 C.7.6.2.1.1). */
    static double[] normal(double[] dir) {
        return new double[] {
            dir[3] * dir[7] - dir[6] * dir[4],
            dir[6] * dir[1] - dir[0] * dir[7],
            dir[0] * dir[4] - dir[3] * dir[1],
        };
    }

    /** Image Pixel module (C.7.6.3) for one grey sample. */
    static void pixelModule(DicomDataset d, VoxelGrid g, int bits, boolean signed) {
        d.putUnsignedShorts(Tag.SAMPLES_PER_PIXEL, 1);
        d.putString(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2");
        d.putUnsignedShorts(Tag.ROWS, g.ny());
        d.putUnsignedShorts(Tag.COLUMNS, g.nx());
        d.putUnsignedShorts(Tag.BITS_ALLOCATED, bits);
        d.putUnsignedShorts(Tag.BITS_STORED, bits);
        d.putUnsignedShorts(Tag.HIGH_BIT, bits - 1);
        d.putUnsignedShorts(Tag.PIXEL_REPRESENTATION, signed ? 1 : 0);
    }

    static void text(DicomDataset d, int tag, Vr vr, String value) {
        d.putString(tag, vr, value == null ? "" : value);
    }

    static String limit(String s, int chars) {
        return s.length() <= chars ? s : s.substring(0, chars);
    }
}
