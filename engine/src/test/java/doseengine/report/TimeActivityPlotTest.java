package doseengine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.CurveUncertainty;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.study.StructureKinetics;
import doseengine.study.StructureTia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;

/** The plotted curve is the one the TIA came from: it passes through noiseless points and integrates to the TIA. */
class TimeActivityPlotTest {
    static final PhysicalDecay LU177 = new PhysicalDecay(159.5);
    static final StructureKinetics KINETICS = new StructureKinetics(LU177, ActivityUncertainty.standard());
    static final double[] HOURS = {4, 24, 96, 168};

    /** Noiseless bi-exponential points (A0 100 MBq, washout 60 h, uptake 3 h): the curve through them to 1e-4. */
    @Test
    void biExponentialCurvePassesThroughNoiselessPoints(@TempDir Path dir) throws Exception {
        double lw = Math.log(2) / 60;
        double lu = Math.log(2) / 3;
        double[] a = new double[HOURS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 * (Math.exp(-lw * HOURS[i]) - Math.exp(-lu * HOURS[i]));
        }
        StructureTia tia = KINETICS.integrate("kidney", HOURS, a);
        assertEquals("bi-exponential", tia.model());
        DoubleUnaryOperator f = TimeActivityPlot.activity(tia, LU177);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], f.applyAsDouble(HOURS[i]), 1e-4 * a[i], "t = " + HOURS[i] + " h");
        }
        Path png = dir.resolve(TimeActivityPlot.fileName("kidney left"));
        TimeActivityPlot.write(png, "C1", tia, LU177);
        assertEquals("tac_kidney_left.png", png.getFileName().toString());
        assertTrue(Files.size(png) > 1000, "a PNG was written");
    }

    /** Hänscheid: 2 A(t1) exp(-ln2 t / t1) is A(t1) at t1 and 2 A(t1) at injection (to rounding, 1e-12). */
    @Test
    void singleTimePointCurveIsTheAssumedMonoExponential() {
        StructureTia tia = KINETICS.integrate("liver", new double[] {96}, new double[] {50});
        DoubleUnaryOperator f = TimeActivityPlot.activity(tia, LU177);
        assertEquals(50, f.applyAsDouble(96), 1e-12 * 50);
        assertEquals(100, f.applyAsDouble(0), 1e-12 * 100);
    }

    /**
     * The band drawn is the fit plus and minus {@code u(A(t))} of {@link CurveUncertainty} (tested against finite
     * differences, parameter sampling and refits in the dosimetry module), clipped at 0; the PNG is a valid image of
     * the plot's size.
     */
    @Test
    void fittedCurveHasABandOfOneStandardUncertainty(@TempDir Path dir) throws Exception {
        double lambda = Math.log(2) / 30;
        double[] a = new double[HOURS.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = 80 * Math.exp(-lambda * HOURS[i]) * (1 + 0.03 * (i % 2 == 0 ? 1 : -1));
        }
        StructureTia tia = KINETICS.integrate("liver", HOURS, a);
        assertEquals("mono-exponential", tia.model());
        double[] x = {0, 10, 50, 100, 200};
        double[] y = new double[x.length];
        DoubleUnaryOperator f = TimeActivityPlot.activity(tia, LU177);
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        double[][] band = TimeActivityPlot.band(tia, x, y);
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double u = CurveUncertainty.sigmaMBq(tia.fit(), x[i]).orElseThrow();
            assertTrue(u > 0, "t = " + x[i]);
            assertEquals(y[i] + u, band[1][i], 1e-12 * y[i]);
            assertEquals(Math.max(0, y[i] - u), band[1][2 * n - 1 - i], 1e-12 * y[i]);
            assertEquals(x[i], band[0][2 * n - 1 - i]);
        }
        Path png = dir.resolve("tac.png");
        TimeActivityPlot.write(png, "C1", tia, LU177);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(TimeActivityPlot.WIDTH, img.getWidth());
        assertEquals(TimeActivityPlot.HEIGHT, img.getHeight());
    }

    @Test
    void trapezoidAndSingleTimePointHaveNoBandAndSayWhy(@TempDir Path dir) throws Exception {
        StructureTia single = KINETICS.integrate("liver", new double[] {96}, new double[] {50});
        assertNull(TimeActivityPlot.band(single, new double[] {1}, new double[] {1}));
        assertTrue(CurveUncertainty.reasonWithoutBand(single.model()).contains("assumed"));
        // a curve that rises again after falling: neither model fits it, the trapezoid is taken
        StructureTia trapezoid = KINETICS.integrate("tumour", HOURS, new double[] {100, 10, 100, 5});
        assertEquals("trapezoid", trapezoid.model(), trapezoid.reason());
        assertNull(TimeActivityPlot.band(trapezoid, new double[] {1}, new double[] {1}));
        assertTrue(CurveUncertainty.reasonWithoutBand(trapezoid.model()).contains("not a fit"));
        Path png = dir.resolve("tac.png");
        TimeActivityPlot.write(png, "C1", trapezoid, LU177);
        assertEquals(TimeActivityPlot.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void zeroActivityHasNoCurve() {
        StructureTia tia = KINETICS.integrate("lesion", HOURS, new double[] {0, 0, 0, 0});
        assertNull(TimeActivityPlot.activity(tia, LU177));
    }
}
