package doseengine.geometry;

/**
 * Input that the engine refuses: a file it cannot read, a grid that does not match, a value that is not
 * physical. The message is one line that names the input and the problem; the command line prints it as it
 * is and exits non-zero. Every module's user-facing input errors extend this class.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
