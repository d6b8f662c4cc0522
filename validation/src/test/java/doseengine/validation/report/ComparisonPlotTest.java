package doseengine.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonPlotTest {
    @TempDir
    Path tmp;

    @Test
    void writesTwoStackedPanelsOrOneWithoutRatios() throws Exception {
        double[] x = {0.1, 0.2, 0.3, 0.4};
        PlotSeries engine = PlotSeries.markers("engine", x, new double[] {1, 2, 3, 2}, new double[] {0.1, 0.1, 0.1, 0.1});
        PlotSeries ref = PlotSeries.line("reference", x, new double[] {1.1, 2.1, 2.9, 2.0});
        PlotSeries ratio = PlotSeries.markers("ratio", x, new double[] {0.91, 0.95, 1.03, 1.0},
                new double[] {0.05, 0.05, 0.05, 0.05});
        Path two = tmp.resolve("two.png");
        new ComparisonPlot("t", "r / r0", "j", false, false, engine, List.of(ref), "engine / reference", List.of(ratio),
                0.95, 1.05).write(two);
        BufferedImage img = ImageIO.read(two.toFile());
        assertEquals(ComparisonPlot.WIDTH, img.getWidth());
        assertEquals(ComparisonPlot.TOP_HEIGHT + ComparisonPlot.RATIO_HEIGHT, img.getHeight());
        assertTrue(drawnPixels(img, 0, ComparisonPlot.TOP_HEIGHT) > 1000, "top panel drawn");
        assertTrue(drawnPixels(img, ComparisonPlot.TOP_HEIGHT, img.getHeight()) > 1000, "ratio panel drawn");

        Path one = tmp.resolve("one.png");
        new ComparisonPlot("t", "mass (g)", "S", true, true, engine, List.of(), "", List.of(), Double.NaN, Double.NaN)
                .write(one);
        assertEquals(ComparisonPlot.TOP_HEIGHT, ImageIO.read(one.toFile()).getHeight());
    }

    /**
     * One sphere (one point, 0.05 % error bar) on a log axis: the axis runs from the decade below to the decade above
     * (XChart labels decades only), so its ticks differ
     * (XChart's own range would be the error bar, with two ticks printed alike); wide data keep XChart's range.
     */
    @Test
    void aSinglePointGetsAReadableYRange() {
        PlotSeries one = PlotSeries.markers("engine", new double[] {10}, new double[] {0.002348},
                new double[] {0.0000012});
        var c = new ComparisonPlot("t", "mass (g)", "S", true, true, one, List.of(), "", List.of(), Double.NaN,
                Double.NaN).topChart();
        double lo = c.getStyler().getYAxisMin();
        double hi = c.getStyler().getYAxisMax();
        assertEquals(0.001, lo, 1e-15);
        assertEquals(0.01, hi, 1e-15);
        var linear = new ComparisonPlot("t", "x", "y", false, false, one, List.of(), "", List.of(), Double.NaN,
                Double.NaN).topChart();
        assertEquals(0.002348 * 0.9, linear.getStyler().getYAxisMin(), 1e-9);
        PlotSeries wide = PlotSeries.markers("engine", new double[] {1, 10, 100}, new double[] {0.02, 0.002, 0.0002},
                null);
        assertEquals(null, new ComparisonPlot("t", "m", "S", true, true, wide, List.of(), "", List.of(), Double.NaN,
                Double.NaN).topChart().getStyler().getYAxisMin());
    }

    /** Pixels in rows [from, to) that are not white. */
    private static int drawnPixels(BufferedImage img, int from, int to) {
        int n = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n;
    }
}
