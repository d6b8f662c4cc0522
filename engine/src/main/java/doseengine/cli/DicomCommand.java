package doseengine.cli;

import doseengine.geometry.io.dicom.DicomFolder;
import doseengine.geometry.io.dicom.DicomSeriesInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code doseengine dicom PATH}: what a DICOM export holds, the first thing to run on a new one. Per patient and
 * study, every series with its modality, UID, description, date, size and frame of reference; the UIDs are what
 * {@code --ct-series} and {@code --activity-series} take, and the frames of reference show which images overlay
 * without registration.
 */
@Command(name = "dicom", mixinStandardHelpOptions = true,
        description = "List what a DICOM folder (searched recursively) or file holds: per patient and study, each "
                + "series with modality, UID, description, date, files, frames, matrix and frame of reference.")
public final class DicomCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A folder (searched recursively) or a DICOM file.")
    Path path;

    @Override
    public Integer call() {
        DicomFolder folder = DicomFolder.scan(path);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<DicomSeriesInfo>> byStudy = new LinkedHashMap<>();
        for (DicomSeriesInfo s : folder.series()) {
            byStudy.computeIfAbsent(s.patientId() + "\u0000" + s.studyInstanceUid(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Character> frames = new LinkedHashMap<>();
        for (List<DicomSeriesInfo> study : byStudy.values()) {
            DicomSeriesInfo first = study.get(0);
            out.printf(Locale.ROOT, "patient %s, study %s%s%n", text(first.patientId()), first.studyInstanceUid(),
                    first.studyDescription() == null ? "" : " \"" + first.studyDescription() + "\"");
            out.printf(Locale.ROOT, "  %-8s %-5s %-10s %6s %7s %-11s %s%n", "modality", "frame", "date", "files",
                    "frames", "matrix", "series UID and description");
            for (DicomSeriesInfo s : study) {
                String frame = "-";
                if (s.frameOfReferenceUid() != null) {
                    frames.putIfAbsent(s.frameOfReferenceUid(), (char) ('A' + frames.size() % 26));
                    frame = String.valueOf(frames.get(s.frameOfReferenceUid()));
                }
                out.printf(Locale.ROOT, "  %-8s %-5s %-10s %6d %7d %-11s %s%s%n", text(s.modality()), frame,
                        text(s.seriesDate()), s.fileCount(), s.frameCount(),
                        s.rows() == 0 ? "-" : s.columns() + " x " + s.rows(),
                        s.seriesInstanceUid(), s.seriesDescription() == null ? "" : " \"" + s.seriesDescription() + "\"");
            }
        }
        if (!frames.isEmpty()) {
            out.println("frames of reference (series with the same letter overlay without registration):");
            frames.forEach((uid, letter) -> out.printf(Locale.ROOT, "  %c  %s%n", letter, uid));
        }
        for (String note : folder.notes()) {
            out.println("note: " + note);
        }
        out.flush();
        return 0;
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "?");
    }
}
