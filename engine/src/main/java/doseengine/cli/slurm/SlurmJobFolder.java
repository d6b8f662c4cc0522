package doseengine.cli.slurm;

import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** Writes a {@link SlurmJob} into its folder: the scripts, the README, the logs folder and the program's copy. */
public final class SlurmJobFolder {
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private SlurmJobFolder() {}

    /**
     * Refuses a folder that holds anything already (the merge takes every part file it finds there, so parts
     * of an earlier job would be mixed in), then writes.
     *
     * @param jarToCopy the jar the {@link JobLauncher.Jar} launcher names, copied to it; null for none
     */
    public static void write(SlurmJob job, Path jarToCopy, Path jarCopy) {
        Path dir = job.folder();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException(dir + ": the job folder is an existing file");
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new BadInputException(dir + ": the job folder is not empty; give a new one");
                    }
                }
            }
            Files.createDirectories(job.logs());
            Files.createDirectories(job.partsFolder());
            script(dir.resolve(SlurmJob.PARTS_SCRIPT), job.partsScript());
            script(dir.resolve(SlurmJob.MERGE_SCRIPT), job.mergeScript());
            script(dir.resolve(SlurmJob.SUBMIT_SCRIPT), job.submitScript());
            Files.writeString(dir.resolve(SlurmJob.README), job.readme(), StandardCharsets.UTF_8);
            if (jarToCopy != null) {
                Files.copy(jarToCopy, jarCopy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException | SecurityException e) {
            throw new BadInputException(dir + ": the job folder cannot be written (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, EXECUTABLE);
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions: the scripts are run with bash and sbatch, which need none.
        }
    }
}
