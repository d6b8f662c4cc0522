package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.FixedPointEnergy;
import doseengine.kernels.tally.RadialShellTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.Primary;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The 500 keV electron dose point kernel in water, the validation of the electron transport as a whole (DESIGN.md
 * 3.3): an isotropic point source of 500 keV electrons at the centre of a homogeneous water cube (one voxel of
 * 3.5 r0, so nothing reaches its faces), deposits scored in spherical shells, electron cutoff 1 keV, class II with
 * the default thresholds (W_cc = W_cr = 10 keV) and step parameters.
 *
 * <p>Reference: the ETRAN kernel of Berger as tabulated by Ferrer (Cancer Biother. Radiopharm. 22(1) 2007),
 * copied from Geant4's TestEm12 (resources, reference/dpk/README.md): the scaled kernel
 * j(r/r0) = 4 pi rho r^2 r0 D(r) / E0 = d(E/E0)/d(r/r0) at r/r0 = 0, 0.025, ..., with r0 = 0.1766 g/cm2, ESTAR's
 * CSDA range at 500 keV. The shells are centred on those points (edges at (k +- 1/2) 0.025 r0), so the shell
 * average is compared with the tabulated value directly; the averaging error (j'' w^2 / 24) is below 0.1 % of the
 * peak.
 *
 * <p>Tolerances (the issue's): j within 5 % of the reference's peak value (1.593) for 0.05 <= r/r0 <= 0.9, and
 * the radius holding 90 % of E0 within 2 % of the reference's (0.7838 r0, trapezoid integral of the table).
 * Honesty: 100000 histories in 10 batches give a standard error of j below 1 % of the peak in every shell (asserted),
 * five times below the tolerance, and about 0.05 % on the 90 % radius. Halving every step parameter changes j by
 * at most 0.9 % of the peak (400000 histories per variant, docs/physics-transport.md). Measured here: worst
 * deviation 3.1 % of the peak (at 0.325 r0), r90 0.7794 r0 (-0.56 %). The tolerances are those of the issue and
 * are not loosened: if a change makes this test fail, look at the physics.
 */
class ElectronDosePointKernelTest {
    private static final float E0 = 0.5f;
    private static final double R0 = 0.1766;
    private static final double WIDTH = 0.025;
    private static final int SHELLS = 48;
    private static final int BATCHES = 10;
    private static final int PER_BATCH = 10_000;

    @Test
    void scaledDosePointKernelAgreesWithEtran() throws IOException {
        TreeMap<Double, Double> reference = etran("0.5");
        double peak = reference.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        float side = (float) (3.5 * R0);
        float centre = side / 2;
        VoxelGeometry g = TransportFixtures.uniform(1, side, 1.0f);
        TransportParameters parameters = TransportParameters.defaults().withElectronCutoffMeV(0.001f);
        TransportProblem p = TransportFixtures.problem(List.of("water_liquid"), "Lu-177", parameters, g,
                new PointSource(centre, centre, centre, 0), 500L);
        JavaHistoryDriver kernel = new JavaHistoryDriver(p);

        float[] edges = new float[SHELLS + 1];
        for (int k = 1; k <= SHELLS; k++) {
            edges[k] = (float) ((k - 0.5) * WIDTH * R0);
        }
        RadialShellTally tally = new RadialShellTally(edges, centre, centre, centre);
        Primary source = Primary.isotropic(ParticleType.ELECTRON, E0, centre, centre, centre, 0);

        double[] sum = new double[SHELLS];
        double[] sumSq = new double[SHELLS];
        double r90Sum = 0;
        double r90SumSq = 0;
        for (int b = 0; b < BATCHES; b++) {
            tally.reset();
            kernel.runPrimaries(source, (long) b * PER_BATCH, PER_BATCH, tally);
            double[] fraction = new double[SHELLS];
            long[] units = tally.units();
            for (int k = 0; k < SHELLS; k++) {
                fraction[k] = FixedPointEnergy.toMeV(units[k]) / ((double) PER_BATCH * E0);
                double j = fraction[k] / shellWidth(k);
                sum[k] += j;
                sumSq[k] += j * j;
            }
            double r90 = radiusHolding(fraction, 0.9);
            r90Sum += r90;
            r90SumSq += r90 * r90;
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "500 keV DPK, %d histories, %.1f steps per history%n"
                        + " r/r0     j_MC    SE     j_ETRAN  (MC-ETRAN)/peak%n",
                BATCHES * PER_BATCH, kernel.electronSteps() / (double) kernel.histories()));
        double worst = 0;
        for (int k = 2; k <= 36; k++) {
            double rOverR0 = k * WIDTH;
            double mean = sum[k] / BATCHES;
            double se = Math.sqrt(Math.max(0, sumSq[k] / BATCHES - mean * mean) / (BATCHES - 1));
            double ref = reference.get(Math.round(rOverR0 * 1000) / 1000.0);
            double deviation = (mean - ref) / peak;
            worst = Math.max(worst, Math.abs(deviation));
            report.append(String.format(Locale.ROOT, " %.3f   %.4f  %.4f  %.4f   %+.4f%n", rOverR0, mean, se, ref,
                    deviation));
            assertTrue(se <= 0.01 * peak, "shell " + k + " too noisy for the test to mean anything: SE " + se);
        }
        double r90 = r90Sum / BATCHES;
        double r90Se = Math.sqrt(Math.max(0, r90SumSq / BATCHES - r90 * r90) / (BATCHES - 1));
        double r90Reference = referenceRadiusHolding(reference, 0.9);
        report.append(String.format(Locale.ROOT, " worst |MC - ETRAN| / peak = %.4f; r90/r0 = %.4f +- %.4f, ETRAN %.4f"
                + " (%+.2f %%)", worst, r90, r90Se, r90Reference, 100 * (r90 / r90Reference - 1)));
        System.out.println(report);
        assertTrue(worst <= 0.05, report.toString());
        assertEquals(r90Reference, r90, 0.02 * r90Reference, report.toString());
        assertEquals(0, kernel.stackOverflows());
    }

    /** Width of shell k in units of r0: the first shell is [0, w/2), the others [(k - 1/2) w, (k + 1/2) w). */
    private static double shellWidth(int k) {
        return k == 0 ? WIDTH / 2 : WIDTH;
    }

    /** Radius (r/r0) at which the cumulative shell fractions reach {@code level}, linear inside the shell. */
    private static double radiusHolding(double[] fraction, double level) {
        double cumulative = 0;
        for (int k = 0; k < fraction.length; k++) {
            double inner = k == 0 ? 0 : (k - 0.5) * WIDTH;
            if (cumulative + fraction[k] >= level) {
                return inner + shellWidth(k) * (level - cumulative) / fraction[k];
            }
            cumulative += fraction[k];
        }
        throw new AssertionError("the shells hold less than " + level + " of the energy");
    }

    /** The same radius for the tabulated kernel, integrated by the trapezoid rule between its points. */
    private static double referenceRadiusHolding(TreeMap<Double, Double> j, double level) {
        double cumulative = 0;
        Double previousR = null;
        double previousJ = 0;
        for (var point : j.entrySet()) {
            double r = point.getKey();
            double value = point.getValue();
            if (previousR != null) {
                double area = 0.5 * (previousJ + value) * (r - previousR);
                if (cumulative + area >= level) {
                    return previousR + (r - previousR) * (level - cumulative) / area;
                }
                cumulative += area;
            }
            previousR = r;
            previousJ = value;
        }
        throw new AssertionError("the reference holds less than " + level);
    }

    /** r/r0 -> j of one ETRAN kernel (set "ETRAN", energy as written in the file). */
    static TreeMap<Double, Double> etran(String energy) throws IOException {
        TreeMap<Double, Double> j = new TreeMap<>();
        String resource = "/doseengine/reference/dpk/electron_dpk_water_scaled.csv";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ElectronDosePointKernelTest.class.getResourceAsStream(resource), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length == 4 && f[0].equals("ETRAN") && f[1].equals(energy)) {
                    j.put(Double.parseDouble(f[2]), Double.parseDouble(f[3]));
                }
            }
        }
        if (j.size() < 40) {
            throw new IllegalStateException("ETRAN " + energy + " MeV kernel not found in " + resource);
        }
        return j;
    }
}
