package doseengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.io.ImageFiles;
import doseengine.geometry.io.dicom.ActivityImage;
import doseengine.geometry.io.dicom.ActivityImageReader;
import doseengine.geometry.io.dicom.CtSeriesWriter;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.NmImageWriter;
import doseengine.geometry.io.dicom.RtStructWriter;
import doseengine.geometry.io.dicom.Uids;
import doseengine.io.LabelNamesJson;
import doseengine.physics.decay.NuclideCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A treatment study whose time points are DICOM: the synthetic patient of {@code phantom torso_study} exported as
 * a CT series, an RT Structure Set and one quantitative SPECT (NM, Bq/ml) per time point, acquired at the study's
 * times. The same study with the SPECT values written as NIfTI (read back by the DICOM reader, so that both studies
 * hold exactly what the 16-bit files hold), the CT and the label image must give the same time-integrated
 * activities (1e-6 relative: the sums are the same numbers in another order) and, with one seed, the same doses
 * (1e-5: the same histories from activity maps equal to the last bit of a float).
 */
class StudyDicomTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDateTime INJECTION = LocalDateTime.of(2026, 3, 2, 9, 30);
    static final double[] HOURS = {4, 24, 96, 168};

    @TempDir
    Path tmp;

    @Test
    void dicomTimePointsGiveTheStudyOfTheSameImagesAsNifti() throws IOException {
        Path patient = tmp.resolve("patient");
        CliRunner.Outcome p = CliRunner.run("phantom", "torso_study", "--out", patient.toString(), "--voxel-mm", "8");
        assertEquals(0, p.exitCode(), p.err());

        ShortVolume ct = (ShortVolume) ImageFiles.read(patient.resolve("ct.nii.gz"));
        ShortVolume labels = (ShortVolume) ImageFiles.read(patient.resolve("labels.nii.gz"));
        Map<Integer, String> names = LabelNamesJson.read(patient.resolve("labels.json"));
        LabelMap map = new LabelMap(labels, names);
        DicomReference ref = DicomReference.anonymous(Uids.fresh(), Uids.fresh(), "torso-study", "torso study");
        Path dcm = tmp.resolve("dicom");
        Files.createDirectories(dcm.resolve("ct"));
        CtSeriesWriter.CtSeries series = CtSeriesWriter.write(dcm.resolve("ct"), ct, ref, "torso CT");
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        names.forEach((v, n) -> masks.put(n, map.maskOf(v)));
        RtStructWriter.write(dcm.resolve("rs.dcm"), ct.grid(), RtStructWriter.structures(masks, "ORGAN"), ref,
                series.reference(), "torso");

        ObjectNode dicomStudy = study();
        ObjectNode niftiStudy = study();
        double halfLife = NuclideCatalog.get("Lu-177").halfLifeSeconds();
        for (int t = 0; t < HOURS.length; t++) {
            String folder = String.format("t%03dh", (int) HOURS[t]);
            FloatVolume mbq = ImageFiles.read(patient.resolve(folder).resolve("activity.nii.gz")).toFloat();
            float[] c = new float[mbq.data().length];
            double ml = mbq.grid().voxelVolumeCm3();
            for (int v = 0; v < c.length; v++) {
                c[v] = (float) (mbq.data()[v] * 1e6 / ml);
            }
            LocalDateTime acquired = INJECTION.plusMinutes(Math.round(HOURS[t] * 60));
            Path nm = dcm.resolve(folder).resolve("nm.dcm");
            Files.createDirectories(nm.getParent());
            NmImageWriter.write(nm, new FloatVolume(mbq.grid(), c), ref, "SPECT " + folder, acquired,
                    new NmImageWriter.Radiopharmaceutical("Lu-177", null, "DOTATATE", INJECTION, 7400, halfLife));
            ActivityImage read = ActivityImageReader.read(nm, null, ActivityImageReader.Options.none());
            Path asNifti = tmp.resolve("nifti").resolve(folder).resolve("activity.nii.gz");
            Files.createDirectories(asNifti.getParent());
            ImageFiles.write(asNifti, read.bqPerMl());

            timePoint(dicomStudy, acquired).put("ct", dcm.resolve("ct").toString())
                    .put("activity", nm.toString()).put("structures", dcm.resolve("rs.dcm").toString());
            timePoint(niftiStudy, acquired).put("ct", patient.resolve("ct.nii.gz").toString())
                    .put("activity", asNifti.toString()).put("activity_unit", "Bq/ml")
                    .put("labels", patient.resolve("labels.nii.gz").toString());
        }
        JsonNode a = runStudy(dicomStudy, "dicom");
        JsonNode b = runStudy(niftiStudy, "nifti");

        JsonNode sa = a.get("cycles").get(0).get("structures");
        JsonNode sb = b.get("cycles").get(0).get("structures");
        assertEquals(sb.size(), sa.size());
        assertEquals(names.size(), sa.size());
        for (int s = 0; s < sa.size(); s++) {
            String name = sb.get(s).get("name").asText();
            assertEquals(name, sa.get(s).get("name").asText());
            assertEquals(sb.get(s).get("fit_model").asText(), sa.get(s).get("fit_model").asText(), name);
            double tia = sb.get(s).get("tia_MBq_h").asDouble();
            assertEquals(tia, sa.get(s).get("tia_MBq_h").asDouble(), 1e-6 * Math.abs(tia), name);
            double dose = sb.get(s).get("mean_Gy").asDouble();
            assertEquals(dose, sa.get(s).get("mean_Gy").asDouble(), 1e-5 * dose, name);
        }
    }

    private JsonNode runStudy(ObjectNode study, String name) throws IOException {
        Path file = tmp.resolve(name + ".json");
        JSON.writeValue(file.toFile(), study);
        Path out = tmp.resolve("out-" + name);
        CliRunner.Outcome o = CliRunner.run("study", file.toString(), "--out", out.toString(), "--decays", "20000",
                "--seed", "5", "--threads", "2", "--backend", "java");
        assertEquals(0, o.exitCode(), o.err());
        if (name.equals("dicom")) {
            assertTrue(o.err().contains("CT read from DICOM"), o.err());
            assertTrue(Files.size(out.resolve("C1").resolve("dose.dcm")) > 0, "a DICOM CT's cycle gets its RT Dose");
        } else {
            assertTrue(Files.notExists(out.resolve("C1").resolve("dose.dcm")));
        }
        return JSON.readTree(out.resolve("study.json").toFile());
    }

    private static ObjectNode study() {
        ObjectNode root = JSON.createObjectNode();
        root.put("nuclide", "Lu-177");
        root.put("method", "organ");
        ArrayNode cycles = root.putArray("cycles");
        ObjectNode c = cycles.addObject();
        c.put("name", "C1");
        c.put("administered_MBq", 7400);
        c.put("injection", INJECTION.toString());
        c.putArray("time_points");
        return root;
    }

    private static ObjectNode timePoint(ObjectNode study, LocalDateTime acquired) {
        ObjectNode tp = ((ArrayNode) study.get("cycles").get(0).get("time_points")).addObject();
        tp.put("acquired", acquired.toString());
        return tp;
    }
}
