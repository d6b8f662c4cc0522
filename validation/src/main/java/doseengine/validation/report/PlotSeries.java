package doseengine.validation.report;

/**
 * One series of a plot: name, points, optionally error bars (one standard error, same unit as y), and whether the
 * points are joined by a line (references on an ordered abscissa) or drawn as markers.
 */
public record PlotSeries(String name, double[] x, double[] y, double[] err, boolean line) {
    public PlotSeries {
        if (x.length != y.length || (err != null && err.length != y.length)) {
            throw new IllegalArgumentException(name + ": x, y and errors differ in length");
        }
        x = x.clone();
        y = y.clone();
        err = err == null ? null : err.clone();
    }

    /** A line without error bars. */
    public static PlotSeries line(String name, double[] x, double[] y) {
        return new PlotSeries(name, x, y, null, true);
    }

    /** Markers with error bars (err may be null). */
    public static PlotSeries markers(String name, double[] x, double[] y, double[] err) {
        return new PlotSeries(name, x, y, err, false);
    }

    public boolean hasErrors() {
        return err != null;
    }
}
