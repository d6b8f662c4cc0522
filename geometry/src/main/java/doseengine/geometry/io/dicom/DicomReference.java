package doseengine.geometry.io.dicom;

/**
 * What a derived object (an RT Dose, an RT Structure Set) must share with the CT it belongs to so that a viewer
 * places it on that CT without registration: the study and frame of reference, and the patient as the CT names
 * them (PS3.3 C.7.1.1 Patient Module, C.7.2.1 General Study Module, C.7.4.1 Frame of Reference Module). Values
 * are the CT's text as read (null where the CT has none). A CT that did not come as DICOM gets fresh UIDs and an
 * anonymous patient ({@link #anonymous}).
 */
public record DicomReference(String studyInstanceUid, String frameOfReferenceUid, String patientName,
                             String patientId, String patientBirthDate, String patientSex, String studyDate,
                             String studyTime, String studyId, String accessionNumber,
                             String referringPhysicianName, String studyDescription) {
    public DicomReference {
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
            throw new IllegalArgumentException("a study instance UID is required");
        }
        if (frameOfReferenceUid == null || frameOfReferenceUid.isBlank()) {
            throw new IllegalArgumentException("a frame of reference UID is required");
        }
    }

    /** A new study and frame of reference for images that came without DICOM (NIfTI, MetaImage, a phantom). */
    public static DicomReference anonymous(String studyInstanceUid, String frameOfReferenceUid, String patientId,
                                           String studyDescription) {
        return new DicomReference(studyInstanceUid, frameOfReferenceUid, "ANONYMOUS", patientId, null, null, null,
                null, null, null, null, studyDescription);
    }
}
