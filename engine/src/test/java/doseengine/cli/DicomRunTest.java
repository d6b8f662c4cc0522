package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.geometry.io.ImageFiles;
import doseengine.geometry.io.dicom.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DICOM path of {@code run} end to end, on the torso phantom written both ways by {@code phantom}: as NIfTI and
 * as DICOM (CT series, SPECT in Bq/ml on the CT grid, RT Structure Set). Same seed, same decays: the two runs must
 * give the same organ statistics, and the RT Dose written back must overlay the CT where the NIfTI dose is.
 */
class DicomRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TRANSPORT = {"--nuclide", "Lu-177", "--tia-hours", "100", "--decays", "20000",
        "--seed", "7", "--threads", "2", "--backend", "java"};

    @TempDir
    static Path tmp;
    static Path nifti;
    static Path dicom;

    @BeforeAll
    static void writePhantoms() {
        nifti = tmp.resolve("nifti");
        dicom = tmp.resolve("dicom");
        assertEquals(0, CliRunner.run("phantom", "torso", "--voxel-mm", "8", "--out", nifti.toString()).exitCode());
        CliRunner.Outcome o = CliRunner.run("phantom", "torso", "--voxel-mm", "8", "--format", "dicom",
                "--spect-voxels", "1", "--out", dicom.toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("doseengine run --ct"), o.out());
    }

    /**
     * Organ by organ, the DICOM run equals the NIfTI run of the same CT, structures and activity. The activity of
     * the NIfTI run is what the SPECT file holds, as pydicom reads it (stored values x the Real World Value Mapping
     * slope, in Bq/ml): the SPECT stores 16 bits, and what 16 bits cannot hold is the file's, not the reader's.
     * Voxel counts and masses are exact: the CT is stored in whole HU as the phantom's, and the RTSTRUCT's
     * voxel-edge outlines rasterise back to the label masks. Means agree to 1e-5 relative: both runs sample the
     * same seed from activity maps that differ at most in the last bit of a float, so the histories are the same
     * and only the float sums of the conversions differ.
     */
    @Test
    void dicomRunGivesTheNiftiRunsOrganDoses() throws IOException {
        Path outN = tmp.resolve("run-nifti");
        Path outD = tmp.resolve("run-dicom");
        Files.writeString(dicom.resolve("ct").resolve("README.txt"), "not DICOM");
        Path spectAsNifti = tmp.resolve("spect-bq-per-ml.nii.gz");
        writeSpectAsPydicomReadsIt(spectAsNifti);
        CliRunner.Outcome n = CliRunner.run(concat(new String[] {"run", "--ct", nifti.resolve("ct.nii.gz").toString(),
            "--activity", spectAsNifti.toString(), "--labels", nifti.resolve("labels.nii.gz").toString(),
            "--activity-unit", "Bq/ml", "--out", outN.toString()}, TRANSPORT));
        assertEquals(0, n.exitCode(), n.err());
        CliRunner.Outcome d = CliRunner.run(concat(new String[] {"run", "--ct", dicom.resolve("ct").toString(),
            "--activity", dicom.resolve("spect/nm.dcm").toString(), "--rtstruct",
            dicom.resolve("rtstruct.dcm").toString(), "--out", outD.toString()}, TRANSPORT));
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.err().contains("skipped 1 non-DICOM file"), d.err());
        Files.delete(dicom.resolve("ct").resolve("README.txt"));

        JsonNode jn = JSON.readTree(outN.resolve("organs.json").toFile());
        JsonNode jd = JSON.readTree(outD.resolve("organs.json").toFile());
        assertEquals(jn.get("tia_MBq_h").asDouble(), jd.get("tia_MBq_h").asDouble(),
                1e-6 * jn.get("tia_MBq_h").asDouble());
        assertEquals(jn.get("labels").size(), jd.get("labels").size());
        for (int c = 0; c < jn.get("labels").size(); c++) {
            JsonNode a = jn.get("labels").get(c);
            JsonNode b = jd.get("labels").get(c);
            String name = a.get("name").asText();
            assertEquals(name, b.get("name").asText());
            assertEquals(a.get("voxels").asInt(), b.get("voxels").asInt(), name);
            assertEquals(a.get("mass_g").asDouble(), b.get("mass_g").asDouble(), 1e-9 * a.get("mass_g").asDouble(), name);
            double mean = a.get("mean_Gy").asDouble();
            assertEquals(mean, b.get("mean_Gy").asDouble(), 1e-5 * mean, name);
        }
        assertTrue(jd.get("inputs").toString().contains("radiopharmaceutical"), jd.get("inputs").toString());
        assertTrue(Files.size(outD.resolve("dose.dcm")) > 0);
        assertTrue(Files.size(outD.resolve("uncertainty.dcm")) > 0);
        assertFalse(Files.exists(outN.resolve("dose.dcm")), "a NIfTI CT gets RT Dose only with --dicom-out");

        assertRtDoseOverlaysTheCt(outD);
    }

    /** The SPECT's Bq/ml as pydicom computes them, on the phantom's grid (the CT's, at --spect-voxels 1). */
    private static void writeSpectAsPydicomReadsIt(Path file) throws IOException {
        Path raw = tmp.resolve("spect.f64");
        ExternalTools.python("""
                import sys, numpy as np, pydicom
                d = pydicom.dcmread(sys.argv[1])
                m = d.RealWorldValueMappingSequence[0]
                assert m.MeasurementUnitsCodeSequence[0].CodeValue == 'Bq/ml'
                a = d.pixel_array.astype(np.float64) * float(m.RealWorldValueSlope) + float(m.RealWorldValueIntercept)
                a.astype('<f8').tofile(sys.argv[2])
                """, dicom.resolve("spect/nm.dcm").toString(), raw.toString());
        VoxelGrid g = ImageFiles.read(nifti.resolve("ct.nii.gz")).grid();
        java.nio.DoubleBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(raw))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        assertEquals(g.voxelCount(), b.remaining());
        float[] v = new float[b.remaining()];
        for (int x = 0; x < v.length; x++) {
            v[x] = (float) b.get(x);
        }
        ImageFiles.write(file, new FloatVolume(g, v));
    }

    /**
     * pydicom, not the engine, reads dose.dcm and the CT: the RT Dose is in the CT's study and frame of reference,
     * and the patient position of its largest value (Image Position + column/row steps + Grid Frame Offset along the
     * normal) is the position of the largest voxel of dose.nii.gz, with the same dose within the 32-bit step.
     */
    private void assertRtDoseOverlaysTheCt(Path out) {
        String[] ct = ExternalTools.python("""
                import sys, glob, pydicom
                ct = pydicom.dcmread(sorted(glob.glob(sys.argv[1] + '/*.dcm'))[0])
                d = pydicom.dcmread(sys.argv[2])
                print(d.StudyInstanceUID == ct.StudyInstanceUID, d.FrameOfReferenceUID == ct.FrameOfReferenceUID)
                """, dicom.resolve("ct").toString(), out.resolve("dose.dcm").toString()).stdout().trim().split("\\s+");
        assertEquals(List.of("True", "True"), Arrays.asList(ct));
        String[] f = hottestRtDoseVoxel(out.resolve("dose.dcm"));
        assertEquals(List.of("GY", "PHYSICAL"), Arrays.asList(f).subList(0, 2));
        assertHottestAt(out, f, 2);
    }

    /**
     * pydicom's reading of an RT Dose: units, type, the largest dose and its patient position (Image Position +
     * column/row steps + Grid Frame Offset along the normal of Image Orientation).
     */
    private static String[] hottestRtDoseVoxel(Path file) {
        return ExternalTools.python("""
                import sys, numpy as np, pydicom
                d = pydicom.dcmread(sys.argv[1])
                a = d.pixel_array.astype(np.float64) * float(d.DoseGridScaling)
                if a.ndim == 2:
                    a = a[np.newaxis]
                k, j, i = np.unravel_index(np.argmax(a), a.shape)
                row = np.array(d.ImageOrientationPatient[:3], float)
                col = np.array(d.ImageOrientationPatient[3:], float)
                n = np.cross(row, col)
                p = (np.array(d.ImagePositionPatient, float) + i * float(d.PixelSpacing[1]) * row
                     + j * float(d.PixelSpacing[0]) * col + float(d.GridFrameOffsetVector[k]) * n)
                print(d.DoseUnits, d.DoseType, repr(a.max()), repr(p[0]), repr(p[1]), repr(p[2]))
                """, file.toString()).stdout().trim().split("\\s+");
    }

    /** The hottest voxel of dose.nii.gz has pydicom's largest RT Dose value, at pydicom's position. */
    private static void assertHottestAt(Path out, String[] f, int from) {
        FloatVolume dose = ImageFiles.read(out.resolve("dose.nii.gz")).toFloat();
        float[] v = dose.data();
        int best = 0;
        for (int x = 1; x < v.length; x++) {
            if (v[x] > v[best]) {
                best = x;
            }
        }
        VoxelGrid g = dose.grid();
        double[] p = g.indexToWorld(best % g.nx(), (best / g.nx()) % g.ny(), best / (g.nx() * g.ny()));
        assertEquals(v[best], Double.parseDouble(f[from]), 1e-6 * v[best]);
        for (int a = 0; a < 3; a++) {
            assertEquals(p[a], Double.parseDouble(f[from + 1 + a]), 1e-3, String.format(Locale.ROOT, "axis %d", a));
        }
    }

    /**
     * --structures keeps the named ROIs in the order given; a SPECT whose radiopharmaceutical is not the run's
     * nuclide is a warning line (the run goes on with --nuclide); the radiopharmaceutical is in organs.json.
     */
    @Test
    void structuresSubsetAndNuclideWarning() throws IOException {
        Path out = tmp.resolve("run-subset");
        String[] transport = TRANSPORT.clone();
        transport[1] = "Y-90";
        transport[5] = "2000";
        CliRunner.Outcome o = CliRunner.run(concat(new String[] {"run", "--ct", dicom.resolve("ct").toString(),
            "--activity", dicom.resolve("spect/nm.dcm").toString(), "--rtstruct",
            dicom.resolve("rtstruct.dcm").toString(), "--structures", "tumour_1,liver", "--out", out.toString()},
            transport));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.err().lines().anyMatch(l -> l.startsWith("warning: the DICOM radiopharmaceutical")
                && l.contains("Lu-177") && l.contains("Y-90")), o.err());
        JsonNode j = JSON.readTree(out.resolve("organs.json").toFile());
        assertEquals(2, j.get("labels").size());
        assertEquals("tumour_1", j.get("labels").get(0).get("name").asText());
        assertEquals("liver", j.get("labels").get(1).get("name").asText());
        assertTrue(j.get("inputs").get("radiopharmaceutical").asText().startsWith("Lu-177"), j.get("inputs").toString());

        CliRunner.Outcome unknown = CliRunner.run(concat(new String[] {"run", "--ct", dicom.resolve("ct").toString(),
            "--activity", dicom.resolve("spect/nm.dcm").toString(), "--rtstruct",
            dicom.resolve("rtstruct.dcm").toString(), "--structures", "pancreas", "--out",
            tmp.resolve("none").toString()}, TRANSPORT));
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("pancreas") && unknown.err().contains("liver"), unknown.err());
    }

    /**
     * --dicom-out on a NIfTI CT writes the RT Dose in a new study; a CT whose slices run against the normal (a
     * left-handed grid) gets its frames in reverse order, and pydicom finds the hottest voxel where the NIfTI has
     * it.
     */
    @Test
    void dicomOutOnALeftHandedNiftiCt() throws IOException {
        Path flipped = tmp.resolve("flipped");
        Files.createDirectories(flipped);
        for (String name : new String[] {"ct", "activity"}) {
            doseengine.geometry.Volume v = ImageFiles.read(nifti.resolve(name + ".nii.gz"));
            VoxelGrid g = v.grid();
            double[] m = g.direction();
            for (int r = 0; r < 3; r++) {
                m[3 * r + 2] = -m[3 * r + 2];
            }
            VoxelGrid lh = new VoxelGrid(g.nx(), g.ny(), g.nz(), g.spacingX(), g.spacingY(), g.spacingZ(),
                    g.indexToWorld(0, 0, g.nz() - 1), m);
            float[] src = v.toFloat().data();
            float[] dst = new float[src.length];
            int slice = g.nx() * g.ny();
            for (int k = 0; k < g.nz(); k++) {
                System.arraycopy(src, k * slice, dst, (g.nz() - 1 - k) * slice, slice);
            }
            ImageFiles.write(flipped.resolve(name + ".nii.gz"), new FloatVolume(lh, dst));
        }
        Path out = tmp.resolve("run-dicom-out");
        String[] transport = TRANSPORT.clone();
        transport[5] = "5000";
        CliRunner.Outcome o = CliRunner.run(concat(new String[] {"run", "--ct", flipped.resolve("ct.nii.gz").toString(),
            "--activity", flipped.resolve("activity.nii.gz").toString(), "--activity-unit", "MBq", "--dicom-out",
            "--out", out.toString()}, transport));
        assertEquals(0, o.exitCode(), o.err());
        String[] f = hottestRtDoseVoxel(out.resolve("dose.dcm"));
        assertEquals(List.of("GY", "PHYSICAL"), Arrays.asList(f).subList(0, 2));
        assertHottestAt(out, f, 2);
        // The CT goes beside it as a DICOM series in the dose's study and frame of reference, for the viewer.
        String[] same = ExternalTools.python("""
                import sys, glob, pydicom
                cts = sorted(glob.glob(sys.argv[1] + '/*.dcm'))
                ct = pydicom.dcmread(cts[0])
                d = pydicom.dcmread(sys.argv[2])
                print(len(cts), d.StudyInstanceUID == ct.StudyInstanceUID, d.FrameOfReferenceUID == ct.FrameOfReferenceUID)
                """, out.resolve("ct_dicom").toString(), out.resolve("dose.dcm").toString()).stdout().trim()
                .split("\\s+");
        assertEquals(List.of(String.valueOf(ImageFiles.read(flipped.resolve("ct.nii.gz")).grid().nz()), "True", "True"),
                Arrays.asList(same));
    }

    /** The listing shows the three series of the export, in one frame of reference, and no skipped file. */
    @Test
    void dicomListsTheSeriesOfAnExport() {
        CliRunner.Outcome o = CliRunner.run("dicom", dicom.toString());
        assertEquals(0, o.exitCode(), o.err());
        List<String> series = o.out().lines().filter(l -> l.matches("\\s+(CT|NM|RTSTRUCT)\\s+A\\s.*")).toList();
        assertEquals(3, series.size(), o.out());
        assertTrue(o.out().contains("torso CT") && o.out().contains("torso SPECT"), o.out());
        assertFalse(o.out().contains("note:"), o.out());
        CliRunner.Outcome none = CliRunner.run("dicom", nifti.toString());
        assertEquals(2, none.exitCode(), none.out());
    }

    /** Each bad input: exit 2, one line naming the problem, and no output folder. */
    @Test
    void badDicomInputsAreRefusedInOneLineWithNothingWritten() throws IOException {
        Path ct = dicom.resolve("ct");
        Path nm = dicom.resolve("spect/nm.dcm");
        Path rs = dicom.resolve("rtstruct.dcm");

        Path missing = copyDir(ct, tmp.resolve("ct-missing"));
        List<Path> slices;
        try (Stream<Path> s = Files.list(missing)) {
            slices = s.sorted().toList();
        }
        Files.delete(slices.get(slices.size() / 2));
        refused(List.of("run", "--ct", missing.toString(), "--activity", nm.toString()), "spacing");

        Path otherFrame = tmp.resolve("rs-other-frame.dcm");
        ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                d.ReferencedFrameOfReferenceSequence[0].FrameOfReferenceUID = '2.25.1'
                for r in d.StructureSetROISequence:
                    r.ReferencedFrameOfReferenceUID = '2.25.1'
                d.save_as(sys.argv[2])
                """, rs.toString(), otherFrame.toString());
        refused(List.of("run", "--ct", ct.toString(), "--activity", nm.toString(), "--rtstruct",
                otherFrame.toString()), "frame of reference");

        Path counts = tmp.resolve("nm-counts.dcm");
        ExternalTools.python("""
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                del d.RealWorldValueMappingSequence
                d.Units = 'CNTS'
                d.ActualFrameDuration = 20000
                d.save_as(sys.argv[2])
                """, nm.toString(), counts.toString());
        refused(List.of("run", "--ct", ct.toString(), "--activity", counts.toString()), "--calibration-factor");

        Path two = copyDir(ct, tmp.resolve("two-series"));
        Path second = copyDir(ct, tmp.resolve("second"));
        ExternalTools.python("""
                import sys, glob, os, pydicom
                for f in glob.glob(sys.argv[1] + '/*.dcm'):
                    d = pydicom.dcmread(f)
                    d.SeriesInstanceUID = '2.25.42'
                    d.SOPInstanceUID = d.SOPInstanceUID + '.1'
                    d.save_as(os.path.join(sys.argv[2], 'b-' + os.path.basename(f)))
                """, second.toString(), two.toString());
        refused(List.of("run", "--ct", two.toString(), "--activity", nm.toString()), "--ct-series");

        Path truncated = copyDir(ct, tmp.resolve("ct-truncated"));
        Path slice = truncated.resolve(slices.get(3).getFileName());
        byte[] bytes = Files.readAllBytes(slice);
        Files.write(slice, Arrays.copyOf(bytes, bytes.length - 100));
        refused(List.of("run", "--ct", truncated.toString(), "--activity", nm.toString()), "truncated");
    }

    private void refused(List<String> args, String expected) {
        Path out = tmp.resolve("refused-out");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--out", out.toString()));
        all.addAll(List.of(TRANSPORT));
        CliRunner.Outcome o = CliRunner.run(all.toArray(String[]::new));
        assertEquals(2, o.exitCode(), o.err());
        List<String> lines = o.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).contains(expected), lines.get(0));
        assertFalse(Files.exists(out), "nothing written for " + args);
    }

    private static Path copyDir(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
