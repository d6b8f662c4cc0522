package doseengine.validation.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.tally.EnergyBalance;
import doseengine.validation.reference.ScaledDosePointKernel;
import doseengine.validation.run.PointSourceResult;
import doseengine.validation.run.RunRecord;
import doseengine.validation.run.TransportSettings;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A dose point kernel from a run: energy per shell per decay, X90, the scaled kernel, and the files
 * {@code dpk.csv} and {@code summary.json} of DESIGN.md section 5.
 */
public final class DpkResult {
    /** Shell step and reach the validation issue asks for, in units of X90. */
    static final double MAX_STEP_X90 = 0.025;
    static final double MIN_REACH_X90 = 1.5;

    private final DpkBenchmark benchmark;
    private final double[] edgesMm;
    private final double[] edep;
    private final double[] relUnc;
    private final double emittedMeV;
    private final EnergyBalance balance;
    private final RunRecord run;
    private final double x90Mm;
    private final double x90SigmaMm;

    DpkResult(DpkBenchmark benchmark, PointSourceResult result) {
        this.benchmark = benchmark;
        this.edgesMm = benchmark.shellEdgesMm();
        this.edep = result.shellMeVPerDecay();
        this.relUnc = result.shellRelativeUncertainty();
        if (edep.length != edgesMm.length - 1) {
            throw new IllegalStateException("the run returned " + edep.length + " shells for a problem of "
                    + (edgesMm.length - 1));
        }
        this.emittedMeV = benchmark.source().emittedEnergyPerDecayMeV();
        this.balance = result.balance();
        this.run = result.run();
        ScaledDosePointKernel mm = kernelIn(1.0, "mm");
        this.x90Mm = mm.x90();
        this.x90SigmaMm = x90Sigma(mm);
    }

    public DpkBenchmark benchmark() {
        return benchmark;
    }

    public double[] shellEdgesMm() {
        return edgesMm.clone();
    }

    public double[] shellMeVPerDecay() {
        return edep.clone();
    }

    public double[] shellRelativeUncertainty() {
        return relUnc.clone();
    }

    /** Mean energy emitted per decay (MeV): E0 for an electron, the chosen emissions of a nuclide. */
    public double emittedMeVPerDecay() {
        return emittedMeV;
    }

    /** X90 (mm) from the shells, or NaN when less than 90 % of the emitted energy was absorbed in them. */
    public double x90Mm() {
        return x90Mm;
    }

    /** Whether the shells hold 90 % of the emitted energy, so that X90 exists. */
    public boolean hasX90() {
        return !Double.isNaN(x90Mm);
    }

    /** Fraction of the emitted energy absorbed within the last shell. */
    public double absorbedFractionInShells() {
        double sum = 0;
        for (double e : edep) {
            sum += e;
        }
        return sum / emittedMeV;
    }

    /**
     * Why there is no X90, for reports and {@code summary.json}; empty when there is one. Photon kernels reach far
     * beyond the shells a nuclide's electrons need, so for them this is the normal outcome.
     */
    public Optional<String> x90AbsentReason() {
        if (hasX90()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "no X90: less than 90 %% of the emitted energy is "
                + "absorbed within the last shell (%.1f %% within %.4g mm)", 100 * absorbedFractionInShells(),
                edgesMm[edgesMm.length - 1]));
    }

    /**
     * Standard error of X90 (mm): the error of the energy inside X90 (shell errors added in quadrature, shells
     * treated as independent; an approximation, the tally keeps no covariance) divided by the slope of the
     * cumulative energy there.
     */
    public double x90SigmaMm() {
        return x90SigmaMm;
    }

    public EnergyBalance balance() {
        return balance;
    }

    public RunRecord run() {
        return run;
    }

    /**
     * The scaled kernel j = (dE/E) / d(r/L) with E the emitted energy per decay and L = {@code scaleMm}: r0 for
     * the comparison with the monoenergetic references; X90 for nuclide kernels.
     */
    public SimulatedDosePointKernel scaledKernel(double scaleMm) {
        ScaledDosePointKernel k = kernelIn(scaleMm, benchmark.source().title());
        double[] j = k.j();
        double[] sigma = new double[j.length];
        for (int i = 0; i < j.length; i++) {
            sigma[i] = j[i] * relUnc[i];
        }
        return new SimulatedDosePointKernel(k, sigma);
    }

    /**
     * The kernel on the r0 scale of a monoenergetic source, on the measured X90 of a nuclide, or on r in mm
     * (scale 1 mm) when the nuclide's kernel has no X90.
     */
    public SimulatedDosePointKernel naturalKernel() {
        return scaledKernel(naturalScaleMm());
    }

    /** The scale of {@link #naturalKernel()} in mm: r0, X90, or 1 when there is no X90. */
    public double naturalScaleMm() {
        if (benchmark.isMonoenergetic()) {
            return benchmark.scaleMm();
        }
        return hasX90() ? x90Mm : 1.0;
    }

    /** Whether the shells met the step and reach for the X90 measured; empty when they did. */
    public List<String> shellNotes() {
        List<String> notes = new ArrayList<>();
        if (!hasX90()) {
            notes.add(x90AbsentReason().orElseThrow());
            return notes;
        }
        double step = edgesMm[1] - edgesMm[0];
        double reach = edgesMm[edgesMm.length - 1];
        if (step > MAX_STEP_X90 * x90Mm * (1 + 1e-9)) {
            notes.add(String.format(Locale.ROOT, "shell step %.4g mm exceeds 0.025 X90 = %.4g mm", step,
                    MAX_STEP_X90 * x90Mm));
        }
        if (reach < MIN_REACH_X90 * x90Mm * (1 - 1e-9)) {
            notes.add(String.format(Locale.ROOT, "shells reach %.4g mm, less than 1.5 X90 = %.4g mm", reach,
                    MIN_REACH_X90 * x90Mm));
        }
        return notes;
    }

    /** {@code dpk.csv}: {@code r_inner_mm,r_outer_mm,r_mid_mm,edep_MeV_per_decay,rel_unc}, one row per shell. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("r_inner_mm,r_outer_mm,r_mid_mm,edep_MeV_per_decay,rel_unc\n");
            for (int b = 0; b < edep.length; b++) {
                w.write(String.format(Locale.ROOT, "%.8g,%.8g,%.8g,%.8g,%.6g%n", edgesMm[b], edgesMm[b + 1],
                        0.5 * (edgesMm[b] + edgesMm[b + 1]), edep[b], relUnc[b]));
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /**
     * {@code summary.json}: the keys of DESIGN.md section 5 ({@code source, decays, E_mean_MeV, X90_mm, backend,
     * seconds}) and, beside them, what a reader needs to use the kernel (scale, shells, device, balance, notes).
     */
    public ObjectNode summaryJson(TransportSettings settings) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("source", benchmark.source().key());
        root.put("decays", run.decays());
        root.put("E_mean_MeV", emittedMeV);
        putNumber(root, "X90_mm", x90Mm);
        root.put("backend", run.backend());
        root.put("seconds", run.seconds());
        root.put("source_title", benchmark.source().title());
        putNumber(root, "X90_sigma_mm", x90SigmaMm);
        x90AbsentReason().ifPresent(why -> root.put("X90_absent_reason", why));
        root.put("absorbed_fraction_in_shells", absorbedFractionInShells());
        if (benchmark.isMonoenergetic()) {
            root.put("r0_mm", benchmark.scaleMm());
        } else {
            root.put("X90_estimate_mm", benchmark.scaleMm());
        }
        root.put("medium", DpkBenchmark.MATERIAL);
        root.put("density_g_cm3", DpkBenchmark.DENSITY);
        root.put("shells", edep.length);
        root.put("shell_step_mm", edgesMm[1] - edgesMm[0]);
        root.put("medium_half_width_mm", benchmark.mediumHalfWidthMm());
        if (benchmark.photonMeanFreePathMm() > 0) {
            root.put("photon_mean_free_path_mm", benchmark.photonMeanFreePathMm());
        }
        root.put("device", run.device());
        root.put("seed", settings.seed());
        root.put("batches", run.batches());
        root.put("electron_cutoff_keV", settings.electronCutoffKeV());
        root.put("photon_cutoff_keV", settings.photonCutoffKeV());
        root.put("soft_energy_loss_straggling", settings.softStraggling());
        ObjectNode b = root.putObject("energy_balance_MeV_per_decay");
        b.put("deposited", balance.depositedMeVPerDecay());
        b.put("escaped", balance.escapedMeVPerDecay());
        b.put("emitted", balance.emittedMeVPerDecay());
        b.put("relative_imbalance", balance.relativeImbalance());
        shellNotes().forEach(root.putArray("notes")::add);
        return root;
    }

    /** Writes {@link #summaryJson} for the settings the kernel ran with. */
    public void writeSummary(Path file, TransportSettings settings) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                    summaryJson(settings));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private ScaledDosePointKernel kernelIn(double scaleMm, String label) {
        int n = edep.length;
        double[] x = new double[n];
        double[] e = new double[n + 1];
        double[] j = new double[n];
        for (int b = 0; b <= n; b++) {
            e[b] = edgesMm[b] / scaleMm;
        }
        for (int b = 0; b < n; b++) {
            x[b] = 0.5 * (e[b] + e[b + 1]);
            j[b] = edep[b] / emittedMeV / (e[b + 1] - e[b]);
        }
        return ScaledDosePointKernel.shells(label, emittedMeV, x, e, j);
    }

    private double x90Sigma(ScaledDosePointKernel mm) {
        if (Double.isNaN(x90Mm)) {
            return Double.NaN;
        }
        double var = 0;
        int shell = 0;
        for (int b = 0; b < edep.length; b++) {
            double inside = Math.min(edgesMm[b + 1], x90Mm) - edgesMm[b];
            if (inside <= 0) {
                break;
            }
            double part = inside / (edgesMm[b + 1] - edgesMm[b]);
            double s = part * edep[b] * relUnc[b] / emittedMeV;
            var += s * s;
            shell = b;
        }
        double slope = mm.j()[shell];
        return slope > 0 ? Math.sqrt(var) / slope : Double.NaN;
    }

    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }
}
