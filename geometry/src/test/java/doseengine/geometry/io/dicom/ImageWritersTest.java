package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RT Dose, CT and NM files as pydicom reads them: values after the file's own scaling equal ours within the
 * quantisation (half a step of the scaling: max/65535/2 for 16 bits, max/4294967295/2 for 32 bits, plus 1e-9 of
 * the maximum for the decimal text of the scaling); CT numbers exactly. dcmdump and dciodvfy accept the files.
 */
class ImageWritersTest {
    /** pydicom's values after scaling minus ours (frames x rows x columns = k, j, i): the largest absolute. */
    private static final String COMPARE = """
            import sys, numpy as np, pydicom
            d = pydicom.dcmread(sys.argv[1])
            ours = np.fromfile(sys.argv[2], dtype='<f4').astype(np.float64).reshape(d.NumberOfFrames, d.Rows, d.Columns)
            scale = float(d.DoseGridScaling) if 'DoseGridScaling' in d else float(d.RescaleSlope)
            theirs = d.pixel_array.astype(np.float64) * scale
            print(np.abs(theirs - ours).max())
            print(scale)
            """;

    @TempDir
    Path dir;

    private static FloatVolume dose(VoxelGrid g) {
        float[] f = new float[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double r2 = (i - 9.3) * (i - 9.3) / 30 + (j - 11.1) * (j - 11.1) / 20 + (k - 2.2) * (k - 2.2) / 4;
                    f[g.flatIndex(i, j, k)] = i == 0 ? 0f : (float) (37.25 * Math.exp(-r2) + 1e-3 * j);
                }
            }
        }
        return new FloatVolume(g, f);
    }

    private Path raw(FloatVolume v) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(4 * v.data().length).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(v.data());
        Path p = Files.createTempFile(dir, "values", ".f32");
        Files.write(p, bb.array());
        return p;
    }

    private static double max(FloatVolume v) {
        double m = 0;
        for (float x : v.data()) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double[] numbers(String line) {
        return Arrays.stream(line.trim().split("[ ,\\[\\]]+")).filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void rtDose16And32BitsReadByPydicomWithinQuantisation() throws IOException {
        VoxelGrid g = WriterFixtures.grid();
        FloatVolume dose = dose(g);
        double max = max(dose);
        for (int bits : new int[] {16, 32}) {
            Path file = dir.resolve("dose" + bits + ".dcm");
            RtDoseWriter.write(file, dose, WriterFixtures.reference(), "MC dose", bits, RtDoseWriter.DoseType.PHYSICAL);
            String[] out = ExternalTools.python(COMPARE, file.toString(), raw(dose).toString()).stdout().split("\n");
            double error = Double.parseDouble(out[0]), scaling = Double.parseDouble(out[1]);
            double top = bits == 16 ? 65535.0 : 4294967295.0;
            assertEquals(max / top, scaling, 1e-9 * max / top, bits + " bits: scaling maps the maximum to the top");
            double tolerance = scaling / 2 + 1e-9 * max;
            System.out.printf("RT Dose %d bits: largest |pydicom - ours| %.3g Gy, tolerance %.3g Gy%n", bits, error,
                    tolerance);
            assertTrue(error <= tolerance, bits + " bits: error " + error + " > " + tolerance);
        }
        Path file = dir.resolve("dose16.dcm");
        String geometry = ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                print(list(map(float, d.ImagePositionPatient)))
                print(list(map(float, d.ImageOrientationPatient)))
                print(list(map(float, d.PixelSpacing)), float(d.SliceThickness))
                print(list(map(float, d.GridFrameOffsetVector)))
                print(d.FrameIncrementPointer == 0x3004000C, d.Modality, d.DoseUnits, d.DoseType, d.DoseSummationType,
                      d.BitsAllocated, d.PixelRepresentation, d.Manufacturer, d.SeriesDescription,
                      d.FrameOfReferenceUID == sys.argv[2], d.StudyInstanceUID == sys.argv[3], d.PatientID)
                """, file.toString(), WriterFixtures.reference().frameOfReferenceUid(),
                WriterFixtures.reference().studyInstanceUid()).stdout();
        String[] lines = geometry.split("\n");
        assertArrayEquals(g.indexToWorld(0, 0, 0), numbers(lines[0]), 1e-6);
        double[] dir0 = g.direction();
        assertArrayEquals(new double[] {dir0[0], dir0[3], dir0[6], dir0[1], dir0[4], dir0[7]}, numbers(lines[1]), 1e-9);
        assertArrayEquals(new double[] {g.spacingY(), g.spacingX(), g.spacingZ()}, numbers(lines[2]), 1e-12);
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10, 12.5}, numbers(lines[3]), 1e-12);
        assertEquals("True RTDOSE GY PHYSICAL ADMINISTRATION 16 0 doseengine MC dose True True PH-1", lines[4].trim());
        Validators.dcmdump(file, null);
        Validators.dciodvfy(file);
    }

    @Test
    void rtDoseErrorMapIsDoseTypeError() throws IOException {
        VoxelGrid g = WriterFixtures.grid();
        Path file = dir.resolve("sigma.dcm");
        RtDoseWriter.write(file, dose(g), WriterFixtures.reference(), "MC 1 sigma", 16, RtDoseWriter.DoseType.ERROR);
        assertEquals("ERROR", DicomFile.read(file).dataset().string(Tag.DOSE_TYPE));
        Validators.dcmdump(file, "(3004,0004)");
        Validators.dciodvfy(file);
    }

    @Test
    void rtDoseRefusesLeftHandedGridsNanAndNegativeDose() {
        VoxelGrid g = WriterFixtures.grid();
        double[] d = g.direction();
        d[2] = -d[2];
        d[5] = -d[5];
        d[8] = -d[8];
        VoxelGrid left = new VoxelGrid(g.nx(), g.ny(), g.nz(), 1, 1, 1, g.origin(), d);
        DicomException e = assertThrows(DicomException.class, () -> RtDoseWriter.write(dir.resolve("l.dcm"),
                dose(left), WriterFixtures.reference(), "x", 16, RtDoseWriter.DoseType.PHYSICAL));
        assertTrue(e.getMessage().contains("left-handed"), e.getMessage());
        for (float bad : new float[] {Float.NaN, -0.5f, Float.POSITIVE_INFINITY}) {
            FloatVolume v = dose(g);
            v.set(3, 4, 5, bad);
            DicomException b = assertThrows(DicomException.class, () -> RtDoseWriter.write(dir.resolve("b.dcm"), v,
                    WriterFixtures.reference(), "x", 32, RtDoseWriter.DoseType.PHYSICAL));
            assertTrue(b.getMessage().contains("(3, 4, 5)") && b.getMessage().contains("b.dcm"), b.getMessage());
        }
        assertTrue(!Files.exists(dir.resolve("b.dcm")) && !Files.exists(dir.resolve("l.dcm")));
    }

    @Test
    void ctSeriesReadByPydicomGivesTheHuExactly() {
        VoxelGrid g = WriterFixtures.grid();
        short[] hu = new short[g.voxelCount()];
        for (int v = 0; v < hu.length; v++) {
            hu[v] = (short) ((v * 37) % 4096 - 1024);
        }
        hu[0] = Short.MIN_VALUE;
        hu[hu.length - 1] = Short.MAX_VALUE;
        ShortVolume ct = new ShortVolume(g, hu);
        CtSeriesWriter.CtSeries series = CtSeriesWriter.write(dir.resolve("ct"), ct, WriterFixtures.reference(), "CT");
        assertEquals(g.nz(), series.files().size());
        StringBuilder args = new StringBuilder();
        String out = ExternalTools.python("""
                import sys, numpy as np, pydicom
                files = sys.argv[1:]
                for f in files:
                    d = pydicom.dcmread(f)
                    hu = d.pixel_array.astype(np.int64) * int(d.RescaleSlope) + int(d.RescaleIntercept)
                    print(d.InstanceNumber, d.SOPInstanceUID, ' '.join(map(str, map(float, d.ImagePositionPatient))),
                          float(d.SliceLocation), ' '.join(map(str, hu.ravel().tolist())))
                """, series.files().stream().map(Path::toString).toArray(String[]::new)).stdout();
        String[] lines = out.strip().split("\n");
        double[] normal = DerivedModules.normal(g.direction());
        int slice = g.nx() * g.ny();
        for (int k = 0; k < g.nz(); k++) {
            String[] p = lines[k].split(" ");
            assertEquals(k + 1, Integer.parseInt(p[0]));
            assertEquals(series.sopInstanceUids().get(k), p[1]);
            double[] ipp = {Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4])};
            assertArrayEquals(g.indexToWorld(0, 0, k), ipp, 1e-6);
            assertEquals(ipp[0] * normal[0] + ipp[1] * normal[1] + ipp[2] * normal[2], Double.parseDouble(p[5]), 1e-6);
            short[] theirs = new short[slice];
            for (int v = 0; v < slice; v++) {
                theirs[v] = Short.parseShort(p[6 + v]);
            }
            assertArrayEquals(Arrays.copyOfRange(hu, k * slice, (k + 1) * slice), theirs, "slice " + k);
        }
        Validators.dcmdump(series.files().get(0), null);
        for (Path f : series.files()) {
            Validators.dciodvfy(f);
        }
    }

    @Test
    void nmImageReadByPydicomWithinQuantisationAndValidates() throws IOException {
        VoxelGrid g = WriterFixtures.grid();
        FloatVolume activity = dose(g);
        for (int v = 0; v < activity.data().length; v++) {
            activity.data()[v] *= 12345.6f;
        }
        double max = max(activity);
        Path file = dir.resolve("nm.dcm");
        LocalDateTime injection = LocalDateTime.of(2026, 3, 4, 9, 15, 30);
        NmImageWriter.write(file, activity, WriterFixtures.reference(), "SPECT Bq/ml", injection.plusHours(24),
                new NmImageWriter.Radiopharmaceutical("Lu-177", null, "DOTATATE", injection, 7400, 574344));
        String[] out = ExternalTools.python(COMPARE, file.toString(), raw(activity).toString()).stdout().split("\n");
        double error = Double.parseDouble(out[0]), slope = Double.parseDouble(out[1]);
        double tolerance = slope / 2 + 1e-9 * max;
        System.out.printf("NM 16 bits: largest |pydicom - ours| %.3g Bq/ml, tolerance %.3g Bq/ml%n", error, tolerance);
        assertEquals(max / 65535, slope, 1e-9 * max / 65535);
        assertTrue(error <= tolerance, "error " + error + " > " + tolerance);
        String meta = ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                det = d.DetectorInformationSequence[0]
                print(list(map(float, det.ImagePositionPatient)))
                print(list(map(float, det.ImageOrientationPatient)))
                m = d.RealWorldValueMappingSequence[0]
                r = d.RadiopharmaceuticalInformationSequence[0]
                print(d.FrameIncrementPointer == 0x00540080, d.NumberOfFrames, d.NumberOfSlices, list(d.SliceVector),
                      float(d.SpacingBetweenSlices), d.Units, d.DecayCorrection,
                      m.MeasurementUnitsCodeSequence[0].CodeValue, m.MeasurementUnitsCodeSequence[0].CodingSchemeDesignator,
                      float(m.RealWorldValueSlope) == float(d.RescaleSlope), d.AcquisitionDate, d.AcquisitionTime,
                      r.RadiopharmaceuticalStartDateTime, float(r.RadionuclideTotalDose), float(r.RadionuclideHalfLife),
                      d.Modality)
                """, file.toString()).stdout();
        String[] lines = meta.split("\n");
        assertArrayEquals(g.indexToWorld(0, 0, 0), numbers(lines[0]), 1e-6);
        double[] d = g.direction();
        assertArrayEquals(new double[] {d[0], d[3], d[6], d[1], d[4], d[7]}, numbers(lines[1]), 1e-9);
        assertEquals("True 6 6 [1, 2, 3, 4, 5, 6] 2.5 BQML NONE Bq/ml UCUM True 20260305 091530.000 "
                + "20260304091530.000 7400.0 574344.0 NM", lines[2].trim());
        Validators.dcmdump(file, null);
        Validators.dciodvfy(file);
    }

    @Test
    void ctFromFloatsRoundsAndRefusesWhatDoesNotFit() {
        VoxelGrid g = WriterFixtures.grid();
        FloatVolume hu = new FloatVolume(g);
        hu.data()[5] = -1000.4f;
        hu.data()[6] = 1500.6f;
        CtSeriesWriter.CtSeries s = CtSeriesWriter.write(dir.resolve("f"), hu, WriterFixtures.reference(), "CT");
        int[] first = PixelData.frame(DicomFile.read(s.files().get(0)), 0);
        assertEquals(-1000, first[5]);
        assertEquals(1501, first[6]);
        hu.data()[7] = 40000f;
        DicomException e = assertThrows(DicomException.class,
                () -> CtSeriesWriter.write(dir.resolve("g"), hu, WriterFixtures.reference(), "CT"));
        assertTrue(e.getMessage().contains("voxel 7"), e.getMessage());
    }

    @Test
    void nmRefusesNegativeActivity() {
        FloatVolume a = dose(WriterFixtures.grid());
        a.set(1, 1, 1, -1f);
        assertThrows(DicomException.class, () -> NmImageWriter.write(dir.resolve("n.dcm"), a,
                WriterFixtures.reference(), "x", LocalDateTime.now(),
                new NmImageWriter.Radiopharmaceutical("Lu-177", null, null, null, 1, 1)));
    }

    @Test
    void patientOrientationLetters() {
        assertEquals("L", NmImageWriter.letters(1, 0, 0));
        assertEquals("PF", NmImageWriter.letters(0, 0.9, -0.3));
        assertEquals(List.of("RAH"), List.of(NmImageWriter.letters(-0.6, -0.5, 0.3)));
    }
}
