package doseengine.io;

import doseengine.geometry.io.dicom.DicomFile;
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

    /** A DICOM input as a folder to scan and the series to take from it. */
    public record DicomSource(Path folder, String seriesUid) {}

    /**
     * Where to look for a series given as {@code path}, and which: a folder with the user's {@code seriesUid} (null
     * when there must be only one of the kind), or for a file its folder and the file's own series (one slice names
     * its whole series; a UID the user gives wins).
     */
    public static DicomSource dicomSource(Path path, String seriesUid) {
        if (Files.isDirectory(path)) {
            return new DicomSource(path, seriesUid);
        }
        Path parent = path.toAbsolutePath().getParent();
        String own = DicomFile.readHeader(path).dataset().string(Tag.SERIES_INSTANCE_UID);
        return new DicomSource(parent == null ? path : parent, seriesUid != null ? seriesUid : own);
    }
}
