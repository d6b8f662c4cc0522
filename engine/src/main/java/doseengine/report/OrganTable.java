package doseengine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.TransportParameters;
import doseengine.tally.EnergyBalance;
import doseengine.tally.RegionDose;
import doseengine.tally.TissueMaximum;
import doseengine.transport.DoseResult;
import doseengine.transport.RunOutcome;
import doseengine.transport.StopRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The organ table of a run: {@code organs.csv} (one row per label) and {@code organs.json} (the same rows under
 * {@code labels}, with the run's facts). Other tools read these files: the key and column names are a contract
 * (DESIGN.md 5), extend them, never rename them.
 *
 * <p>Per label: {@code name}, {@code label} (value in the label image), {@code voxels}, {@code mass_g},
 * {@code mean_Gy} (mass-weighted mean dose for the run's time-integrated activity), {@code rel_unc} (relative
 * standard error of the mean dose, a fraction), {@code mean_Gy_per_decay}, {@code min_Gy}, {@code max_Gy},
 * {@code D2_Gy}, {@code D50_Gy}, {@code D98_Gy} (dose covering at least 2, 50, 98 % of the volume),
 * {@code median_voxel_rel_unc} (the median over the label's voxels of each voxel's relative standard error: how much
 * of D2, D98 and the DVH's width is noise), {@code mean_Gy_per_GBq} (mean dose per GBq administered; empty or null
 * when the administered activity is unknown).
 */
public final class OrganTable {
    public static final String CSV_HEADER = "name,label,voxels,mass_g,mean_Gy,rel_unc,mean_Gy_per_decay,min_Gy,max_Gy,"
            + "D2_Gy,D50_Gy,D98_Gy,median_voxel_rel_unc,mean_Gy_per_GBq";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OrganTable() {}

    /** organs.csv; {@code mean_Gy_per_GBq} is empty when the administered activity is unknown. */
    public static void writeCsv(Path file, List<RegionDose> regions, RunContext ctx) {
        StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
        for (RegionDose r : regions) {
            s.append(csvName(r.name())).append(',').append(r.labelValue()).append(',').append(r.voxels());
            for (double x : new double[] {r.massG(), r.meanGy(), r.relativeUncertainty(), r.meanGyPerDecay(),
                    r.minGy(), r.maxGy(), r.d2Gy(), r.d50Gy(), r.d98Gy(), r.medianVoxelRelativeUncertainty()}) {
                s.append(',').append(number(x));
            }
            double perGBq = ctx.perGBq(r.meanGy());
            s.append(',').append(Double.isNaN(perGBq) ? "" : number(perGBq)).append('\n');
        }
        write(file, s.toString());
    }

    /** The organs.json document. */
    public static ObjectNode document(DoseResult r, RunContext ctx) {
        ObjectNode root = JSON.createObjectNode();
        root.put("program", "doseengine");
        root.put("version", ctx.version());
        root.put("command", ctx.command());
        root.put("started", ctx.started().toString());
        root.put("nuclide", r.problem().nuclide().name());
        root.put("method", r.settings().method().key());
        root.put("backend", r.settings().backend().name());
        root.put("device", r.settings().backend().device());
        root.put("threads", r.outcome().threads());
        root.put("seed", r.settings().seed());
        root.put("decays", r.outcome().decays());
        root.put("batches", r.outcome().batches());
        root.put("seconds", r.outcome().seconds());
        root.put("setup_seconds", r.setupSeconds());
        root.put("decays_per_second", r.outcome().decaysPerSecond());
        root.put("tia_MBq_h", r.totalTiaMBqH());
        root.put("tia_decays", r.dose().decays());
        TransportParameters p = r.settings().parameters();
        root.put("electron_cutoff_keV", keV(p.electronCutoffMeV()));
        root.put("photon_cutoff_keV", keV(p.photonCutoffMeV()));
        root.set("stop", stop(r));
        EnergyBalance b = r.balance();
        ObjectNode balance = root.putObject("energy_balance");
        balance.put("emitted_MeV_per_decay", b.emittedMeVPerDecay());
        balance.put("deposited_MeV_per_decay", b.depositedMeVPerDecay());
        balance.put("escaped_MeV_per_decay", b.escapedMeVPerDecay());
        balance.put("relative_imbalance", b.relativeImbalance());
        root.set("grid", grid(r.problem().grid()));
        if (ctx.administeredMBq() == null) {
            root.putNull("administered_MBq");
        } else {
            root.put("administered_MBq", ctx.administeredMBq());
        }
        TissueMaximum top = r.tissueMaximum();
        root.put("max_dose_Gy", top.gray());
        ObjectNode maxDose = root.putObject("max_dose");
        maxDose.put("Gy", top.gray());
        maxDose.put("rel_unc", top.relativeUncertainty());
        if (top.i() >= 0) {
            maxDose.putArray("voxel").add(top.i()).add(top.j()).add(top.k());
        }
        maxDose.put("structure", top.structure());
        maxDose.put("rule", String.format(Locale.ROOT, "highest voxel dose in tissue (density >= %s g/cm3; air "
                + "voxels are left out)", TissueMaximum.MIN_TISSUE_DENSITY));
        ArrayNode labels = root.putArray("labels");
        for (RegionDose d : r.regions()) {
            ObjectNode l = labels.addObject();
            l.put("name", d.name());
            l.put("label", d.labelValue());
            l.put("voxels", d.voxels());
            l.put("mass_g", d.massG());
            l.put("mean_Gy", d.meanGy());
            l.put("rel_unc", d.relativeUncertainty());
            l.put("mean_Gy_per_decay", d.meanGyPerDecay());
            l.put("min_Gy", d.minGy());
            l.put("max_Gy", d.maxGy());
            l.put("D2_Gy", d.d2Gy());
            l.put("D50_Gy", d.d50Gy());
            l.put("D98_Gy", d.d98Gy());
            l.put("median_voxel_rel_unc", d.medianVoxelRelativeUncertainty());
            double perGBq = ctx.perGBq(d.meanGy());
            if (Double.isNaN(perGBq)) {
                l.putNull("mean_Gy_per_GBq");
            } else {
                l.put("mean_Gy_per_GBq", perGBq);
            }
        }
        ObjectNode inputs = root.putObject("inputs");
        ctx.inputs().forEach(inputs::put);
        ArrayNode notes = root.putArray("notes");
        ctx.notes().forEach(notes::add);
        r.problem().notes().forEach(notes::add);
        return root;
    }

    public static void writeJson(Path file, DoseResult r, RunContext ctx) {
        try {
            write(file, JSON.writeValueAsString(document(r, ctx)) + "\n");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static ObjectNode stop(DoseResult r) {
        ObjectNode s = JSON.createObjectNode();
        RunOutcome o = r.outcome();
        if (r.settings().stop() instanceof StopRule.TargetUncertainty t) {
            s.put("rule", "target_uncertainty");
            s.put("target_label", t.regionList());
            ArrayNode regions = s.putArray("target_regions");
            for (RunOutcome.TargetReading tr : o.targets()) {
                ObjectNode n = regions.addObject();
                n.put("region", tr.region());
                n.put("rel_unc", tr.estimate());
                n.put("judged_rel_unc", tr.judged());
                n.put("reached", tr.reached());
            }
            s.put("target_statistic", t.statistic().key());
            s.put("target_rel_unc", t.relativeUncertainty());
            s.put("max_decays", t.maxDecays());
        } else {
            s.put("rule", "decays");
            s.put("requested_decays", r.settings().stop().maxDecays());
        }
        s.put("reason", o.stop().name().toLowerCase(Locale.ROOT));
        if (o.watchedRegion() != null) {
            s.put("watched_region", o.watchedRegion());
            s.put("watched_rel_unc", o.watchedRelativeUncertainty());
        }
        return s;
    }

    private static ObjectNode grid(VoxelGrid g) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode dims = n.putArray("dimensions");
        dims.add(g.nx()).add(g.ny()).add(g.nz());
        ArrayNode spacing = n.putArray("spacing_mm");
        for (double x : g.spacing()) {
            spacing.add(x);
        }
        ArrayNode origin = n.putArray("origin_mm");
        for (double x : g.origin()) {
            origin.add(x);
        }
        return n;
    }

    private static double keV(float meV) {
        return Math.round(meV * 1e6) / 1e3;
    }

    /** Seven significant digits: well beyond the statistical precision, short enough to read. */
    static String number(double x) {
        return String.format(Locale.ROOT, "%.7g", x);
    }

    private static String csvName(String name) {
        return name.contains(",") || name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
