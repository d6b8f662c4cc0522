package doseengine.io;

import doseengine.geometry.BadInputException;
import doseengine.geometry.Volume;
import doseengine.geometry.io.ImageFiles;
import doseengine.geometry.io.dicom.CtSeries;
import doseengine.geometry.io.dicom.CtSeriesReader;
import doseengine.geometry.io.dicom.DicomReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CT of a run as read: HU on its grid, and, when it came as DICOM, the study, frame of reference and patient
 * that the dose written back as DICOM must share with it ({@link #reference}, null for NIfTI and MetaImage).
 *
 * @param name  what the report calls it: the file name, or the DICOM series description and UID
 * @param notes what reading decided (files skipped, series chosen)
 */
public record CtInput(Volume hu, DicomReference reference, String name, List<String> notes) {
    public CtInput {
        notes = List.copyOf(notes);
    }

    /**
     * A NIfTI or MetaImage file, or a DICOM CT series: a folder (searched recursively), a DICOM file of the
     * series or any DICOM file in its folder. {@code seriesUid} picks one of several CT series (refused for an image
     * file).
     */
    public static CtInput read(Path path, String seriesUid) {
        if (!InputFormat.isDicom(path)) {
            if (seriesUid != null) {
                throw new BadInputException(CtSeriesReader.SERIES_OPTION + " picks a DICOM series, but " + path
                        + " is not DICOM");
            }
            return new CtInput(ImageFiles.read(path), null, path.getFileName().toString(), List.of());
        }
        InputFormat.DicomSource source = InputFormat.dicomSource(path, seriesUid);
        CtSeries s = CtSeriesReader.read(source.scan(), source.seriesUid());
        List<String> notes = new ArrayList<>(s.notes());
        String description = s.seriesDescription() == null || s.seriesDescription().isBlank() ? "CT"
                : s.seriesDescription();
        notes.add(String.format(Locale.ROOT, "CT read from DICOM: series %s (%s), %d slices of %d x %d", 
                s.seriesInstanceUid(), description, s.hu().grid().nz(), s.hu().grid().nx(), s.hu().grid().ny()));
        return new CtInput(s.hu(), s.reference(), description + " (DICOM)", notes);
    }
}
