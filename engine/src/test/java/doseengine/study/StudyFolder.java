package doseengine.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A study folder for the tests: empty stand-ins for the images (the reader checks only that they exist), a folder
 * standing for a DICOM series, and the study file written from JSON with ' for ".
 */
final class StudyFolder {
    /** The files every time point of {@link #timePoint(String)} names. */
    static final String[] FILES = {"ct.nii", "spect.nii", "labels.nii", "rs.dcm", "limits.json",
        "c1/t4/ct.nii.gz", "c1/t4/spect.nii.gz", "c1/t4/labels.nii.gz", "c1/t24/nm.dcm", "c1/t24/rs.dcm",
        "c2/t24/ct.nii.gz", "c2/t24/spect.nii.gz", "c2/t24/labels.nii.gz"};
    /** Folders, as DICOM series are. */
    static final String[] FOLDERS = {"dicom_ct", "c1/t24/ct", "c1/t96/ct", "c1/t96/nm"};

    final Path dir;
    final Path file;

    StudyFolder(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("study.json");
        try {
            for (String f : FILES) {
                Files.createDirectories(dir.resolve(f).getParent());
                Files.writeString(dir.resolve(f), "");
            }
            for (String f : FOLDERS) {
                Files.createDirectories(dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A time point with the stand-in files and {@code extra} keys, e.g. {@code 'hours': 4}. */
    static String timePoint(String extra) {
        return "{'ct': 'ct.nii', 'activity': 'spect.nii', 'labels': 'labels.nii'" + (extra.isEmpty() ? "" : ", ")
                + extra + "}";
    }

    /** A cycle with {@code fields} (name, administered activity, injection) and these time points. */
    static String cycle(String fields, String... timePoints) {
        return "{" + fields + ", 'time_points': [" + String.join(", ", timePoints) + "]}";
    }

    /** A Lu-177 study of these cycles. */
    static String study(String... cycles) {
        return "{'nuclide': 'Lu-177', 'cycles': [" + String.join(", ", cycles) + "]}";
    }

    /** Writes {@code json} (with ' for ") as the study file; returns it. */
    Path write(String json) {
        try {
            Files.writeString(file, json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
