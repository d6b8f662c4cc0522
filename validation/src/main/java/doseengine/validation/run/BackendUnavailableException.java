package doseengine.validation.run;

import doseengine.geometry.BadInputException;

/**
 * No transport can run the request. It is a {@link BadInputException} so the command line prints its one line and
 * exits non-zero without a stack trace, as for any request this build cannot serve.
 */
public class BackendUnavailableException extends BadInputException {
    public BackendUnavailableException(String message) {
        super(message);
    }
}
