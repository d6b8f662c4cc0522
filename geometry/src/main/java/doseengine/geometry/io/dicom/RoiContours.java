package doseengine.geometry.io.dicom;

import java.util.List;

/**
 * One region of interest of an RT Structure Set: what the Structure Set ROI Sequence (3006,0020) says of it and
 * its closed planar contours from the ROI Contour Sequence (3006,0039) (PS3.3 C.8.8.5, C.8.8.6).
 *
 * @param number the ROI Number (3006,0022) that links the sequences
 * @param name the ROI Name (3006,0026) (empty when the file has none)
 * @param frameOfReferenceUid the Referenced Frame of Reference UID (3006,0024): the patient space the contour
 *     points are in, which must be the CT's for the points to mean anything on it
 * @param displayColour ROI Display Color (3006,002A) as RGB 0..255, or null
 * @param contours each CLOSED_PLANAR contour as x,y,z triplets in LPS mm (Contour Data (3006,0050)); the
 *     polygon closes from the last point back to the first
 */
public record RoiContours(int number, String name, String frameOfReferenceUid, int[] displayColour,
                          List<double[]> contours) {
    public RoiContours {
        name = name == null ? "" : name;
        contours = List.copyOf(contours);
        for (double[] c : contours) {
            if (c.length % 3 != 0) {
                throw new IllegalArgumentException("contour of ROI " + number + " holds " + c.length
                        + " numbers, not x,y,z triplets");
            }
        }
    }

    /** Number of contour points over all contours. */
    public int pointCount() {
        int n = 0;
        for (double[] c : contours) {
            n += c.length / 3;
        }
        return n;
    }
}
