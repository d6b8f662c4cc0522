package doseengine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.io.ImageFiles;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.Structure;
import doseengine.phantoms.TorsoStudy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic patient ({@link TorsoStudy}) as a study folder that {@code doseengine study} reads:
 * <ul>
 *   <li>{@code ct.nii.gz} (HU), {@code labels.nii.gz} and {@code labels.json}: the torso's, once for all time
 *       points;</li>
 *   <li>{@code t004h/activity.nii.gz} .. {@code t168h/activity.nii.gz}: MBq per voxel at 4, 24, 96 and 168 h after
 *       injection, each with an {@code activity.json} that says so;</li>
 *   <li>{@code study.json}: one cycle, the time points in hours, paths relative to it;</li>
 *   <li>{@code truth.json}: per structure the kinetic parameters, the activity at each time point and the analytic
 *       TIA (MBq h); {@code truth_tia.nii.gz} the exact TIA map (MBq h per voxel), with a {@code truth_tia.json}
 *       that says so, so that {@code run} reads it as time-integrated.</li>
 * </ul>
 */
public final class TorsoStudyFolder {
    /** The nuclide of the synthetic patient, as the study file names it. */
    public static final String NUCLIDE = "Lu-177";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TorsoStudyFolder() {}

    /** The folder of the time point at {@code hours}: {@code t004h}, {@code t024h}, ... */
    public static String timePointFolder(double hours) {
        return String.format(Locale.ROOT, "t%03dh", Math.round(hours));
    }

    /** Writes the study into {@code dir} (which exists) and returns the files written, relative to it. */
    public static List<String> write(Path dir, TorsoStudy study) {
        List<String> written = new ArrayList<>();
        Phantom torso = study.torso();
        ImageFiles.write(dir.resolve("ct.nii.gz"), torso.ctHu());
        ImageFiles.write(dir.resolve("labels.nii.gz"), torso.labels().volume());
        LabelNamesJson.write(dir.resolve("labels.json"), labelsDocument(torso));
        written.addAll(List.of("ct.nii.gz", "labels.nii.gz", "labels.json"));

        ObjectNode root = JSON.createObjectNode();
        root.put("nuclide", NUCLIDE);
        root.put("method", "organ");
        ObjectNode cycle = root.putArray("cycles").addObject();
        cycle.put("name", "C1");
        cycle.put("administered_MBq", TorsoStudy.ADMINISTERED_MBQ);
        cycle.put("injection", TorsoStudy.INJECTION);
        ArrayNode points = cycle.putArray("time_points");
        for (double h : TorsoStudy.TIME_POINTS_H) {
            String folder = timePointFolder(h);
            Path tp = dir.resolve(folder);
            createFolder(tp);
            ImageFiles.write(tp.resolve("activity.nii.gz"), study.activityMBq(h));
            ActivityMetadata.write(tp.resolve("activity.json"), "MBq per voxel",
                    String.format(Locale.ROOT, "activity at %s h after injection (%s)", hoursText(h),
                            TorsoStudy.INJECTION), TorsoStudy.ADMINISTERED_MBQ);
            written.add(folder + "/activity.nii.gz");
            written.add(folder + "/activity.json");
            ObjectNode p = points.addObject();
            if (h == Math.rint(h)) {
                p.put("hours", (long) h);
            } else {
                p.put("hours", h);
            }
            p.put("ct", "ct.nii.gz");
            p.put("activity", folder + "/activity.nii.gz");
            p.put("activity_unit", "MBq");
            p.put("labels", "labels.nii.gz");
        }
        writeJson(dir.resolve("study.json"), root);
        written.add("study.json");

        ImageFiles.write(dir.resolve("truth_tia.nii.gz"), study.tiaMBqH());
        ActivityMetadata.write(dir.resolve("truth_tia.json"), "MBq h per voxel",
                "exact time-integrated activity from injection to infinity", TorsoStudy.ADMINISTERED_MBQ);
        writeJson(dir.resolve("truth.json"), truthDocument(study));
        written.addAll(List.of("truth_tia.nii.gz", "truth_tia.json", "truth.json"));
        return written;
    }

    private static ObjectNode truthDocument(TorsoStudy study) {
        ObjectNode root = JSON.createObjectNode();
        root.put("description", "Synthetic patient: the torso phantom with known bi-exponential kinetics per "
                + "structure. Illustrative 177Lu-DOTATATE-like half-times, not clinical data. Each structure's "
                + "images keep the torso's activity pattern within it, scaled to A(t).");
        root.put("nuclide", NUCLIDE);
        root.put("physical_half_life_h", study.physicalHalfLifeH());
        root.put("administered_MBq", TorsoStudy.ADMINISTERED_MBQ);
        root.put("injection", TorsoStudy.INJECTION);
        root.put("model", "A(t) = A0_MBq (exp(-lambda_w t) - exp(-lambda_u t)), t in h after injection; "
                + "tia_MBq_h = A0_MBq (1/lambda_w - 1/lambda_u)");
        root.put("tia_map", "truth_tia.nii.gz");
        root.put("tia_h_per_torso_MBq", study.tiaHoursPerTorsoMBq());
        ArrayNode times = root.putArray("time_points_h");
        TorsoStudy.TIME_POINTS_H.forEach(times::add);
        double totalTia = 0;
        ArrayNode structures = root.putArray("structures");
        for (TorsoStudy.Kinetics k : study.kinetics()) {
            ObjectNode s = structures.addObject();
            s.put("name", k.structure());
            s.put("label", k.label());
            s.put("A0_MBq", k.a0MBq());
            s.put("fraction_of_administered", k.a0MBq() / TorsoStudy.ADMINISTERED_MBQ);
            s.put("uptake_half_time_h", k.uptakeHalfTimeH());
            s.put("washout_half_life_h", k.washoutHalfLifeH());
            s.put("lambda_u_per_h", k.uptakeRatePerH());
            s.put("lambda_w_per_h", k.washoutRatePerH());
            s.put("tia_MBq_h", k.tiaMBqH());
            ArrayNode a = s.putArray("activity_MBq");
            TorsoStudy.TIME_POINTS_H.forEach(h -> a.add(k.activityMBq(h)));
            totalTia += k.tiaMBqH();
        }
        root.put("total_tia_MBq_h", totalTia);
        return root;
    }

    private static ObjectNode labelsDocument(Phantom p) {
        ObjectNode root = LabelNamesJson.newDocument();
        root.put("phantom", TorsoStudy.NAME);
        root.put("voxel_mm", p.grid().spacingX());
        for (Structure s : p.structures()) {
            ObjectNode l = LabelNamesJson.addLabel(root, s.label(), s.name());
            l.put("voxels", p.labelVoxelCount(s.name()));
            l.put("volume_ml", p.labelVolumeMl(s.name()));
            l.put("hu", s.hu());
        }
        return root;
    }

    private static String hoursText(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot create folder: " + e.getMessage(), e);
        }
    }

    private static void writeJson(Path file, ObjectNode root) {
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
