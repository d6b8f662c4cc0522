package doseengine.bench;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.dosimetry.DoseConversion;
import doseengine.dosimetry.convolution.DirectConvolution;
import doseengine.dosimetry.convolution.FftSizes;
import doseengine.dosimetry.convolution.ShellLayout;
import doseengine.dosimetry.convolution.VoxelSValues;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The convolution problem: what it is, and that its pipeline is wired right (a tiny grid through the same code, its
 * energy against the direct sum). No speed is asserted: the bench measures it (docs/benchmarks.md).
 */
class ConvolutionBenchTest {

    @Test
    void theProblemIsTheCtSizedGridAndIsListedAfterTheTransportProblems() {
        ConvolutionBench b = new ConvolutionBench();
        assertEquals("convolution_256x256x200", b.name());
        assertEquals(ConvolutionBench.NAME, b.name());
        // 255 x 1.95, 255 x 1.95 and 199 x 2.5 mm: 861 mm between the farthest voxel centres, rounded up to 1000.
        assertEquals(Math.sqrt(2 * Math.pow(255 * 1.95, 2) + Math.pow(199 * 2.5, 2)), b.spanMm(), 1e-9);
        assertEquals(1000, b.reachMm());
        assertArrayEquals(ShellLayout.edges(5.0, 1000), b.edges());
        assertEquals(256 * 1.95, b.grid().nx() * b.grid().spacingX(), 1e-9, "a 500 mm field");
        assertEquals(2.5, b.grid().spacingZ());

        List<BenchProblem> all = BenchProblems.all();
        // Second to last: the DICOM CT read comes after it.
        BenchProblem conv = all.get(all.size() - 2);
        assertEquals(ConvolutionBench.NAME, conv.name());
        assertTrue(conv.isConvolution());
        assertFalse(conv.isTransport());
        assertTrue(all.subList(0, all.size() - 2).stream().allMatch(BenchProblem::isTransport));
        assertEquals(1, all.stream().filter(BenchProblem::isConvolution).count());
        assertEquals(List.of(conv), BenchProblems.select(List.of("convolution_256x256x200")));
        assertThrows(IllegalArgumentException.class, () -> new BenchProblems().build(conv, 4));
    }

    @Test
    void aHeapTooSmallForItsArraysIsRefusedBeforeAnythingRuns() {
        ConvolutionBench b = new ConvolutionBench();
        // 13.1 M voxels x 36 bytes, the kernel spectrum 257 x 257 x 201 doubles, the source's 257 x 256 x 200 complex.
        long n = 256L * 256 * 200;
        assertEquals(36 * n + 8L * 257 * 257 * 201 + 16L * 257 * 256 * 200, b.heapBytes());
        doseengine.geometry.BadInputException e = assertThrows(doseengine.geometry.BadInputException.class,
                () -> b.requireHeap(700L << 20));
        assertEquals("convolution_256x256x200 needs a heap of at least 752 MiB for its arrays; this Java has 700 MiB: "
                + "give java -Xmx1g or more (the doseengine script gives -Xmx8g)", e.getMessage());
        b.requireHeap(8L << 30);
    }

    @Test
    void analyticDosePointKernelHoldsTheStatedEnergiesAndTheElectronBlockItsOwn() {
        double[] edges = ShellLayout.edges(5.0, 1000);
        double dpk = ConvolutionBench.kernel(edges, true).totalMeV();
        double photons = ConvolutionBench.kernel(edges, false).totalMeV();
        double tail = ConvolutionBench.PHOTON_MEV * (1 - Math.exp(-1000 / ConvolutionBench.PHOTON_LENGTH_MM));
        assertEquals(tail, photons, 1e-12);
        assertEquals(ConvolutionBench.ELECTRON_MEV + tail, dpk, 1e-12);
        // The octant's values with their mirror images sum to the electrons' energy.
        double[] block = ConvolutionBench.electronBlock(1.95, 1.95, 2.5);
        assertEquals(7 * 7 * 7, block.length);
        double sum = new VoxelSValues(6, 6, 6, block).sum();
        assertEquals(ConvolutionBench.ELECTRON_MEV, sum, 1e-12);
    }

    @Test
    void tinyGridThroughTheSamePathDepositsExactlyTheDirectSumOfItsVoxelSValues() {
        int nx = 24, ny = 20, nz = 16;
        ConvolutionBench b = new ConvolutionBench(nx, ny, nz, 1.95, 1.95, 2.5);
        List<ConvolutionBench.MethodMaps> maps = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        ConvolutionResult r = b.run(progress::add, maps::add);

        assertEquals("convolution_24x20x16", r.name());
        assertArrayEquals(new int[] {nx, ny, nz}, r.dims());
        assertEquals(250, r.reachMm(), "a 69 mm span rounds up to 250 mm");
        assertEquals(ShellLayout.edges(5.0, 250).length - 1, r.shells());
        assertEquals(List.of("dpk", "vsv"), r.methods().stream().map(ConvolutionResult.Method::method).toList());
        assertTrue(r.buildSeconds() >= 0 && r.decaysSeconds() >= 0, r.toString());
        double sum = r.decaysSeconds();
        for (ConvolutionResult.Method m : r.methods()) {
            for (double s : new double[] {m.kernelSeconds(), m.spectrumSeconds(), m.convolutionSeconds(),
                    m.doseSeconds()}) {
                assertTrue(s >= 0 && Double.isFinite(s), m.toString());
            }
            assertEquals(m.kernelSeconds() + m.spectrumSeconds() + m.convolutionSeconds() + m.doseSeconds(),
                    m.totalSeconds(), 1e-12);
            sum += m.totalSeconds();
            assertArrayEquals(new int[] {nx - 1, ny - 1, nz - 1}, m.halfWidths(), "the grid's full extent");
            assertArrayEquals(new int[] {FftSizes.padded(nx, nx - 1), FftSizes.padded(ny, ny - 1),
                    FftSizes.padded(nz, nz - 1)}, m.paddedSizes());
        }
        assertArrayEquals(new int[] {48, 40, 32}, r.methods().get(0).paddedSizes());
        assertEquals(sum, r.totalSeconds(), 1e-12);
        assertTrue(r.heapPeakMiB() > 0, r.toString());
        assertEquals(5, progress.size(), progress.toString());

        assertEquals(2, maps.size());
        for (ConvolutionBench.MethodMaps m : maps) {
            double[] decays = m.decays();
            double totalDecays = 0;
            for (double d : decays) {
                totalDecays += d;
            }
            assertTrue(totalDecays > 0, "the body holds activity on the tiny grid too");
            // What the grid receives: every voxel's decays times the kernel summed over the offsets that stay in the
            // grid (the rest leaves it), i.e. the direct convolution's total.
            double[] direct = DirectConvolution.convolve(decays, nx, ny, nz, m.kernel());
            float[] dose = m.dose().data();
            float[] rho = m.density().data();
            double volume = m.dose().grid().voxelVolumeCm3();
            double expected = 0;
            double got = 0;
            double max = 0;
            for (double e : direct) {
                max = Math.max(max, e);
            }
            for (int v = 0; v < direct.length; v++) {
                double energy = dose[v] / DoseConversion.grayPerMeV(rho[v] * volume);
                expected += direct[v];
                got += energy;
                // The float dose map rounds each voxel to 6e-8 of itself.
                assertEquals(direct[v], energy, 1e-6 * max, m.method() + " voxel " + v);
            }
            assertTrue(expected > 0);
            assertEquals(expected, got, 1e-6 * expected, m.method());
        }

        // vsv's kernel is the photons' integrated kernel with the 7^3 electron octant added, nothing else.
        VoxelSValues photons = b.integrated(ConvolutionBench.kernel(b.edges(), false));
        VoxelSValues vsv = maps.get(1).kernel();
        double[] block = ConvolutionBench.electronBlock(1.95, 1.95, 2.5);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double e = i <= 6 && j <= 6 && k <= 6 ? block[i + 7 * (j + 7 * k)] : 0;
                    assertEquals(photons.at(i, j, k) + e, vsv.at(i, j, k), 1e-12 * (photons.at(0, 0, 0) + block[0]),
                            "offset " + i + "," + j + "," + k);
                }
            }
        }
        // dpk holds the electrons as well: far more energy at the source voxel than the photons alone.
        assertTrue(maps.get(0).kernel().at(0, 0, 0) > 10 * photons.at(0, 0, 0));
    }
}
