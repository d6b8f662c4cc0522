package doseengine.geometry.io.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The DICOM files of a folder (searched recursively) or of a list of files, grouped into series by Series
 * Instance UID (PS3.3 C.7.3.1): the only key that holds a series together, whatever the files are named or
 * wherever they lie. Headers only (no Pixel Data) are read, on every core, so thousands of files scan fast.
 *
 * <p>Files that do not start like DICOM (a README, a DICOMDIR's companions, thumbnails) are skipped and
 * counted; DICOM files without a Series Instance UID (a DICOMDIR) too. A file that starts like DICOM but cannot
 * be parsed is refused with its own one-line message rather than dropped, since a silently missing slice
 * would shift the volume.
 */
public final class DicomFolder {
    private final Path source;
    private final Map<String, List<DicomFile>> headersBySeries;
    private final List<DicomSeriesInfo> series;
    private final int skippedFiles;
    private final List<String> notes;

    private DicomFolder(Path source, Map<String, List<DicomFile>> headersBySeries, int skippedFiles,
                        List<String> notes) {
        this.source = source;
        this.headersBySeries = headersBySeries;
        this.skippedFiles = skippedFiles;
        this.notes = List.copyOf(notes);
        List<DicomSeriesInfo> infos = new ArrayList<>();
        for (List<DicomFile> files : headersBySeries.values()) {
            infos.add(info(files));
        }
        infos.sort(Comparator.comparing((DicomSeriesInfo s) -> nz(s.patientId()))
                .thenComparing(s -> nz(s.studyInstanceUid()))
                .thenComparing(s -> nz(s.seriesDate()) + nz(s.seriesTime()))
                .thenComparing(DicomSeriesInfo::seriesInstanceUid));
        this.series = List.copyOf(infos);
    }

    /** A folder searched recursively, or a single file. */
    public static DicomFolder scan(Path folderOrFile) {
        if (!Files.exists(folderOrFile)) {
            throw new DicomException(folderOrFile, "no such file or folder");
        }
        if (!Files.isDirectory(folderOrFile)) {
            return of(folderOrFile, List.of(folderOrFile));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folderOrFile)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DicomException(folderOrFile, "cannot list the folder: " + e.getMessage(), e);
        }
        return of(folderOrFile, files);
    }

    /**
     * The given files (folders among them are searched recursively); {@code source} names the set in messages.
     */
    public static DicomFolder of(Path source, List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    throw new DicomException(p, "cannot list the folder: " + e.getMessage(), e);
                }
            } else if (!Files.exists(p)) {
                throw new DicomException(p, "no such file");
            } else {
                files.add(p);
            }
        }
        List<DicomFile> headers = Parallel.map(files.size(),
                i -> DicomFile.looksLikeDicom(files.get(i)) ? DicomFile.readHeader(files.get(i)) : null);
        Map<String, List<DicomFile>> bySeries = new LinkedHashMap<>();
        int notDicom = 0;
        int noSeries = 0;
        for (DicomFile h : headers) {
            if (h == null) {
                notDicom++;
                continue;
            }
            String uid = h.dataset().string(Tag.SERIES_INSTANCE_UID);
            if (uid == null) {
                noSeries++;
                continue;
            }
            bySeries.computeIfAbsent(uid, u -> new ArrayList<>()).add(h);
        }
        if (bySeries.isEmpty()) {
            throw new DicomException(source, files.isEmpty() ? "holds no files, so no DICOM series"
                    : "holds no DICOM image series among its " + files.size() + " file(s)"
                            + (noSeries > 0 ? " (" + noSeries + " DICOM file(s) without (0020,000E) Series Instance UID)"
                            : ""));
        }
        List<String> notes = new ArrayList<>();
        if (notDicom > 0) {
            notes.add("skipped " + notDicom + " non-DICOM file(s) in " + source);
        }
        if (noSeries > 0) {
            notes.add("skipped " + noSeries + " DICOM file(s) without a Series Instance UID (e.g. DICOMDIR) in "
                    + source);
        }
        return new DicomFolder(source, bySeries, notDicom + noSeries, notes);
    }

    /** The folder or file the series came from, as given. */
    public Path source() { return source; }

    /** Every series, ordered by patient, study, date and UID. */
    public List<DicomSeriesInfo> series() { return series; }

    /** The series with this UID, or null. */
    public DicomSeriesInfo series(String seriesInstanceUid) {
        for (DicomSeriesInfo s : series) {
            if (s.seriesInstanceUid().equals(seriesInstanceUid)) {
                return s;
            }
        }
        return null;
    }

    /** The headers (no Pixel Data) of one series' files, in path order; empty when the UID is not here. */
    public List<DicomFile> headers(String seriesInstanceUid) {
        return List.copyOf(headersBySeries.getOrDefault(seriesInstanceUid, List.of()));
    }

    /** Files that were not DICOM images (not DICOM at all, or DICOM without a series). */
    public int skippedFiles() { return skippedFiles; }

    /** What was skipped, one line each. */
    public List<String> notes() { return notes; }

    private static DicomSeriesInfo info(List<DicomFile> files) {
        DicomDataset d = files.get(0).dataset();
        int frames = 0;
        for (DicomFile f : files) {
            frames += PixelData.frameCount(f.dataset());
        }
        Integer rows = d.integer(Tag.ROWS);
        Integer columns = d.integer(Tag.COLUMNS);
        return new DicomSeriesInfo(d.string(Tag.PATIENT_ID), d.string(Tag.STUDY_INSTANCE_UID),
                d.string(Tag.STUDY_DESCRIPTION), d.string(Tag.SERIES_INSTANCE_UID), d.string(Tag.MODALITY),
                d.string(Tag.SERIES_DESCRIPTION), d.string(Tag.SERIES_DATE), d.string(Tag.SERIES_TIME),
                d.string(Tag.FRAME_OF_REFERENCE_UID), files.size(), rows == null ? 0 : rows,
                columns == null ? 0 : columns, frames, d.string(Tag.SOP_CLASS_UID));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
