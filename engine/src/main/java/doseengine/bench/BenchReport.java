package doseengine.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.kernels.TransportParameters;
import doseengine.transport.RunSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's results as a table (standard output) and as JSON ({@code --out}). Unknown numbers (NaN) are
 * written as JSON null.
 *
 * @param version     doseengine version
 * @param arguments   the bench's command-line arguments, to repeat it
 * @param started     when the bench started
 * @param machine     where it ran
 * @param settings    how (method, seed, threads, cutoffs)
 * @param torsoVoxelMm voxel size of the torso problems
 * @param results     one per transport problem, in run order
 * @param convolution one per convolution problem (no transport: seconds per stage, in a section of its own)
 * @param dicomCt     one per DICOM CT problem (no transport: seconds of the read, in a section of its own)
 */
public record BenchReport(String version, List<String> arguments, Instant started, MachineInfo machine, RunSettings settings,
                          double torsoVoxelMm, List<BenchResult> results, List<ConvolutionResult> convolution,
                          List<DicomCtResult> dicomCt) {

    public BenchReport {
        arguments = List.copyOf(arguments);
        results = List.copyOf(results);
        convolution = List.copyOf(convolution);
        dicomCt = List.copyOf(dicomCt);
    }

    public ObjectNode toJson() {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("doseengine_version", version);
        root.put("date", started.toString());
        ArrayNode args = root.putArray("arguments");
        arguments.forEach(args::add);
        ObjectNode m = root.putObject("machine");
        m.put("os", machine.os());
        m.put("os_version", machine.osVersion());
        m.put("arch", machine.arch());
        m.put("cores", machine.cores());
        m.put("cpu_model", machine.cpuModel());
        m.put("java_version", machine.javaVersion());
        m.put("java_vm", machine.javaVm());
        m.put("max_heap_MiB", machine.maxHeapMb());
        number(m, "load_average_1min_at_start", machine.loadAverage());
        m.put("backend", machine.backend());
        m.put("device", machine.device());
        m.put("threads", machine.threads());
        ObjectNode s = root.putObject("settings");
        TransportParameters p = settings.parameters();
        s.put("method", settings.method().key());
        s.put("seed", settings.seed());
        s.put("threads", settings.threads());
        s.put("electron_cutoff_keV", keV(p.electronCutoffMeV()));
        s.put("photon_cutoff_keV", keV(p.photonCutoffMeV()));
        s.put("torso_voxel_mm", torsoVoxelMm);
        ArrayNode problems = root.putArray("problems");
        for (BenchResult r : results) {
            problems.add(problem(om, r));
        }
        ArrayNode conv = root.putArray("convolution");
        for (ConvolutionResult c : convolution) {
            conv.add(convolution(om, c));
        }
        ArrayNode dicom = root.putArray("dicom_ct");
        for (DicomCtResult d : dicomCt) {
            dicom.add(dicomCt(om, d));
        }
        return root;
    }

    private static ObjectNode dicomCt(ObjectMapper om, DicomCtResult d) {
        ObjectNode o = om.createObjectNode();
        o.put("name", d.name());
        o.put("description", d.description());
        ints(o.putArray("grid"), d.dims());
        ArrayNode voxel = o.putArray("voxel_mm");
        for (double v : d.voxelMm()) {
            voxel.add(v);
        }
        o.put("pixel_bytes", d.pixelBytes());
        o.put("file_bytes", d.fileBytes());
        o.put("threads", d.threads());
        number(o, "build_s", d.buildSeconds());
        number(o, "write_s", d.writeSeconds());
        number(o, "write_MB_per_s", d.writeMBps());
        number(o, "scan_s", d.scanSeconds());
        number(o, "decode_s", d.decodeSeconds());
        number(o, "decode_MB_per_s", d.decodeMBps());
        number(o, "read_s", d.readSeconds());
        number(o, "read_MB_per_s", d.readMBps());
        number(o, "cpu_s", d.cpuSeconds());
        number(o, "cores_used", d.coresUsed());
        return o;
    }

    private static ObjectNode convolution(ObjectMapper om, ConvolutionResult c) {
        ObjectNode o = om.createObjectNode();
        o.put("name", c.name());
        o.put("nuclide", c.nuclide());
        o.put("description", c.description());
        ints(o.putArray("grid"), c.dims());
        ArrayNode voxel = o.putArray("voxel_mm");
        for (double v : c.voxelMm()) {
            voxel.add(v);
        }
        o.put("kernel_reach_mm", c.reachMm());
        o.put("kernel_shells", c.shells());
        o.put("threads", c.threads());
        number(o, "build_s", c.buildSeconds());
        number(o, "decays_s", c.decaysSeconds());
        ArrayNode methods = o.putArray("methods");
        for (ConvolutionResult.Method m : c.methods()) {
            ObjectNode mj = methods.addObject();
            mj.put("method", m.method());
            ints(mj.putArray("kernel_half_widths"), m.halfWidths());
            ints(mj.putArray("fft_padded"), m.paddedSizes());
            number(mj, "kernel_s", m.kernelSeconds());
            number(mj, "spectrum_s", m.spectrumSeconds());
            number(mj, "convolution_s", m.convolutionSeconds());
            number(mj, "dose_s", m.doseSeconds());
            number(mj, "total_s", m.totalSeconds());
        }
        number(o, "total_s", c.totalSeconds());
        number(o, "cpu_s", c.cpuSeconds());
        number(o, "cores_used", c.coresUsed());
        number(o, "heap_peak_MiB", c.heapPeakMiB());
        return o;
    }

    private static void ints(ArrayNode a, int[] values) {
        for (int v : values) {
            a.add(v);
        }
    }

    private static ObjectNode problem(ObjectMapper om, BenchResult r) {
        ObjectNode o = om.createObjectNode();
        o.put("name", r.name());
        o.put("nuclide", r.nuclide());
        o.put("description", r.description());
        o.put("voxel_mm", r.voxelMm());
        ArrayNode dims = o.putArray("grid");
        for (int d : r.dims()) {
            dims.add(d);
        }
        ArrayNode materials = o.putArray("materials");
        r.materials().forEach(materials::add);
        o.put("decays", r.decays());
        o.put("batches", r.batches());
        o.put("threads", r.threads());
        number(o, "seconds", r.seconds());
        number(o, "decays_per_s", r.decaysPerSecond());
        number(o, "table_build_s", r.tableBuildSeconds());
        number(o, "problem_build_s", r.problemBuildSeconds());
        o.put("warmup_decays", r.warmupDecays());
        number(o, "electron_steps_per_decay", r.electronStepsPerDecay());
        number(o, "electron_steps_per_s", r.electronStepsPerSecond());
        number(o, "cpu_s", r.cpuSeconds());
        number(o, "decays_per_cpu_s", r.decaysPerCpuSecond());
        number(o, "cores_used", r.coresUsed());
        if (r.isTarget()) {
            BenchResult.TargetOutcome t = r.target();
            number(o, "seconds_to_target", r.secondsToTarget());
            if (t.reached()) {
                o.put("decays_to_target", r.decaysToTarget());
            } else {
                o.putNull("decays_to_target");
            }
            ObjectNode tj = o.putObject("target");
            tj.put("region", t.region());
            tj.put("rel_unc_target", t.targetRelativeUncertainty());
            tj.put("reached", t.reached());
            number(tj, "rel_unc", t.relativeUncertainty());
            tj.put("max_decays", t.maxDecays());
            tj.put("batch_decays", t.batchDecays());
            tj.put("min_decays", t.minDecays());
            tj.put("stopped_at_minimum", t.stoppedAtMinimum(r.decays()));
        }
        return o;
    }

    /** A float cutoff in keV as its shortest decimal (10, not 9.999999776). */
    private static double keV(float mev) {
        return Double.parseDouble(Float.toString(mev * 1000f));
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Writes the JSON to {@code file} through a temporary file, so a reader never sees half a report. */
    public void writeJson(Path file) {
        try {
            Path abs = file.toAbsolutePath();
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), toJson());
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The machine line, one row per transport problem and a line per time-to-target problem, then the convolution
     * problems' stage tables, then the DICOM CT problems' read tables.
     */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s, %s, %d cores (%s), Java %s; %s, %s, seed %d%n", machine.os(),
                machine.arch(), machine.cores(), machine.cpuModel(), machine.javaVersion(), machine.device(),
                settings.method().key(), settings.seed()));
        if (!results.isEmpty()) {
            transportTable(b);
        }
        for (ConvolutionResult c : convolution) {
            b.append(convolutionTable(c));
        }
        for (DicomCtResult d : dicomCt) {
            b.append(dicomCtTable(d));
        }
        return b.toString();
    }

    /** A DICOM CT problem: its series, a row per step of the read and their sum, the write apart. */
    static String dicomCtTable(DicomCtResult d) {
        StringBuilder b = new StringBuilder();
        int[] n = d.dims();
        double[] v = d.voxelMm();
        b.append(String.format(Locale.ROOT, "%s: %d slices of %d x %d int16, %s x %s mm pixels %s mm apart; %.1f MB of "
                + "pixel data in %.1f MB of files; %d threads%n", d.name(), n[2], n[0], n[1], BenchNumbers.plain(v[0]),
                BenchNumbers.plain(v[1]), BenchNumbers.plain(v[2]), d.pixelBytes() / 1e6, d.fileBytes() / 1e6,
                d.threads()));
        b.append(String.format(Locale.ROOT, "%-24s %8s %8s%n", "step", "seconds", "MB/s"));
        b.append(String.format(Locale.ROOT, "%-24s %8.2f %8s%n", "scan", d.scanSeconds(), "-"));
        b.append(String.format(Locale.ROOT, "%-24s %8.2f %8s%n", "sort and decode", d.decodeSeconds(),
                fixed(d.decodeMBps(), "%.0f")));
        b.append(String.format(Locale.ROOT, "%-24s %8.2f %8s%n", "read (scan + decode)", d.readSeconds(),
                fixed(d.readMBps(), "%.0f")));
        b.append(String.format(Locale.ROOT, "%-24s %8.2f %8s%n", "write (apart)", d.writeSeconds(),
                fixed(d.writeMBps(), "%.0f")));
        b.append(String.format(Locale.ROOT, "read: as run --ct FOLDER reads a series, no warm-up (JIT included), the "
                + "files in the page cache (the codec, not the disk); MB/s: pixel data, 10^6 bytes; cores %s "
                + "(making the CT numbers, untimed: %.2f s)%n", fixed(d.coresUsed(), "%.2f"), d.buildSeconds()));
        return b.toString();
    }

    private void transportTable(StringBuilder b) {
        int w = Math.max(7, results.stream().mapToInt(r -> r.name().length()).max().orElse(7));
        b.append(String.format(Locale.ROOT, "%-" + w + "s %-7s %6s %-13s %11s %9s %10s %8s %11s %6s %12s%n", "problem",
                "nuclide", "voxel", "grid", "decays", "seconds", "decays/s", "build_s", "steps/decay", "cores",
                "decays/cpu_s"));
        for (BenchResult r : results) {
            int[] d = r.dims();
            b.append(String.format(Locale.ROOT, "%-" + w + "s %-7s %6s %-13s %,11d %9.2f %,10.0f %8.2f %11s %6s %12s%n",
                    r.name(), r.nuclide(), BenchNumbers.mm(r.voxelMm()), d[0] + "x" + d[1] + "x" + d[2], r.decays(), r.seconds(),
                    r.decaysPerSecond(), r.tableBuildSeconds(), fixed(r.electronStepsPerDecay(), "%.0f"),
                    fixed(r.coresUsed(), "%.2f"), fixed(r.decaysPerCpuSecond(), "%,.0f")));
        }
        b.append(String.format(Locale.ROOT, "seconds: the timed transport only; build_s: tables, source and kernel; "
                + "cores: process CPU time / wall time (below the thread count when the machine is shared); "
                + "decays/cpu_s: decays per CPU-second%n"));
        for (BenchResult r : results) {
            if (r.isTarget()) {
                b.append(targetLine(r)).append(System.lineSeparator());
            }
        }
    }

    /** A convolution problem: its grid, a row of stage seconds per method, the total of both. */
    static String convolutionTable(ConvolutionResult c) {
        StringBuilder b = new StringBuilder();
        int[] d = c.dims();
        double[] v = c.voxelMm();
        b.append(String.format(Locale.ROOT, "%s: %d x %d x %d voxels of %s x %s x %s mm, %s-like analytic kernels to "
                + "%s mm (%d shells), %d threads%n", c.name(), d[0], d[1], d[2], BenchNumbers.plain(v[0]),
                BenchNumbers.plain(v[1]), BenchNumbers.plain(v[2]), c.nuclide(), BenchNumbers.plain(c.reachMm()),
                c.shells(), c.threads()));
        b.append(String.format(Locale.ROOT, "%-6s %9s %11s %14s %7s %8s  %-13s%n", "method", "kernel_s", "spectrum_s",
                "convolution_s", "dose_s", "total_s", "FFT padded"));
        for (ConvolutionResult.Method m : c.methods()) {
            int[] p = m.paddedSizes();
            b.append(String.format(Locale.ROOT, "%-6s %9.2f %11.2f %14.2f %7.2f %8.2f  %s%n", m.method(),
                    m.kernelSeconds(), m.spectrumSeconds(), m.convolutionSeconds(), m.doseSeconds(), m.totalSeconds(),
                    p[0] + "x" + p[1] + "x" + p[2]));
        }
        b.append(String.format(Locale.ROOT, "both, with the decays map (%.2f s): %.2f s; cores %s; heap peak %s MiB "
                + "(build of the maps, untimed: %.2f s)%n", c.decaysSeconds(), c.totalSeconds(),
                fixed(c.coresUsed(), "%.2f"), fixed(c.heapPeakMiB(), "%,.0f"), c.buildSeconds()));
        b.append(String.format(Locale.ROOT, "kernel_s: the point kernel integrated over the voxels to the grid's full "
                + "extent (vsv: plus its electron octant); spectrum_s: the kernel's FFT; convolution_s: the decays "
                + "convolved; dose_s: energy over the local mass%n"));
        return b.toString();
    }

    static String targetLine(BenchResult r) {
        BenchResult.TargetOutcome t = r.target();
        if (!t.reached()) {
            return String.format(Locale.ROOT, "%s: %s not at %.3g %% after the maximum of %,d decays (%.2f %%); raise "
                    + "--target-max-decays", r.name(), t.region(), 100 * t.targetRelativeUncertainty(), t.maxDecays(),
                    100 * t.relativeUncertainty());
        }
        String s = String.format(Locale.ROOT, "%s: %s at %.2f %% (target %.3g %%) after %,d decays, %.2f s of transport "
                + "(resolution: its last batch, %,d decays)", r.name(), t.region(), 100 * t.relativeUncertainty(),
                100 * t.targetRelativeUncertainty(), r.decays(), r.seconds(), t.batchDecays());
        if (t.stoppedAtMinimum(r.decays())) {
            s += String.format(Locale.ROOT, "; stopped at the minimum of %,d decays (20 batches), so these are upper "
                    + "bounds", t.minDecays());
        }
        return s;
    }

    private static String fixed(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
    }
}
