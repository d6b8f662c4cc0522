package doseengine.phantoms;

import java.util.Objects;

/**
 * One structure of a phantom: where it is, its label name, its CT number and its activity concentration. The
 * {@link Rasterizer} paints layers in list order, later layers over earlier ones, so an organ is listed after
 * the body that holds it and a tumour after its organ.
 *
 * @param label lower-case snake_case name, unique within a phantom
 * @param shape the solid, in world mm
 * @param hu CT number of the structure (HU)
 * @param concentrationMBqPerMl activity concentration (MBq per ml); 0 for a cold structure
 */
public record Layer(String label, Shape shape, short hu, double concentrationMBqPerMl) {
    public Layer {
        Objects.requireNonNull(shape, "shape");
        if (label == null || !label.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("layer label must be lower-case snake_case, got '" + label + "'");
        }
        if (!(concentrationMBqPerMl >= 0) || !Double.isFinite(concentrationMBqPerMl)) {
            throw new IllegalArgumentException("activity concentration of " + label
                    + " must be finite and not negative, got " + concentrationMBqPerMl + " MBq/ml");
        }
    }

    public Layer(String label, Shape shape, int hu, double concentrationMBqPerMl) {
        this(label, shape, checkedHu(label, hu), concentrationMBqPerMl);
    }

    /** The same layer with another concentration. */
    public Layer withConcentration(double concentrationMBqPerMl) {
        return new Layer(label, shape, hu, concentrationMBqPerMl);
    }

    private static short checkedHu(String label, int hu) {
        if (hu < Short.MIN_VALUE || hu > Short.MAX_VALUE) {
            throw new IllegalArgumentException("CT number of " + label + " does not fit 16 bits: " + hu);
        }
        return (short) hu;
    }
}
