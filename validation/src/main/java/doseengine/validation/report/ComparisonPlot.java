package doseengine.validation.report;

import doseengine.geometry.BadInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG of engine versus reference: the values with the engine's error bars on top, and below it a ratio panel
 * (engine over reference, or however the comparison defines it) with the tolerance band. Two XChart charts of one
 * width stacked into one image; without ratios (no reference) only the top panel.
 *
 * @param title      the plot's title
 * @param xTitle     x axis title with unit
 * @param yTitle     y axis title with unit
 * @param logX       logarithmic x axis on both panels
 * @param logY       logarithmic y axis on the top panel
 * @param engine     the engine's values with error bars
 * @param references the reference curves
 * @param ratioTitle y axis title of the lower panel
 * @param ratios     the lower panel's points with error bars (several when there are several references)
 * @param bandLow    lower edge of the tolerance band (NaN: none)
 * @param bandHigh   upper edge of the tolerance band
 */
public record ComparisonPlot(String title, String xTitle, String yTitle, boolean logX, boolean logY, PlotSeries engine,
        List<PlotSeries> references, String ratioTitle, List<PlotSeries> ratios, double bandLow, double bandHigh) {
    static final int WIDTH = 960;
    static final int TOP_HEIGHT = 540;
    static final int RATIO_HEIGHT = 280;
    private static final Color[] REFERENCE_COLORS = {new Color(0xD62728), new Color(0x2CA02C), new Color(0x9467BD)};
    private static final Color ENGINE_COLOR = new Color(0x1F77B4);

    public ComparisonPlot {
        references = List.copyOf(references);
        ratios = List.copyOf(ratios);
    }

    /** Renders both panels into one PNG. */
    public void write(Path png) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage top = BitmapEncoder.getBufferedImage(topChart());
        BufferedImage bottom = ratios.isEmpty() ? null : BitmapEncoder.getBufferedImage(ratioChart());
        int height = TOP_HEIGHT + (bottom == null ? 0 : RATIO_HEIGHT);
        BufferedImage both = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(top, 0, 0, null);
        if (bottom != null) {
            g.drawImage(bottom, 0, TOP_HEIGHT, null);
        }
        g.dispose();
        try {
            if (!ImageIO.write(both, "png", png.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new BadInputException(png + ": cannot write the plot (" + e.getMessage() + ")", e);
        }
    }

    XYChart topChart() {
        XYChart c = new XYChartBuilder().width(WIDTH).height(TOP_HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(c);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        setXRange(c);
        setNarrowYRange(c);
        for (int r = 0; r < references.size(); r++) {
            PlotSeries ref = clean(references.get(r), logY, logX);
            if (ref.x().length == 0) {
                continue;
            }
            XYSeries s = c.addSeries(ref.name(), ref.x(), ref.y());
            Color color = REFERENCE_COLORS[r % REFERENCE_COLORS.length];
            if (ref.line()) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(color);
            } else {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setMarkerColor(color);
                s.setLineColor(color);
            }
        }
        PlotSeries e = clean(engine, logY, logX);
        if (e.x().length > 0) {
            XYSeries s = c.addSeries(e.name(), e.x(), e.y(), e.err());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(ENGINE_COLOR);
            s.setLineColor(ENGINE_COLOR);
        }
        return c;
    }

    XYChart ratioChart() {
        XYChart c = new XYChartBuilder().width(WIDTH).height(RATIO_HEIGHT).xAxisTitle(xTitle).yAxisTitle(ratioTitle)
                .build();
        style(c);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setXAxisLogarithmic(logX);
        setXRange(c);
        double[] xr = xRange();
        double xMin = xr[0];
        double xMax = xr[1];
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (PlotSeries r : ratios) {
            for (int i = 0; i < r.x().length; i++) {
                if (Double.isFinite(r.y()[i])) {
                    yMin = Math.min(yMin, r.y()[i]);
                    yMax = Math.max(yMax, r.y()[i]);
                }
            }
        }
        if (!Double.isFinite(yMin)) {
            yMin = 1;
            yMax = 1;
        }
        if (!Double.isNaN(bandLow)) {
            double[] bx = {xMin, xMax};
            for (double edge : new double[] {bandLow, bandHigh}) {
                XYSeries s = c.addSeries(edge == bandLow ? "tolerance" : "tolerance ", bx, new double[] {edge, edge});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Color.GRAY);
                s.setShowInLegend(edge == bandLow);
            }
            yMin = Math.min(yMin, bandLow);
            yMax = Math.max(yMax, bandHigh);
        }
        // Keep the band readable when a few points stray far: clip the axis at 3 band widths around it.
        if (!Double.isNaN(bandLow)) {
            double w = bandHigh - bandLow;
            yMin = Math.max(yMin, bandLow - 1.5 * w);
            yMax = Math.min(yMax, bandHigh + 1.5 * w);
        }
        double pad = 0.05 * Math.max(yMax - yMin, 1e-3);
        c.getStyler().setYAxisMin(yMin - pad);
        c.getStyler().setYAxisMax(yMax + pad);
        for (int r = 0; r < ratios.size(); r++) {
            PlotSeries p = clean(ratios.get(r), false, logX);
            if (p.x().length == 0) {
                continue;
            }
            XYSeries s = c.addSeries(p.name(), p.x(), p.y(), p.err());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            Color color = p.muted() ? Color.GRAY
                    : r == 0 ? ENGINE_COLOR : REFERENCE_COLORS[(r + 1) % REFERENCE_COLORS.length];
            s.setMarkerColor(color);
            s.setLineColor(color);
        }
        return c;
    }

    /**
     * Widens the top panel's y axis when the values span too little for readable ticks (one sphere, or values
     * within their error bars of each other): the decades around them on a log axis, at least +-10 % of the middle on a
     * linear one, always with the error bars inside. Wider data keep XChart's own range.
     */
    private void setNarrowYRange(XYChart c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<PlotSeries> all = new ArrayList<>(references);
        all.add(engine);
        for (PlotSeries p : all) {
            for (int i = 0; i < p.x().length; i++) {
                double y = p.y()[i];
                double e = p.err() == null || !Double.isFinite(p.err()[i]) ? 0 : p.err()[i];
                if (Double.isFinite(y) && (!logY || y > 0)) {
                    lo = Math.min(lo, logY && y - e <= 0 ? y : y - e);
                    hi = Math.max(hi, y + e);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return;
        }
        if (logY && hi / lo < 10) {
            // From the decade below to the decade above: XChart labels a log axis at decades only.
            double floor = Math.pow(10, Math.floor(Math.log10(lo)));
            double ceil = Math.pow(10, Math.ceil(Math.log10(hi)));
            c.getStyler().setYAxisMin(floor);
            c.getStyler().setYAxisMax(ceil > floor ? ceil : 10 * floor);
        } else if (!logY && hi - lo < 0.2 * Math.abs(0.5 * (hi + lo))) {
            double mid = 0.5 * (hi + lo);
            double half = Math.max(0.1 * Math.abs(mid), 0.5 * (hi - lo));
            if (half > 0) {
                c.getStyler().setYAxisMin(mid - half);
                c.getStyler().setYAxisMax(mid + half);
            }
        }
    }

    /** Both panels share one x range: every finite abscissa of every series, padded by 2 % (log: by 30 %). */
    private double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<PlotSeries> all = new ArrayList<>(references);
        all.add(engine);
        all.addAll(ratios);
        for (PlotSeries p : all) {
            for (double x : p.x()) {
                if (Double.isFinite(x) && (!logX || x > 0)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            return logX ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (logX) {
            return new double[] {lo / 1.3, hi * 1.3};
        }
        double pad = 0.02 * Math.max(hi - lo, Math.abs(hi) * 1e-3 + 1e-12);
        return new double[] {lo - pad, hi + pad};
    }

    private void setXRange(XYChart c) {
        double[] r = xRange();
        c.getStyler().setXAxisMin(r[0]);
        c.getStyler().setXAxisMax(r[1]);
    }

    private static void style(XYChart c) {
        org.knowm.xchart.style.XYStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setMarkerSize(6);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setAxisTitleFont(c.getStyler().getAxisTitleFont().deriveFont(14f));
        c.getStyler().setAxisTickLabelsFont(c.getStyler().getAxisTickLabelsFont().deriveFont(12f));
    }

    /** The finite points (positive ones on a log axis), error bars kept inside the log axis. */
    private static PlotSeries clean(PlotSeries p, boolean log, boolean logXAxis) {
        List<double[]> keep = new ArrayList<>();
        for (int i = 0; i < p.x().length; i++) {
            double y = p.y()[i];
            double e = p.hasErrors() ? p.err()[i] : 0;
            if (!Double.isFinite(p.x()[i]) || !Double.isFinite(y) || (log && !(y > 0)) || (logXAxis && !(p.x()[i] > 0))) {
                continue;
            }
            if (!Double.isFinite(e) || e < 0) {
                e = 0;
            }
            if (log) {
                e = Math.min(e, 0.99 * y);
            }
            keep.add(new double[] {p.x()[i], y, e});
        }
        double[] x = keep.stream().mapToDouble(v -> v[0]).toArray();
        double[] y = keep.stream().mapToDouble(v -> v[1]).toArray();
        double[] e = keep.stream().mapToDouble(v -> v[2]).toArray();
        return new PlotSeries(p.name(), x, y, p.hasErrors() ? e : null, p.line(), p.muted());
    }
}
