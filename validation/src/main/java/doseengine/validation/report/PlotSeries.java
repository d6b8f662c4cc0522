package doseengine.validation.report;

/**
 * One series of a plot: name, points, optionally error bars (one standard error, same unit as y), whether the
 * points are joined by a line (references on an ordered abscissa) or drawn as markers, and whether they are drawn
 * in grey (values shown but not judged).
 */
public record PlotSeries(String name, double[] x, double[] y, double[] err, boolean line, boolean muted) {
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
        return new PlotSeries(name, x, y, null, true, false);
    }

    /** Markers with error bars (err may be null). */
    public static PlotSeries markers(String name, double[] x, double[] y, double[] err) {
        return new PlotSeries(name, x, y, err, false, false);
    }

    /** The same points drawn in grey. */
    public PlotSeries inGrey() {
        return new PlotSeries(name, x, y, err, line, true);
    }

    public boolean hasErrors() {
        return err != null;
    }
}
