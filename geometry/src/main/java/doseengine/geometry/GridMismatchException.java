package doseengine.geometry;

/** Two images that must share one voxel grid do not. */
public class GridMismatchException extends BadInputException {
    public GridMismatchException(String message) {
        super(message);
    }
}
