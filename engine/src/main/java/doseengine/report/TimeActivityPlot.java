package doseengine.report;

import doseengine.dosimetry.kinetics.CurveUncertainty;
import doseengine.dosimetry.kinetics.KineticFit;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.kinetics.TimeActivityCurve;
import doseengine.dosimetry.kinetics.TrapezoidWithTail;
import doseengine.dosimetry.radiobiology.DoseRateCurve;
import doseengine.dosimetry.treatment.DoseRateCurves;
import doseengine.geometry.BadInputException;
import doseengine.study.StructureTia;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A structure's time-activity curve as a PNG: the measured activities with their standard uncertainties (error
 * bars) and the curve its TIA came from, from injection to 1.5 times the last time point. The curve: the fitted
 * mono- or bi-exponential; for the trapezoid, straight lines from zero at injection through the points and physical
 * decay after the last; for a single time point, the mono-exponential its method assumes (the population effective
 * half-life, or for Hänscheid's approximation the time of the measurement).
 *
 * <p>A fitted mono- or bi-exponential is drawn with a band of plus and minus one standard uncertainty of the curve,
 * propagated from the fit's parameter covariance by the delta method to first order ({@link CurveUncertainty}); the
 * lower edge is clipped at zero activity. The trapezoid and the single-time-point curves have no band (no fitted parameters)
 * and their legend says so.
 */
public final class TimeActivityPlot {
    static final int WIDTH = 800, HEIGHT = 500;
    static final int SAMPLES = 300;

    private TimeActivityPlot() {}

    /** A file name for a structure's plot: {@code tac_<name>.png}, characters other than letters, digits, - and _ as _. */
    public static String fileName(String structure) {
        return "tac_" + structure.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
    }

    public static void write(Path file, String cycle, StructureTia tia, PhysicalDecay decay) {
        HeadlessGraphics.require();
        TimeActivityCurve c = tia.curve();
        double[] t = c.hours();
        double end = 1.5 * t[t.length - 1];
        DoubleUnaryOperator a = activity(tia, decay);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(String.format(Locale.ROOT,
                "%s %s: %s, TIA %.4g MBq h", cycle, tia.name(), tia.model(), tia.tiaMBqH()))
                .xAxisTitle("Time after injection (h)").yAxisTitle("Activity (MBq)").build();
        XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartTitleBoxVisible(false);
        st.setXAxisMin(0.0);
        st.setYAxisMin(0.0);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        if (a != null) {
            double[] x = new double[SAMPLES + 1];
            double[] y = new double[SAMPLES + 1];
            for (int i = 0; i <= SAMPLES; i++) {
                x[i] = end * i / SAMPLES;
                y[i] = a.applyAsDouble(x[i]);
            }
            double[][] band = band(tia, x, y);
            if (band != null) {
                XYSeries b = chart.addSeries("fit \u00b1 1 standard uncertainty (delta method)", band[0], band[1]);
                b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                b.setMarker(SeriesMarkers.NONE);
                b.setFillColor(new Color(0x1f, 0x77, 0xb4, 0x40));
                b.setLineColor(new Color(0x1f, 0x77, 0xb4, 0x80));
                b.setLineStyle(new BasicStroke(0.5f));
            }
            String why = band == null ? CurveUncertainty.reasonWithoutBand(tia.model()) : null;
            XYSeries fit = chart.addSeries(why == null ? tia.model() : tia.model() + " (" + why + ")", x, y);
            fit.setMarker(SeriesMarkers.NONE);
            fit.setLineColor(new Color(0x1f77b4));
            fit.setLineStyle(new BasicStroke(2f));
        }
        XYSeries points = chart.addSeries("measured", t, c.activitiesMBq(), c.sigmasMBq());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(0xd62728));
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the plot: " + e.getMessage(), e);
        }
    }

    /**
     * The band's polygon: {@code x} forward along {@code A + u}, then backward along {@code max(A - u, 0)};
     * null when the fit has no band.
     */
    static double[][] band(StructureTia tia, double[] x, double[] y) {
        KineticFit fit = tia.fit();
        if (!CurveUncertainty.hasBand(fit)) {
            return null;
        }
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double u = sigmaMBq(fit, x[i]);
            px[i] = x[i];
            py[i] = y[i] + u;
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = Math.max(0, y[i] - u);
        }
        return new double[][] {px, py};
    }

    /** The curve's standard uncertainty at {@code hours} (MBq), NaN without a band. */
    static double sigmaMBq(KineticFit fit, double hours) {
        return CurveUncertainty.sigmaMBq(fit, hours).orElse(Double.NaN);
    }

    /** A(t) in MBq of the curve the TIA came from; null when there is none (TIA 0). */
    static DoubleUnaryOperator activity(StructureTia tia, PhysicalDecay decay) {
        if (!(tia.tiaMBqH() > 0)) {
            return null;
        }
        KineticFit fit = tia.fit();
        if (fit == null) {
            DoseRateCurve single = DoseRateCurves.singleTimePoint(tia.tiaMBqH(), tia.singleTimePointHalfLifeHours());
            return single::rateAt;
        }
        if (TrapezoidWithTail.NAME.equals(fit.model())) {
            double[] t = tia.curve().hours();
            double[] a = tia.curve().activitiesMBq();
            double lambda = decay.lambdaPerHour();
            return h -> trapezoid(t, a, lambda, h);
        }
        // a dose-rate curve whose dose is the TIA is the activity itself (MBq, with MBq h in place of Gy)
        DoseRateCurve curve = (DoseRateCurve) DoseRateCurves.fromFit(fit, tia.tiaMBqH());
        return curve::rateAt;
    }

    private static double trapezoid(double[] t, double[] a, double lambda, double h) {
        int n = t.length;
        if (h >= t[n - 1]) {
            return a[n - 1] * Math.exp(-lambda * (h - t[n - 1]));
        }
        double t0 = 0;
        double a0 = 0;
        for (int i = 0; i < n; i++) {
            if (h <= t[i]) {
                return a0 + (a[i] - a0) * (h - t0) / (t[i] - t0);
            }
            t0 = t[i];
            a0 = a[i];
        }
        return a[n - 1];
    }
}
