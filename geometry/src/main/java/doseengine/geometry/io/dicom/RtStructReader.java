package doseengine.geometry.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the ROIs of an RT Structure Set (PS3.3 A.19): names and frames of reference from the Structure Set ROI
 * Sequence (3006,0020, C.8.8.5), contours and display colours from the ROI Contour Sequence (3006,0039, C.8.8.6),
 * linked by ROI Number. Only CLOSED_PLANAR contours enclose a volume; POINT, OPEN_PLANAR and OPEN_NONPLANAR ones
 * (markers, lines) are skipped and counted in a note. A contour whose Number of Contour Points (3006,0046) does
 * not match its Contour Data (3006,0050) is a damaged file and refused, since which points to trust is unknown.
 */
public final class RtStructReader {
    private RtStructReader() {}

    /** Reads {@code file}; a file that is not an RT Structure Set is refused with one line. */
    public static StructureSet read(Path file) {
        return read(file, DicomFile.read(file).dataset());
    }

    /** The ROIs of a dataset read from {@code file}. */
    public static StructureSet read(Path file, DicomDataset d) {
        String sopClass = d.requireString(Tag.SOP_CLASS_UID);
        if (!RtStructWriter.SOP_CLASS_UID.equals(sopClass)) {
            throw new DicomException(file, Tag.describe(Tag.SOP_CLASS_UID) + " is " + sopClass
                    + ", not RT Structure Set Storage (" + RtStructWriter.SOP_CLASS_UID + ")");
        }
        Map<Integer, DicomDataset> roiItems = new LinkedHashMap<>();
        for (DicomDataset item : d.requireSequence(Tag.STRUCTURE_SET_ROI_SEQUENCE)) {
            int number = item.requireInteger(Tag.ROI_NUMBER);
            if (roiItems.put(number, item) != null) {
                throw new DicomException(file, Tag.describe(Tag.ROI_NUMBER) + " " + number
                        + " appears twice in " + Tag.describe(Tag.STRUCTURE_SET_ROI_SEQUENCE));
            }
        }
        Map<Integer, DicomDataset> contourItems = new HashMap<>();
        List<DicomDataset> roiContours = d.sequence(Tag.ROI_CONTOUR_SEQUENCE);
        for (DicomDataset item : roiContours == null ? List.<DicomDataset>of() : roiContours) {
            contourItems.put(item.requireInteger(Tag.REFERENCED_ROI_NUMBER), item);
        }
        List<RoiContours> rois = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (Map.Entry<Integer, DicomDataset> e : roiItems.entrySet()) {
            int number = e.getKey();
            DicomDataset roi = e.getValue();
            String name = roi.string(Tag.ROI_NAME);
            String frame = roi.requireString(Tag.REFERENCED_FRAME_OF_REFERENCE_UID);
            DicomDataset contourItem = contourItems.get(number);
            int[] colour = null;
            List<double[]> contours = new ArrayList<>();
            if (contourItem != null) {
                double[] rgb = contourItem.decimals(Tag.ROI_DISPLAY_COLOR);
                if (rgb != null && rgb.length == 3) {
                    colour = new int[] {(int) rgb[0], (int) rgb[1], (int) rgb[2]};
                }
                List<DicomDataset> seq = contourItem.sequence(Tag.CONTOUR_SEQUENCE);
                int index = 0;
                for (DicomDataset c : seq == null ? List.<DicomDataset>of() : seq) {
                    index++;
                    String type = c.requireString(Tag.CONTOUR_GEOMETRIC_TYPE);
                    if (!"CLOSED_PLANAR".equals(type)) {
                        skipped.merge(type, 1, Integer::sum);
                        continue;
                    }
                    contours.add(points(file, c, number, name, index));
                }
            }
            if (contours.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "ROI %d '%s' has no closed planar contour", number,
                        name == null ? "" : name));
            }
            rois.add(new RoiContours(number, name, frame, colour, contours));
        }
        skipped.forEach((type, count) -> notes.add(String.format(Locale.ROOT,
                "%d %s contour(s) skipped: only CLOSED_PLANAR contours enclose a volume", count, type)));
        return new StructureSet(file, d.string(Tag.STRUCTURE_SET_LABEL), rois, notes);
    }

    private static double[] points(Path file, DicomDataset c, int roi, String name, int index) {
        int declared = c.requireInteger(Tag.NUMBER_OF_CONTOUR_POINTS);
        double[] xyz = c.decimals(Tag.CONTOUR_DATA);
        int numbers = xyz == null ? 0 : xyz.length;
        if (numbers != 3 * declared) {
            throw new DicomException(file, String.format(Locale.ROOT,
                    "ROI %d '%s' contour %d: %s says %d points but %s holds %d numbers (%s points)", roi,
                    name == null ? "" : name, index, Tag.describe(Tag.NUMBER_OF_CONTOUR_POINTS), declared,
                    Tag.describe(Tag.CONTOUR_DATA), numbers, numbers % 3 == 0 ? numbers / 3 : numbers / 3.0));
        }
        return xyz;
    }
}
