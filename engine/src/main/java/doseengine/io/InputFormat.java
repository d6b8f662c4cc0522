package doseengine.io;

import doseengine.geometry.BadInputException;
import doseengine.geometry.io.dicom.DicomDataset;
import doseengine.geometry.io.dicom.DicomFile;
import doseengine.geometry.io.dicom.DicomFolder;
import java.io.IOException;
import java.util.stream.Stream;
import doseengine.geometry.io.dicom.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells a DICOM input from an image file: a folder is DICOM (NIfTI and MetaImage are files); a file with an image
 * extension is an image; any other file is DICOM when it looks like one (Part 10 preamble, or a plausible first
 * element, as exports without the .dcm extension are common).
 */
public final class InputFormat {
    private InputFormat() {}

    public static boolean isDicom(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".mhd") || n.endsWith(".mha")
                || n.endsWith(".hdr") || n.endsWith(".img") || n.endsWith(".hdr.gz") || n.endsWith(".img.gz")) {
            return false;
        }
        return n.endsWith(".dcm") || (Files.isRegularFile(path) && DicomFile.looksLikeDicom(path));
    }

    /**
     * A DICOM input as a file or folder to scan and the series to take from it.
     *
     * @param recursive whether sub-folders of {@code folder} are searched
     */
    public record DicomSource(Path folder, String seriesUid, boolean recursive) {
        DicomSource(Path folder, String seriesUid) {
            this(folder, seriesUid, true);
        }

        /** The files scanned. */
        public DicomFolder scan() {
            if (recursive || !Files.isDirectory(folder)) {
                return DicomFolder.scan(folder);
            }
            try (Stream<Path> files = Files.list(folder)) {
                return DicomFolder.of(folder, files.filter(Files::isRegularFile).sorted().toList());
            } catch (IOException e) {
                throw new BadInputException(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Where to look for a series given as {@code path}, and which: a folder (searched recursively) with the user's
     * {@code seriesUid} (null when there must be only one of the kind); for a file, the file's own series (a UID the
     * user gives wins), looked for in the file alone when it is a multi-frame image (an NM reconstruction, an RT
     * object) and otherwise among the files beside it (one slice names its whole series; sub-folders are not
     * searched, so a file given by name never pulls in a neighbouring export).
     */
    public static DicomSource dicomSource(Path path, String seriesUid) {
        if (Files.isDirectory(path)) {
            return new DicomSource(path, seriesUid);
        }
        DicomDataset header = DicomFile.readHeader(path).dataset();
        String own = header.string(Tag.SERIES_INSTANCE_UID);
        Integer frames = header.integer(Tag.NUMBER_OF_FRAMES);
        Path parent = path.toAbsolutePath().getParent();
        if ((frames != null && frames > 1) || parent == null) {
            return new DicomSource(path, seriesUid != null ? seriesUid : own);
        }
        return new DicomSource(parent, seriesUid != null ? seriesUid : own, false);
    }
}
