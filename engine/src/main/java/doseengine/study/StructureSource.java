package doseengine.study;

import java.nio.file.Path;

/**
 * Where a time point's structures come from: a label image (its names from the JSON beside it, as {@code run} reads
 * them) or a DICOM RTSTRUCT. The study file only names the file; reading it is the study command's.
 *
 * @param kind which of the two the file is
 * @param file the absolute path of the file
 */
public record StructureSource(Kind kind, Path file) {
    /** The two forms of structures, by their key in the study file. */
    public enum Kind {
        /** {@code "labels"}: a label image, 0 = background. */
        LABEL_IMAGE("labels"),
        /** {@code "structures"}: a DICOM RTSTRUCT file. */
        RTSTRUCT("structures");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key of the study file that gives this kind. */
        public String key() {
            return key;
        }
    }
}
