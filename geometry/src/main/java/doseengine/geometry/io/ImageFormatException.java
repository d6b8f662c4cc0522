package doseengine.geometry.io;

import doseengine.geometry.BadInputException;
import java.nio.file.Path;

/**
 * An image file that cannot be read or written as it stands: unknown format, truncated or oversized data,
 * an unsupported datatype, impossible geometry, NaN or infinite voxels, corrupt compression. The message is
 * one line, {@code "<file>: <problem>"}, so the user can act on it without a stack trace.
 */
public class ImageFormatException extends BadInputException {
    private final transient Path file;

    public ImageFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem was found in. */
    public Path file() { return file; }
}
