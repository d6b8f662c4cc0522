package doseengine.geometry.io.dicom;

import doseengine.geometry.BadInputException;

/** A contour that cannot be put on a voxel grid (not parallel to its slices, too few points). One line. */
public class BadContourException extends BadInputException {
    public BadContourException(String message) {
        super(message);
    }
}
