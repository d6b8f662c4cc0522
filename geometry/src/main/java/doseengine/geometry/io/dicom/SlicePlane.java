package doseengine.geometry.io.dicom;

import java.nio.file.Path;

/**
 * Where one single-frame image lies, as its header says (PS3.3 C.7.6.2 Image Plane Module, C.7.6.3 Image Pixel
 * Module, C.8.2.1 CT Image Module): what {@link SliceStack} needs to sort slices and check they form one grid,
 * without the pixels.
 *
 * @param file         the file the values came from (named in every refusal)
 * @param position     (0020,0032) Image Position (Patient): centre of the first transmitted pixel, LPS mm
 * @param orientation  (0020,0037) Image Orientation (Patient): row direction then column direction cosines
 * @param rows         (0028,0010) Rows
 * @param columns      (0028,0011) Columns
 * @param pixelSpacing (0028,0030) Pixel Spacing: between rows (along a column) then between columns (along a row)
 * @param gantryTilt   (0018,1120) Gantry/Detector Tilt in degrees, 0 when absent
 */
public record SlicePlane(Path file, double[] position, double[] orientation, int rows, int columns,
                         double[] pixelSpacing, double gantryTilt) {}
