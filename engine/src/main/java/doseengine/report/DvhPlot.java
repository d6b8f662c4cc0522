package doseengine.report;

import doseengine.geometry.BadInputException;
import doseengine.tally.DoseVolumeHistogram;
import doseengine.tally.RegionDose;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code dvh.png}: the cumulative dose-volume histogram of every label on common axes, dose (Gy) against volume
 * (% of the label's volume receiving at least that dose), one line per label named with its mean dose.
 */
public final class DvhPlot {
    static final int WIDTH = 1100, HEIGHT = 650;

    /**
     * Twenty distinguishable colours (the "tab20" palette of matplotlib, dark and light of ten hues); labels past
     * twenty repeat them with dashes.
     */
    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
        0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94, 0xf7b6d2, 0xc7c7c7, 0xdbdb8d, 0x9edae5,
    };

    private DvhPlot() {}

    public static void write(Path file, List<RegionDose> regions, String title) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a DVH plot needs at least one label");
        }
        HeadlessGraphics.require();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Dose (Gy)").yAxisTitle("Volume (%)").build();
        XYStyler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(0xdddddd));
        st.setLegendBorderColor(Color.WHITE);
        st.setChartTitleBoxVisible(false);
        st.setYAxisMin(0.0);
        st.setYAxisMax(100.0);
        st.setXAxisMin(0.0);
        st.setXAxisMax(NiceNumbers.axisMax(maxDose(regions)));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        int n = 0;
        for (RegionDose r : regions) {
            DoseVolumeHistogram dvh = r.distribution().dvh();
            double[] dose = dvh.doseGy();
            double[] volume = dvh.fractionAtLeast();
            for (int i = 0; i < volume.length; i++) {
                volume[i] *= 100;
            }
            if (dose.length == 1) { // every dose 0: draw the step down to 0 at 0 Gy
                dose = new double[] {0, 0};
                volume = new double[] {volume[0], 0};
            }
            XYSeries s = chart.addSeries(legend(r), dose, volume);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(PALETTE[n % PALETTE.length]));
            s.setLineStyle(n < PALETTE.length ? new BasicStroke(2.2f)
                    : new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f));
            n++;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * "liver (mean 21.5 Gy; voxel unc. 35 %)": the median voxel uncertainty says how much of the curve's width is
     * noise; an exact method's curves carry none and say nothing.
     */
    static String legend(RegionDose r) {
        String mean = "mean " + NiceNumbers.significant(r.meanGy()) + " Gy";
        if (r.medianVoxelRelativeUncertainty() > 0) {
            mean += String.format(Locale.ROOT, "; voxel unc. %.0f %%", 100 * r.medianVoxelRelativeUncertainty());
        }
        return r.name() + " (" + mean + ")";
    }

    private static double maxDose(List<RegionDose> regions) {
        double m = 0;
        for (RegionDose r : regions) {
            m = Math.max(m, r.maxGy());
        }
        return m;
    }
}
