package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPECT (multi-frame NM) and PET (slice series) written by pydicom, read into Bq/ml at acquisition. */
class ActivityImageReaderTest {
    @TempDir
    Path dir;

    @Test
    void nmReconstructionWithRealWorldValueMapping() {
        SeriesFixtures.write("nm", dir);
        ActivityImage a = ActivityImageReader.read(dir, null, ActivityImageReader.Options.none());
        VoxelGrid g = a.bqPerMl().grid();
        assertEquals(16, g.nx());
        assertEquals(12, g.ny());
        assertEquals(6, g.nz());
        assertArrayEquals(new double[] {4.4, 4.8, 4.0}, g.spacing(), 1e-9);
        assertArrayEquals(new double[] {-30, -25, -12}, g.origin(), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 1e-12);
        // frames are stored in slice order 2,1,3,4,6,5: the Slice Vector puts each where it belongs
        assertNmValues(a.bqPerMl());
        assertEquals("NM", a.modality());
        assertEquals("2.25.1234567.2", a.frameOfReferenceUid());
        assertEquals(LocalDateTime.of(2024, 3, 2, 9, 30), a.acquisitionTime());
        Radiopharmaceutical r = a.radiopharmaceutical();
        assertEquals("^177^Lutetium", r.nuclide());
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 0), r.injectionTime());
        assertEquals(7400, r.injectedMBq(), 1e-9);
        assertEquals(574300, r.halfLifeSeconds(), 1e-9);
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("Real World Value Mapping")), a.notes().toString());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("no (0054,1102) Decay Correction")),
                a.notes().toString());
    }

    @Test
    void negativeSpacingBetweenSlicesStacksAgainstTheNormal() {
        SeriesFixtures.write("nm", dir, "-4.0");
        FloatVolume v = ActivityImageReader.read(dir, null, ActivityImageReader.Options.none()).bqPerMl();
        VoxelGrid g = v.grid();
        assertEquals(4.0, g.spacingZ(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, -1}, g.direction(), 1e-12);
        assertArrayEquals(new double[] {-30, -25, -16}, g.indexToWorld(0, 0, 1), 1e-9);
        assertNmValues(v);
    }

    @Test
    void nmWithoutPositionIsRefused() {
        SeriesFixtures.write("nm-no-position", dir);
        String m = assertThrows(DicomException.class,
                () -> ActivityImageReader.read(dir, null, ActivityImageReader.Options.none())).getMessage();
        assertOneLine(m, "(0054,0022) Detector Information Sequence");
    }

    @Test
    void petBqmlCorrectedToAdministrationIsBroughtToAcquisition() {
        SeriesFixtures.write("pet", dir);
        ActivityImage a = ActivityImageReader.read(dir, null, ActivityImageReader.Options.none());
        VoxelGrid g = a.bqPerMl().grid();
        assertEquals(5, g.nz());
        assertEquals(3.27, g.spacingZ(), 1e-9);
        assertArrayEquals(new double[] {-32, -24, 100 - 4 * 3.27}, g.origin(), 1e-9);
        // 2 h from injection (08:00) to the series time (10:00), F-18 half-life 6586.2 s
        double factor = Math.exp(-Math.log(2) * 7200 / 6586.2);
        assertMatchesPydicom(a.bqPerMl(), factor);
        assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0), a.acquisitionTime());
        // PET Isotope Module: Radionuclide Total Dose in Bq (3.7e8 Bq), unlike NM's MBq
        assertEquals(370, a.radiopharmaceutical().injectedMBq(), 1e-9);
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("ADMIN undone") && n.contains(
                String.format(java.util.Locale.ROOT, "%.6f", factor))), a.notes().toString());
    }

    @Test
    void countsNeedACalibration() {
        SeriesFixtures.write("pet-counts", dir);
        String m = assertThrows(DicomException.class,
                () -> ActivityImageReader.read(dir, null, ActivityImageReader.Options.none())).getMessage();
        assertOneLine(m, "CNTS");
        ActivityImage a = ActivityImageReader.read(dir, null,
                new ActivityImageReader.Options(new CountsCalibration(12.5), null));
        double voxelMl = 4 * 4 * 3.27 / 1000;
        double perCount = 1e6 / (120 * 12.5 * voxelMl); // 120 000 ms frames
        assertMatchesPydicom(a.bqPerMl(), perCount);
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("START")), a.notes().toString());
    }

    @Test
    void negativeActivityIsRefused() {
        SeriesFixtures.write("pet-negative", dir);
        String m = assertThrows(DicomException.class,
                () -> ActivityImageReader.read(dir, null, ActivityImageReader.Options.none())).getMessage();
        assertOneLine(m, "negative voxels");
    }

    @Test
    void ctOnlyFolderHasNoActivitySeries() {
        SeriesFixtures.write("ct", dir);
        String m = assertThrows(DicomException.class,
                () -> ActivityImageReader.read(dir, null, ActivityImageReader.Options.none())).getMessage();
        assertOneLine(m, "holds no SPECT (NM RECON) or PET series");
    }

    private static void assertNmValues(FloatVolume v) {
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 12; j++) {
                for (int i = 0; i < 16; i++) {
                    assertEquals(0.25 * SeriesFixtures.activityStored(i, j, k), v.get(i, j, k), 1e-6,
                            "at " + i + "," + j + "," + k);
                }
            }
        }
    }

    /** Each voxel equals pydicom's pixel_array * slope + intercept of the slice at its z, times {@code factor}. */
    private void assertMatchesPydicom(FloatVolume v, double factor) {
        String out = ExternalTools.python("""
                import glob, sys, pydicom
                for p in glob.glob(sys.argv[1] + '/**/*.dcm', recursive=True):
                    d = pydicom.dcmread(p)
                    a = d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept)
                    print(float(d.ImagePositionPatient[2]), ' '.join(repr(float(x)) for x in a.ravel()))
                """, dir.toString()).stdout();
        VoxelGrid g = v.grid();
        List<String> lines = new ArrayList<>(out.lines().toList());
        assertEquals(g.nz(), lines.size());
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            double z = Double.parseDouble(f[0]);
            int k = (int) Math.round(g.worldToIndex(-32, -24, z)[2]);
            assertEquals(z, g.indexToWorld(0, 0, k)[2], 1e-6);
            for (int p = 0; p < g.nx() * g.ny(); p++) {
                double expected = Double.parseDouble(f[1 + p]) * factor;
                assertEquals(expected, v.valueAt(p % g.nx(), p / g.nx(), k), 1e-6 * expected, "slice " + k);
            }
        }
    }

    private static void assertOneLine(String message, String expected) {
        System.out.println(message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), message);
    }
}
