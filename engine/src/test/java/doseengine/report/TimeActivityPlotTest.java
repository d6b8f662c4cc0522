package doseengine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.study.StructureKinetics;
import doseengine.study.StructureTia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
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

    @Test
    void zeroActivityHasNoCurve() {
        StructureTia tia = KINETICS.integrate("lesion", HOURS, new double[] {0, 0, 0, 0});
        assertNull(TimeActivityPlot.activity(tia, LU177));
    }
}
