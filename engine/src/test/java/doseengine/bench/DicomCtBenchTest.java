package doseengine.bench;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.dicom.CtSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DICOM CT problem: what it is, and that its path is wired right (a tiny series written, read back with the
 * written HU, its folder gone afterwards). No speed is asserted: the bench measures it (docs/benchmarks.md).
 */
class DicomCtBenchTest {
    @TempDir
    Path tmp;

    private static List<Path> entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void theProblemIsTheClinicalSeriesAndIsListedLast() {
        DicomCtBench b = new DicomCtBench();
        assertEquals("dicom_ct_512x512x600", b.name());
        assertEquals(DicomCtBench.NAME, b.name());
        VoxelGrid g = b.grid();
        assertArrayEquals(new int[] {512, 512, 600}, new int[] {g.nx(), g.ny(), g.nz()});
        assertEquals(0.98, g.spacingX());
        assertEquals(0.98, g.spacingY());
        assertEquals(1.25, g.spacingZ());
        assertEquals(2L * 512 * 512 * 600, b.pixelBytes(), "int16 pixels: 314.6 MB");

        List<BenchProblem> all = BenchProblems.all();
        BenchProblem last = all.get(all.size() - 1);
        assertEquals(DicomCtBench.NAME, last.name());
        assertTrue(last.isDicomCt());
        assertFalse(last.isTransport() || last.isConvolution());
        assertNull(last.nuclide());
        assertEquals(1, all.stream().filter(BenchProblem::isDicomCt).count());
        assertEquals(List.of(last), BenchProblems.select(List.of("dicom_ct_512x512x600")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenchProblems().build(last, 4));
        assertEquals("dicom_ct_512x512x600 transports nothing; DicomCtBench runs it", e.getMessage());
    }

    @Test
    void aHeapTooSmallForTheVolumeIsRefusedBeforeAnythingRuns() throws Exception {
        DicomCtBench b = new DicomCtBench();
        assertTrue(b.heapBytes() >= b.pixelBytes());
        BadInputException e = assertThrows(BadInputException.class, () -> b.requireHeap(256L << 20));
        assertTrue(e.getMessage().startsWith("dicom_ct_512x512x600 needs a heap of at least "), e.getMessage());
        assertTrue(e.getMessage().endsWith("this Java has 256 MiB: give java -Xmx1g or more (the doseengine script "
                + "gives -Xmx8g)"), e.getMessage());
        b.requireHeap(1L << 30);
    }

    @Test
    void tinySeriesThroughTheSamePathReadsBackTheWrittenHuAndLeavesNoFiles() throws Exception {
        int nx = 32, ny = 32, nz = 20;
        DicomCtBench b = new DicomCtBench(nx, ny, nz, 0.98, 0.98, 1.25, tmp);
        List<ShortVolume> written = new ArrayList<>();
        List<CtSeries> read = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        DicomCtResult r = b.run(progress::add, (w, s) -> {
            written.add(w);
            read.add(s);
        });

        assertEquals("dicom_ct_32x32x20", r.name());
        assertArrayEquals(new int[] {nx, ny, nz}, r.dims());
        assertArrayEquals(new double[] {0.98, 0.98, 1.25}, r.voxelMm());
        assertEquals(2L * nx * ny * nz, r.pixelBytes());
        assertTrue(r.fileBytes() > r.pixelBytes(), "headers on top of the pixels: " + r);
        assertEquals(Runtime.getRuntime().availableProcessors(), r.threads());
        for (double s : new double[] {r.buildSeconds(), r.writeSeconds(), r.scanSeconds(), r.decodeSeconds()}) {
            assertTrue(s > 0 && Double.isFinite(s), r.toString());
        }
        assertEquals(r.scanSeconds() + r.decodeSeconds(), r.readSeconds(), 1e-12);
        assertEquals(r.pixelBytes() / 1e6 / r.readSeconds(), r.readMBps(), 1e-9 * r.readMBps());
        assertEquals(r.pixelBytes() / 1e6 / r.decodeSeconds(), r.decodeMBps(), 1e-9 * r.decodeMBps());
        assertTrue(r.writeMBps() > 0, r.toString());
        assertEquals(2, progress.size(), progress.toString());
        assertTrue(progress.get(0).startsWith("wrote 20 files, "), progress.toString());
        assertTrue(progress.get(1).startsWith("scan "), progress.toString());

        // The read volume holds exactly the HU written, on the written grid.
        ShortVolume w = written.get(0);
        ShortVolume back = assertInstanceOf(ShortVolume.class, read.get(0).hu());
        VoxelGrid g = back.grid();
        assertArrayEquals(new int[] {nx, ny, nz}, new int[] {g.nx(), g.ny(), g.nz()});
        assertEquals(0.98, g.spacingX(), 1e-9);
        assertEquals(1.25, g.spacingZ(), 1e-9);
        assertArrayEquals(w.data(), back.data());
        assertEquals("bench", read.get(0).seriesDescription());

        assertEquals(List.of(), entries(tmp), "the temporary folder is deleted");
    }

    @Test
    void theSeriesHoldsAirSoftTissueFatBoneAndLung() {
        short[] d = new DicomCtBench(64, 64, 20, 7.8, 7.8, 1.25, tmp).body().data();
        int air = 0, tissue = 0, fat = 0, bone = 0, lung = 0;
        for (short v : d) {
            int n = DicomCtBench.NOISE_HU;
            air += v <= DicomCtBench.AIR + n ? 1 : 0;
            tissue += Math.abs(v - DicomCtBench.SOFT_TISSUE) <= n ? 1 : 0;
            fat += Math.abs(v - DicomCtBench.ADIPOSE) <= n ? 1 : 0;
            bone += v >= DicomCtBench.CANCELLOUS - n ? 1 : 0;
            lung += Math.abs(v - DicomCtBench.LUNG) <= n ? 1 : 0;
            assertTrue(v >= -1024 && v <= DicomCtBench.CORTICAL + n, "HU " + v);
        }
        for (int count : new int[] {air, tissue, fat, bone, lung}) {
            assertTrue(count > 0, "air " + air + ", tissue " + tissue + ", fat " + fat + ", bone " + bone + ", lung "
                    + lung);
        }
        assertEquals(d.length, air + tissue + fat + bone + lung, "nothing else");
        assertTrue(tissue > lung && lung > bone, "soft tissue dominates the body");
        // The noise is deterministic and spans its whole range.
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            min = Math.min(min, DicomCtBench.noise(i));
            max = Math.max(max, DicomCtBench.noise(i));
        }
        assertEquals(-DicomCtBench.NOISE_HU, min);
        assertEquals(DicomCtBench.NOISE_HU, max);
        assertEquals(DicomCtBench.noise(12345), DicomCtBench.noise(12345));
    }

    @Test
    void theTemporaryFolderIsDeletedWhenTheRunFails() throws Exception {
        DicomCtBench b = new DicomCtBench(16, 16, 4, 0.98, 0.98, 1.25, tmp);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.run(line -> {}, (w, s) -> {
            throw new IllegalStateException("stop after the read");
        }));
        assertEquals("stop after the read", e.getMessage());
        assertEquals(List.of(), entries(tmp), "nothing left behind");
    }
}
