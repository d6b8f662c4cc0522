package doseengine.cluster;

import doseengine.geometry.BadInputException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bytes of a run's input files, read once on the driver and broadcast, so that executors need no shared file
 * system. On an executor {@link #stage} writes them into a folder of its own: inputs that were in one folder stay
 * in one folder there (the activity's metadata file is found beside the activity image by its name), a DICOM
 * series folder is written whole.
 *
 * @param entries per input: the option it was given with, the folder it lands in, its file name, and its files
 *                (relative path to bytes; a single file has the one entry "")
 */
record InputBundle(List<Entry> entries) implements Serializable {
    record Entry(String option, int folder, String name, LinkedHashMap<String, byte[]> files) implements Serializable {}

    /** Reads every input file (a folder: every file under it). */
    static InputBundle read(Map<String, Path> inputs) {
        List<Path> folders = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        inputs.forEach((option, path) -> {
            Path abs = path.toAbsolutePath().normalize();
            Path parent = abs.getParent();
            if (!folders.contains(parent)) {
                folders.add(parent);
            }
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            try {
                if (Files.isDirectory(abs)) {
                    try (Stream<Path> s = Files.walk(abs)) {
                        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                            files.put(abs.relativize(f).toString(), Files.readAllBytes(f));
                        }
                    }
                } else {
                    files.put("", Files.readAllBytes(abs));
                }
            } catch (IOException e) {
                throw new BadInputException(path + " (" + option + "): cannot read: " + e.getMessage(), e);
            }
            entries.add(new Entry(option, folders.indexOf(parent), abs.getFileName().toString(), files));
        });
        return new InputBundle(List.copyOf(entries));
    }

    /** Writes the inputs under {@code dir}; returns where each option's input now is. */
    Map<String, Path> stage(Path dir) {
        Map<String, Path> staged = new LinkedHashMap<>();
        try {
            for (Entry e : entries) {
                Path target = dir.resolve("in-" + e.folder()).resolve(e.name());
                for (Map.Entry<String, byte[]> f : e.files().entrySet()) {
                    Path file = f.getKey().isEmpty() ? target : target.resolve(f.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, f.getValue());
                }
                staged.put(e.option(), target);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the inputs under " + dir, ex);
        }
        return staged;
    }

    /** Total bytes broadcast. */
    long bytes() {
        return entries.stream().flatMap(e -> e.files().values().stream()).mapToLong(b -> b.length).sum();
    }
}
