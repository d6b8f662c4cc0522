package doseengine.geometry.io.dicom;

import doseengine.geometry.io.ImageFormatException;
import java.nio.file.Path;

/**
 * A DICOM file or series the engine cannot use as it stands: truncated or odd-length elements, a transfer syntax
 * it does not decode, a required attribute missing, a series whose slices do not form one grid. One line naming
 * the file and, where there is one, the attribute ({@code (0028,0010) Rows}), so the user can act without a
 * stack trace.
 */
public class DicomException extends ImageFormatException {
    public DicomException(Path file, String problem) {
        super(file, problem);
    }

    public DicomException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
