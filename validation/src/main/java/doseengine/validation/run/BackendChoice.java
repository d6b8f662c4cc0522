package doseengine.validation.run;

import doseengine.geometry.BadInputException;
import java.util.Locale;

/** The {@code --backend} of a transport command: pick automatically, or force OpenCL or Java. */
public enum BackendChoice {
    AUTO, OPENCL, JAVA;

    /** The command-line spelling: auto, opencl, java. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackendChoice of(String text) {
        for (BackendChoice b : values()) {
            if (b.key().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return b;
            }
        }
        throw new BadInputException("unknown backend '" + text + "': use auto, opencl or java");
    }
}
