package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.dosimetry.convolution.FftConvolution;
import doseengine.dosimetry.convolution.VoxelSValues;
import doseengine.dosimetry.gamma.GammaCriteria;
import doseengine.geometry.ByteVolume;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.TransportParameters;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.material.MaterialCatalog;
import doseengine.tally.RegionDose;
import doseengine.transport.BackendChoice;
import doseengine.transport.DoseProblem;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import doseengine.validation.reference.VsvTissue;
import doseengine.validation.run.TransportBenchmarkRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a homogeneous soft-tissue world the fast methods' tables are the same physics as the Monte Carlo: the voxel
 * S values are the Monte Carlo's own response to one voxel's decays, and a convolution with them is exact there.
 * So {@code vsv} must equal {@code mc} within the statistical uncertainty in every voxel that matters, and
 * {@code dpk} (water kernel, energy over the voxel's own mass) must give the structures' mean doses within 2 %.
 *
 * <p>The world catches errors of scale, orientation and units: non-cubic voxels (3 x 4 x 5 mm), an activity box off
 * centre and elongated, a hot voxel elsewhere; any swap of axes, a kernel centred wrongly, MBq h for MBq s, a
 * density or voxel-volume slip moves many voxels far beyond their uncertainty.
 */
class HomogeneousWorldComparisonTest {
    @TempDir
    static Path cache;

    static MethodComparison.Result result;
    static VoxelSValues vsvValues;
    static MethodTableRuns tables;

    @BeforeAll
    static void compare() {
        VoxelGrid g = new VoxelGrid(29, 23, 19, 3.0, 4.0, 5.0, new double[] {0, 0, 0});
        int n = g.voxelCount();
        VsvTissue t = VsvTissue.SOFT;
        float[] rho = new float[n];
        Arrays.fill(rho, (float) t.densityGPerCm3());
        float[] tia = new float[n];
        short[] lab = new short[n];
        // An elongated box (6 x 3 x 2 voxels) off centre: label 1; a hot voxel with its 26 neighbours: label 2.
        for (int k = 8; k < 10; k++) {
            for (int j = 6; j < 9; j++) {
                for (int i = 6; i < 12; i++) {
                    tia[g.flatIndex(i, j, k)] = 10f;
                    lab[g.flatIndex(i, j, k)] = 1;
                }
            }
        }
        for (int k = 9; k < 12; k++) {
            for (int j = 13; j < 16; j++) {
                for (int i = 18; i < 21; i++) {
                    lab[g.flatIndex(i, j, k)] = 2;
                }
            }
        }
        tia[g.flatIndex(19, 14, 10)] = 40f;
        DoseProblem p = new DoseProblem("soft-tissue block", new FloatVolume(g, new float[n]), new FloatVolume(g, rho),
                new ByteVolume(g), List.of(MaterialCatalog.standard().get(t.material())), new FloatVolume(g, tia),
                new LabelMap(new ShortVolume(g, lab), Map.of(1, "box", 2, "hot")), NuclideCatalog.get("Lu-177"),
                List.of());
        int threads = Runtime.getRuntime().availableProcessors();
        RunSettings s = new RunSettings(TransportMethod.MONTE_CARLO, BackendChoice.Resolved.java(threads, null),
                new StopRule.DecayCount(500_000), 11, threads, TransportParameters.defaults());
        PrintWriter log = new PrintWriter(System.out, true);
        tables = new MethodTableRuns(new TransportBenchmarkRunner(() -> log),
                CompareCommand.kernelSettings(s, 200_000), new MethodTableCache(cache), log);
        result = MethodComparison.run(p, s, new MethodComparison.Options(List.of(Method.MC, Method.DPK, Method.VSV),
                GammaCriteria.parse("3%/3mm"), tables), log);
        vsvValues = GridVoxelSValues.vsv(tables, p.nuclide(), g);
    }

    @Test
    void vsvEqualsMonteCarloInEveryVoxelAboveTenPercentOfTheMaximum() {
        float[] mc = result.of(Method.MC).doseGy().data();
        float[] mcUnc = result.of(Method.MC).relativeUncertainty().data();
        float[] vsv = result.of(Method.VSV).doseGy().data();
        VoxelGrid g = result.problem().grid();
        // The kernel's own noise, carried through the convolution as if fully correlated (an upper bound): the
        // same convolution with each kernel value replaced by its standard error.
        VoxelSValues k = vsvValues;
        double[] kv = new double[(k.hx() + 1) * (k.hy() + 1) * (k.hz() + 1)];
        // The electron block's errors (from the cache); the photon part's are far smaller than these near the source.
        VoxelBlock block = tables.electronBlock(result.problem().nuclide(), g.spacingX(), g.spacingY(), g.spacingZ());
        for (int kk = 0; kk <= Math.min(k.hz(), block.hz()); kk++) {
            for (int j = 0; j <= Math.min(k.hy(), block.hy()); j++) {
                for (int i = 0; i <= Math.min(k.hx(), block.hx()); i++) {
                    int b = block.index(i, j, kk);
                    kv[i + (k.hx() + 1) * (j + (k.hy() + 1) * kk)] = block.meVPerDecay()[b] * block.relativeUncertainty()[b];
                }
            }
        }
        double[] kernelSigmaEnergy = FftConvolution.convolve(doseengine.dosimetry.TimeIntegratedActivity.decaysPerVoxel(result.problem().tiaMBqH()), g.nx(), g.ny(),
                g.nz(), new VoxelSValues(k.hx(), k.hy(), k.hz(), kv));
        double perMeV = doseengine.dosimetry.DoseConversion.grayPerMeV(VsvTissue.SOFT.densityGPerCm3() * g.voxelVolumeCm3());
        double max = 0;
        for (float v : mc) {
            max = Math.max(max, v);
        }
        int judged = 0;
        double sumZ2 = 0;
        double worst = 0;
        for (int v = 0; v < mc.length; v++) {
            if (mc[v] < 0.1 * max) {
                continue;
            }
            double sigma = Math.hypot(mc[v] * mcUnc[v], kernelSigmaEnergy[v] * perMeV);
            double z = (vsv[v] - mc[v]) / sigma;
            sumZ2 += z * z;
            worst = Math.max(worst, Math.abs(z));
            judged++;
        }
        System.out.printf("vsv vs mc: %d voxels above 10 %% of the maximum, largest |z| %.2f, mean z^2 %.2f%n", judged,
                worst, sumZ2 / judged);
        assertTrue(judged >= 30, "voxels above 10 % of the maximum: " + judged);
        // Every voxel within 4.5 sigma: for ~40 normal deviates the chance of one beyond is 3e-4.
        assertTrue(worst < 4.5, "largest |vsv - mc| / sigma: " + worst);
        // No bias hiding under the per-voxel test: the mean z^2 of unbiased voxels is about 1 (less, since the
        // kernel's error is counted as fully correlated); a shift of one sigma would make it about 2.
        assertTrue(sumZ2 / judged < 1.6, "mean z^2 over " + judged + " voxels: " + sumZ2 / judged);
    }

    @Test
    void dpkGivesTheStructureMeansWithinTwoPercent() {
        for (RegionDose ref : result.of(Method.MC).regions()) {
            RegionDose d = result.of(Method.DPK).region(ref.name());
            System.out.printf("%s: mc %.5g Gy +- %.2f %%, dpk %.5g Gy (%+.2f %%)%n", ref.name(), ref.meanGy(),
                    100 * ref.relativeUncertainty(), d.meanGy(), 100 * (d.meanGy() / ref.meanGy() - 1));
            // 2 %: the water kernel's electrons reach 4 % further than in tissue of 1.04 g/cm3, which moves only
            // the few per cent of energy near a structure's surface; Monte Carlo's own error is well under 1 %.
            assertEquals(ref.meanGy(), d.meanGy(), 0.02 * ref.meanGy() + 3 * ref.relativeUncertainty() * ref.meanGy(),
                    ref.name() + ": mc " + ref.meanGy() + " +- " + ref.relativeUncertainty() + ", dpk " + d.meanGy());
        }
    }
}
