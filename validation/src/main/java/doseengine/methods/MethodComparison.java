package doseengine.methods;

import doseengine.dosimetry.DoseConversion;
import doseengine.dosimetry.TimeIntegratedActivity;
import doseengine.dosimetry.convolution.VoxelSValues;
import doseengine.dosimetry.gamma.GammaCriteria;
import doseengine.dosimetry.gamma.GammaIndex;
import doseengine.dosimetry.gamma.GammaMap;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.tally.DoseMap;
import doseengine.tally.RegionDose;
import doseengine.tally.RegionDoseCalculator;
import doseengine.tally.TissueMaximum;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseProblem;
import doseengine.transport.DoseResult;
import doseengine.transport.ProgressPrinter;
import doseengine.transport.RunSettings;
import doseengine.validation.reference.VsvTissue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every chosen method on one problem, compared with Monte Carlo: the fast methods first (kernels from the cache or
 * computed once), then the Monte Carlo reference, then per structure statistics and gamma pass rates.
 */
public final class MethodComparison {
    /**
     * What to compare.
     *
     * @param methods the methods (Monte Carlo always among them)
     * @param gamma   the gamma criteria
     * @param tables  where the dose point kernels and voxel S values come from
     * @param lanconelliVsv {@code vsv} from Lanconelli et al.'s tables instead of the engine's own voxel S values
     */
    public record Options(List<Method> methods, GammaCriteria gamma, MethodTableRuns tables, boolean lanconelliVsv) {
        public Options(List<Method> methods, GammaCriteria gamma, MethodTableRuns tables) {
            this(methods, gamma, tables, false);
        }
    }

    /**
     * The comparison.
     *
     * @param problem the inputs
     * @param mc      the Monte Carlo calculation
     * @param methods every method's result, Monte Carlo first
     * @param gamma   the gamma criteria
     * @param tableSeconds time spent computing dose point kernels and S values not found in the cache
     * @param tablesComputed one line per table computed now
     * @param notes   what the reader must know (methods that left something out)
     */
    public record Result(DoseProblem problem, DoseResult mc, List<MethodResult> methods, GammaCriteria gamma,
            double tableSeconds, List<String> tablesComputed, List<String> notes) {
        public MethodResult of(Method m) {
            return methods.stream().filter(r -> r.method() == m).findFirst().orElse(null);
        }
    }

    private MethodComparison() {
    }

    public static Result run(DoseProblem p, RunSettings s, Options o, PrintWriter err) {
        List<String> notes = new ArrayList<>();
        List<FastDose> fast = fastMethods(p, o, notes);

        err.printf(Locale.ROOT, "Monte Carlo reference: %s, %s, seed %d%n", p.nuclide().name(), s.backend().device(),
                s.seed());
        err.flush();
        DoseResult mc = DoseCalculation.run(p, s, new ProgressPrinter(err));
        return compare(p, mc, fast, o, notes, err);
    }

    /**
     * The fast methods on a problem whose Monte Carlo result is already there (a study cycle's), compared with it.
     */
    public static Result compareWith(DoseProblem p, DoseResult mc, Options o, PrintWriter err) {
        List<String> notes = new ArrayList<>();
        return compare(p, mc, fastMethods(p, o, notes), o, notes, err);
    }

    /** The fast methods' doses, in the order of {@link Method}; kernels from the cache or computed now. */
    private static List<FastDose> fastMethods(DoseProblem p, Options o, List<String> notes) {
        VoxelGrid g = p.grid();
        List<FastDose> fast = new ArrayList<>();
        Map<String, Double> masses = masses(p);
        double[] decays = null;
        for (Method m : o.methods()) {
            long t0;
            switch (m) {
                case MC -> {
                    continue;
                }
                case LED -> {
                    t0 = System.nanoTime();
                    fast.add(new FastDose(m, MethodDoses.led(p), seconds(t0), List.of("photons are left out: LED "
                            + "deposits only the electrons' energy, in the decay's voxel"), null));
                }
                case DPK -> {
                    t0 = System.nanoTime();
                    double k0 = o.tables().seconds();
                    VoxelSValues k = GridVoxelSValues.dpk(o.tables(), p.nuclide(), g);
                    decays = decays == null ? TimeIntegratedActivity.decaysPerVoxel(p.tiaMBqH()) : decays;
                    double[] e = MethodDoses.energy(decays, g, k);
                    fast.add(new FastDose(m, DoseConversion.overLocalMass(e, p.density()),
                            seconds(t0) - (o.tables().seconds() - k0), List.of(), null));
                }
                case VSV, VSV_DENSITY -> {
                    // Both use the same convolution; compute it once when both are asked for.
                    if (fast.stream().anyMatch(f -> f.method == Method.VSV || f.method == Method.VSV_DENSITY)) {
                        continue;
                    }
                    t0 = System.nanoTime();
                    double k0 = o.tables().seconds();
                    VoxelSValues k = o.lanconelliVsv() ? GridVoxelSValues.vsvLanconelli(p.nuclide(), g)
                            : GridVoxelSValues.vsv(o.tables(), p.nuclide(), g);
                    List<String> vsvNotes = o.lanconelliVsv() ? List.of("voxel S values of Lanconelli et al. 2012 "
                            + "(offsets 0 to 5 voxels: the dose from farther, mostly photons, is left out)") : List.of();
                    decays = decays == null ? TimeIntegratedActivity.decaysPerVoxel(p.tiaMBqH()) : decays;
                    double[] e = MethodDoses.energy(decays, g, k);
                    double sec = seconds(t0) - (o.tables().seconds() - k0);
                    if (o.methods().contains(Method.VSV)) {
                        fast.add(new FastDose(Method.VSV, MethodDoses.overFixedMass(e, g,
                                VsvTissue.SOFT.densityGPerCm3()), sec, vsvNotes, null));
                    }
                    if (o.methods().contains(Method.VSV_DENSITY)) {
                        fast.add(new FastDose(Method.VSV_DENSITY, DoseConversion.overLocalMass(e, p.density()), sec,
                                vsvNotes, null));
                    }
                }
                case SPHERE -> {
                    if (p.labels() == null || p.labels().names().isEmpty()) {
                        notes.add("sphere: no structures (give --labels); the sphere model needs them");
                        continue;
                    }
                    SphereSValues sv = o.tables().spheres(p.nuclide());
                    t0 = System.nanoTime();
                    Map<String, Double> doses = new LinkedHashMap<>();
                    FloatVolume d = MethodDoses.sphere(p, sv, masses, doses);
                    List<String> n = new ArrayList<>();
                    n.add("self dose only: each structure as a unit-density sphere of its mass, cross-irradiation "
                            + "from other structures left out");
                    List<String> outside = MethodDoses.outsideSphereGrid(sv, masses);
                    if (!outside.isEmpty()) {
                        n.add(String.format(Locale.ROOT, "no sphere value for %s: mass outside the S-value grid "
                                + "(%.3g g to %.3g g)", String.join(", ", outside), sv.minMassG(), sv.maxMassG()));
                    }
                    fast.add(new FastDose(m, d, seconds(t0), n, doses.keySet()));
                }
                default -> throw new IllegalStateException(m.key());
            }
        }
        return fast;
    }

    /** Every method's statistics and gamma against the Monte Carlo result. */
    private static Result compare(DoseProblem p, DoseResult mc, List<FastDose> fast, Options o, List<String> notes,
            PrintWriter err) {
        VoxelGrid g = p.grid();
        FloatVolume mcTissue = tissueOnly(mc.dose().gray(), p.density());
        String noise = referenceNoise(mcTissue, mc.dose().relativeUncertainty(), o.gamma());
        if (noise != null) {
            notes.add(noise);
        }
        List<MethodResult> results = new ArrayList<>();
        results.add(new MethodResult(Method.MC, mc.dose().gray(), mc.dose().relativeUncertainty(), mc.regions(),
                mc.outcome().seconds(), null, List.of()));
        for (FastDose f : fast) {
            List<RegionDose> regions = p.labels() == null || p.labels().names().isEmpty() ? List.of()
                    : RegionDoseCalculator.exact(new DoseMap(f.dose, zero(g), mc.dose().decays()), p.density(),
                            p.labels(), new double[0], DoseCalculation.DVH_BINS);
            if (f.structures != null) {
                regions = regions.stream().filter(r -> f.structures.contains(r.name())).toList();
            }
            long t0 = System.nanoTime();
            MethodResult.GammaSummary gamma = f.method == Method.SPHERE ? null
                    : gamma(mcTissue, tissueOnly(f.dose, p.density()), p.labels(), o.gamma());
            err.printf(Locale.ROOT, "%s: %.2f s%s%n", f.method.key(), f.seconds,
                    gamma == null ? "" : String.format(Locale.ROOT, ", gamma %s pass rate %.1f %% (%.1f s)",
                            o.gamma(), 100 * gamma.overall(), seconds(t0)));
            err.flush();
            results.add(new MethodResult(f.method, f.dose, null, regions, f.seconds, gamma, f.notes));
        }
        return new Result(p, mc, results, o.gamma(), o.tables().seconds(), o.tables().computed(), notes);
    }

    /** A fast method's dose map; {@code structures}: those it has a value for, null for all. */
    private record FastDose(Method method, FloatVolume dose, double seconds, List<String> notes,
            java.util.Set<String> structures) {
    }

    /** The structures' masses (g) from the CT's densities. */
    static Map<String, Double> masses(DoseProblem p) {
        Map<String, Double> m = new LinkedHashMap<>();
        LabelMap labels = p.labels();
        if (labels == null) {
            return m;
        }
        float[] rho = p.density().data();
        double[] sum = new double[Short.MAX_VALUE + 1];
        for (int k = 0; k < labels.layerCount(); k++) { // overlapping structures: each its own mask
            short[] lab = labels.layer(k).data();
            int[] named = labels.compactIndexInLayer(k);
            for (int v = 0; v < lab.length; v++) {
                if (lab[v] > 0 && named[lab[v]] >= 0) {
                    sum[lab[v]] += rho[v];
                }
            }
        }
        double vol = p.grid().voxelVolumeCm3();
        labels.names().forEach((value, name) -> m.put(name, sum[value] * vol));
        return m;
    }

    /**
     * The dose in tissue only, 0 in air (density below {@link TissueMaximum#MIN_TISSUE_DENSITY} g/cm3): what the
     * gamma index compares. In air a voxel's dose is its energy over a mass a thousand times smaller than tissue's:
     * Monte Carlo's is noise, a convolution's an artefact of dividing by it; neither says anything about a patient,
     * and both would set the global maximum and flood the evaluated voxels.
     */
    static FloatVolume tissueOnly(FloatVolume dose, FloatVolume density) {
        float[] d = dose.data();
        float[] rho = density.data();
        float[] out = new float[d.length];
        for (int v = 0; v < d.length; v++) {
            out[v] = TissueMaximum.isTissue(rho[v]) ? d[v] : 0f;
        }
        return new FloatVolume(dose.grid(), out);
    }

    /** Gamma of a method against Monte Carlo (both in tissue only), overall and per structure. */
    static MethodResult.GammaSummary gamma(FloatVolume reference, FloatVolume evaluated, LabelMap labels,
            GammaCriteria criteria) {
        GammaMap r = GammaIndex.of(criteria).compute(reference, evaluated);
        Map<String, Double> by = new LinkedHashMap<>();
        if (labels != null) {
            for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
                int value = e.getKey();
                short[] lab = labels.layer(labels.layerOf(value)).data();
                double rate = r.passRate(v -> lab[v] == value);
                if (!Double.isNaN(rate)) {
                    by.put(e.getValue(), rate);
                }
            }
        }
        return new MethodResult.GammaSummary(r.passRate(), r.evaluatedCount(), by);
    }

    /**
     * A note when the reference's noise is not small against the gamma dose criterion: the median, over the voxels
     * gamma evaluates, of the Monte Carlo's standard error in units of the dose criterion (DD x maximum for global,
     * DD x local dose for local). Above 0.3, a perfect fast method already fails some voxels by the reference's noise
     * alone; null when below.
     */
    static String referenceNoise(FloatVolume dose, FloatVolume relUnc, GammaCriteria c) {
        float[] d = dose.data();
        float[] u = relUnc.data();
        double max = 0;
        for (float v : d) {
            max = Math.max(max, v);
        }
        List<Double> ratio = new ArrayList<>();
        for (int v = 0; v < d.length; v++) {
            if (d[v] >= c.threshold() * max && d[v] > 0) {
                double tolerance = c.doseDifference() * (c.normalisation() == GammaCriteria.Normalisation.LOCAL ? d[v] : max);
                ratio.add(u[v] * d[v] / tolerance);
            }
        }
        if (ratio.isEmpty()) {
            return null;
        }
        java.util.Collections.sort(ratio);
        double median = ratio.get(ratio.size() / 2);
        if (median <= 0.3) {
            return null;
        }
        return String.format(Locale.ROOT, "gamma: the Monte Carlo reference's statistical error is %.2f times the %s "
                + "dose criterion in the median evaluated voxel, so its noise lowers every method's pass rate; run "
                + "more --decays for pass rates that judge the methods", median, c);
    }

    private static FloatVolume zero(VoxelGrid g) {
        return new FloatVolume(g, new float[g.voxelCount()]);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
