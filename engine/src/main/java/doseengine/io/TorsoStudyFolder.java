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
import java.time.LocalDateTime;
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

    /** Writes the one-cycle study into {@code dir} (which exists) and returns the files written, relative to it. */
    public static List<String> write(Path dir, TorsoStudy study) {
        return write(dir, study, 1, 1);
    }

    /**
     * Writes {@code cycles} cycles of the study into {@code dir} (which exists) and returns the files written,
     * relative to it. Cycle c is {@link TorsoStudy#cycle(int) study.cycle(c)}, injected {@value
     * TorsoStudy#DAYS_BETWEEN_CYCLES} days after the one before, {@link TorsoStudy#ADMINISTERED_MBQ} MBq each. The
     * first {@code fourPointCycles} cycles are imaged at {@link TorsoStudy#TIME_POINTS_H}, the later ones once, at
     * {@link TorsoStudy#SINGLE_TIME_POINT_H}. Cycle 1's images are {@code t004h/..} and {@code truth_tia.nii.gz} at
     * the top, as for one cycle; cycle c's are in {@code c<c>/}.
     */
    public static List<String> write(Path dir, TorsoStudy study, int cycles, int fourPointCycles) {
        if (cycles < 1) {
            throw new BadInputException("--cycles must be at least 1, got " + cycles);
        }
        List<String> written = new ArrayList<>();
        Phantom torso = study.torso();
        ImageFiles.write(dir.resolve("ct.nii.gz"), torso.ctHu());
        ImageFiles.write(dir.resolve("labels.nii.gz"), torso.labels().volume());
        LabelNamesJson.write(dir.resolve("labels.json"), labelsDocument(torso));
        written.addAll(List.of("ct.nii.gz", "labels.nii.gz", "labels.json"));

        ObjectNode root = JSON.createObjectNode();
        root.put("nuclide", NUCLIDE);
        root.put("method", "organ");
        ArrayNode cycleNodes = root.putArray("cycles");
        ObjectNode truth = truthDocument(study);
        ArrayNode truthCycles = truth.putArray("cycles");
        for (int c = 1; c <= cycles; c++) {
            TorsoStudy kinetics = study.cycle(c);
            String prefix = c == 1 ? "" : "c" + c + "/";
            List<Double> hours = c <= fourPointCycles ? TorsoStudy.TIME_POINTS_H
                    : List.of(TorsoStudy.SINGLE_TIME_POINT_H);
            String injection = injection(c);
            ObjectNode cycle = cycleNodes.addObject();
            cycle.put("name", "C" + c);
            cycle.put("administered_MBq", TorsoStudy.ADMINISTERED_MBQ);
            cycle.put("injection", injection);
            ArrayNode points = cycle.putArray("time_points");
            for (double h : hours) {
                String folder = prefix + timePointFolder(h);
                Path tp = dir.resolve(folder);
                createFolder(tp);
                ImageFiles.write(tp.resolve("activity.nii.gz"), kinetics.activityMBq(h));
                ActivityMetadata.write(tp.resolve("activity.json"), "MBq per voxel",
                        String.format(Locale.ROOT, "activity at %s h after injection (%s)", hoursText(h), injection),
                        TorsoStudy.ADMINISTERED_MBQ);
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
            if (c > 1) {
                createFolder(dir.resolve(prefix));
            }
            ImageFiles.write(dir.resolve(prefix + "truth_tia.nii.gz"), kinetics.tiaMBqH());
            ActivityMetadata.write(dir.resolve(prefix + "truth_tia.json"), "MBq h per voxel",
                    "exact time-integrated activity of cycle " + c + " from injection to infinity",
                    TorsoStudy.ADMINISTERED_MBQ);
            written.addAll(List.of(prefix + "truth_tia.nii.gz", prefix + "truth_tia.json"));
            truthCycles.add(truthCycle(kinetics, "C" + c, injection, hours, prefix + "truth_tia.nii.gz"));
        }
        writeJson(dir.resolve("study.json"), root);
        written.add("study.json");
        writeJson(dir.resolve("truth.json"), truth);
        written.add("truth.json");
        return written;
    }

    /** Cycle c's injection: {@link TorsoStudy#INJECTION} plus (c-1) times the days between cycles. */
    static String injection(int cycle) {
        return LocalDateTime.parse(TorsoStudy.INJECTION).plusDays((long) TorsoStudy.DAYS_BETWEEN_CYCLES * (cycle - 1))
                .toString();
    }

    /**
     * One cycle's truth: per structure its amplitude, activities at the cycle's time points and analytic TIA; for a
     * cycle imaged once, also what Hänscheid's {@code A(t) 2t/ln 2} gives from the exact activity and its error
     * against the analytic TIA (the method's own error, exact only for a mono-exponential with {@code T_eff = t}).
     */
    private static ObjectNode truthCycle(TorsoStudy k, String name, String injection, List<Double> hours,
            String tiaMap) {
        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        c.put("administered_MBq", TorsoStudy.ADMINISTERED_MBQ);
        c.put("injection", injection);
        c.put("lesion_uptake_factor", k.lesionUptakeFactor());
        ArrayNode times = c.putArray("time_points_h");
        hours.forEach(times::add);
        boolean single = hours.size() == 1;
        if (single) {
            c.put("single_time_point_method", "Hänscheid: TIA = A(t) 2t/ln 2");
        } else {
            c.putNull("single_time_point_method");
        }
        c.put("tia_map", tiaMap);
        double total = 0;
        ArrayNode structures = c.putArray("structures");
        for (TorsoStudy.Kinetics s : k.kinetics()) {
            ObjectNode o = structures.addObject();
            o.put("name", s.structure());
            o.put("A0_MBq", s.a0MBq());
            o.put("tia_MBq_h", s.tiaMBqH());
            ArrayNode a = o.putArray("activity_MBq");
            hours.forEach(h -> a.add(s.activityMBq(h)));
            if (single) {
                double t = hours.get(0);
                double hanscheid = s.activityMBq(t) * 2 * t / Math.log(2);
                o.put("hanscheid_tia_MBq_h", hanscheid);
                o.put("hanscheid_rel_error", s.tiaMBqH() > 0 ? hanscheid / s.tiaMBqH() - 1 : 0);
            }
            total += s.tiaMBqH();
        }
        c.put("total_tia_MBq_h", total);
        return c;
    }

    private static ObjectNode truthDocument(TorsoStudy study) {
        ObjectNode root = JSON.createObjectNode();
        root.put("description", "Synthetic patient: the torso phantom with known bi-exponential kinetics per "
                + "structure. Illustrative 177Lu-DOTATATE-like half-times, not clinical data. Each structure's "
                + "images keep the torso's activity pattern within it, scaled to A(t). The top-level structures "
                + "are cycle 1's; \"cycles\" holds every cycle (lesion uptake times "
                + TorsoStudy.LESION_UPTAKE_PER_CYCLE + " per cycle, all else repeated).");
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
