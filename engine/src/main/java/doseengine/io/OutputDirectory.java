package doseengine.io;

import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The output folder of a command: created if missing, refused at once if it cannot be written. */
public final class OutputDirectory {
    private OutputDirectory() {}

    /** Creates {@code dir} (and parents) and checks that a file can be written in it, before any work starts. */
    public static Path prepare(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException(dir + ": output folder is an existing file");
            }
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new BadInputException(dir + ": output folder cannot be written (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }
}
