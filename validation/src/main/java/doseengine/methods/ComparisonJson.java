package doseengine.methods;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.dosimetry.gamma.GammaCriteria;
import doseengine.geometry.BadInputException;
import doseengine.report.RunContext;
import doseengine.tally.RegionDose;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code comparison.json}: per structure and method the mean, minimum, maximum, D2, D50 and D98 (Gy), the
 * difference of the mean to Monte Carlo (%) with Monte Carlo's own uncertainty (%) beside it, and the gamma pass
 * rate inside the structure; per method its time, gamma pass rate over the whole grid and notes; the kernels'
 * provenance. A value that does not exist (a method without a value for a structure, a structure with no voxel
 * above the gamma threshold) is null, never a number standing in for one.
 */
public final class ComparisonJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparisonJson() {
    }

    public static ObjectNode of(MethodComparison.Result r, RunContext ctx, MethodTableRuns tables) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "compare");
        root.put("version", ctx.version());
        root.put("started", ctx.started().toString());
        root.put("problem", r.problem().name());
        root.put("nuclide", r.problem().nuclide().name());
        root.put("total_tia_MBq_h", r.problem().totalTiaMBqH());
        ObjectNode inputs = root.putObject("inputs");
        ctx.inputs().forEach(inputs::put);
        ObjectNode mc = root.putObject("mc");
        mc.put("decays", r.mc().outcome().decays());
        mc.put("batches", r.mc().outcome().batches());
        mc.put("backend", r.mc().settings().backend().device());
        mc.put("seed", r.mc().settings().seed());
        mc.put("stop_reason", r.mc().outcome().stop().name().toLowerCase(java.util.Locale.ROOT));
        GammaCriteria g = r.gamma();
        ObjectNode gamma = root.putObject("gamma");
        gamma.put("criteria", g.toString());
        gamma.put("dose_difference_pct", 100 * g.doseDifference());
        gamma.put("distance_mm", g.dtaMm());
        gamma.put("normalisation", g.normalisation().name().toLowerCase(java.util.Locale.ROOT));
        gamma.put("threshold_pct", 100 * g.threshold());
        gamma.put("reference", "mc");
        ObjectNode k = root.putObject("kernels");
        k.put("cache", tables.cacheDir().toString());
        k.put("decays", tables.settings().decays());
        k.put("seconds_computing", r.tableSeconds());
        ArrayNode computed = k.putArray("computed");
        r.tablesComputed().forEach(computed::add);

        ArrayNode methods = root.putArray("methods");
        for (MethodResult m : r.methods()) {
            ObjectNode o = methods.addObject();
            o.put("method", m.method().key());
            o.put("title", m.method().title());
            o.put("dose", m.method().key() + "/dose.nii.gz");
            o.put("seconds", m.seconds());
            if (m.gamma() == null) {
                o.putNull("gamma_pass_rate");
            } else {
                o.put("gamma_pass_rate", m.gamma().overall());
                o.put("gamma_evaluated_voxels", m.gamma().evaluated());
            }
            ArrayNode notes = o.putArray("notes");
            m.notes().forEach(notes::add);
        }

        ArrayNode structures = root.putArray("structures");
        MethodResult mcResult = r.of(Method.MC);
        for (RegionDose ref : mcResult.regions()) {
            ObjectNode s = structures.addObject();
            s.put("name", ref.name());
            s.put("mass_g", ref.massG());
            s.put("voxels", ref.voxels());
            ObjectNode per = s.putObject("methods");
            for (MethodResult m : r.methods()) {
                RegionDose d = m.region(ref.name());
                ObjectNode o = per.putObject(m.method().key());
                if (d == null) {
                    o.putNull("mean_Gy");
                    o.putNull("D50_Gy");
                    o.putNull("diff_vs_mc_pct");
                    o.putNull("gamma_pass_rate");
                    continue;
                }
                o.put("mean_Gy", d.meanGy());
                o.put("min_Gy", d.minGy());
                o.put("max_Gy", d.maxGy());
                o.put("D2_Gy", d.d2Gy());
                o.put("D50_Gy", d.d50Gy());
                o.put("D98_Gy", d.d98Gy());
                if (m.method() == Method.MC) {
                    o.put("rel_unc", d.relativeUncertainty());
                    o.put("median_voxel_rel_unc", d.medianVoxelRelativeUncertainty());
                    o.put("diff_vs_mc_pct", 0.0);
                    o.putNull("gamma_pass_rate");
                } else {
                    o.put("diff_vs_mc_pct", ref.meanGy() > 0 ? 100 * (d.meanGy() / ref.meanGy() - 1) : Double.NaN);
                    o.put("mc_rel_unc_pct", 100 * ref.relativeUncertainty());
                    Double rate = m.gamma() == null ? null : m.gamma().byStructure().get(ref.name());
                    if (rate == null) {
                        o.putNull("gamma_pass_rate");
                    } else {
                        o.put("gamma_pass_rate", rate);
                    }
                }
            }
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ctx.notes().forEach(notes::add);
        r.problem().notes().forEach(notes::add);
        return root;
    }

    public static void write(Path file, ObjectNode root) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage());
        }
    }
}
