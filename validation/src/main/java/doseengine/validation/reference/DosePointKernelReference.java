package doseengine.validation.reference;

import doseengine.validation.io.CsvTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scaled dose point kernels of monoenergetic electrons in water that the validation compares with: ETRAN
 * (Berger), EGSnrc EDKnrc and TestEm12's 10 keV ETRAN data, at 10, 15, 100 and 500 keV (provenance in
 * {@code reference/dpk/README.md}). Loaded once from the resources; the file is in the engine module's
 * resources, the lowest module that both this class and the engine's own kernel test see.
 */
public final class DosePointKernelReference {
    static final String RESOURCE = "/doseengine/reference/dpk/electron_dpk_water_scaled.csv";
    /** Energies (MeV) agree when they differ by less than this (the file writes 0.01, 0.015, 0.1, 0.5). */
    private static final double ENERGY_TOLERANCE_MEV = 1e-9;

    private static final DosePointKernelReference STANDARD = load();

    private final Map<DpkReferenceSet, TreeMap<Double, ScaledDosePointKernel>> kernels;

    private DosePointKernelReference(Map<DpkReferenceSet, TreeMap<Double, ScaledDosePointKernel>> kernels) {
        this.kernels = kernels;
    }

    /** The kernels shipped with the project. */
    public static DosePointKernelReference standard() {
        return STANDARD;
    }

    /** Every kernel, set by set in enum order, lowest energy first. */
    public List<ScaledDosePointKernel> all() {
        List<ScaledDosePointKernel> out = new ArrayList<>();
        for (TreeMap<Double, ScaledDosePointKernel> m : kernels.values()) {
            out.addAll(m.values());
        }
        return Collections.unmodifiableList(out);
    }

    /** The energies (MeV) a set has kernels for, ascending. */
    public List<Double> energiesMeV(DpkReferenceSet set) {
        return List.copyOf(kernels.getOrDefault(set, new TreeMap<>()).keySet());
    }

    /** Every distinct energy (MeV) of any set, ascending. */
    public List<Double> allEnergiesMeV() {
        TreeMap<Double, Boolean> e = new TreeMap<>();
        kernels.values().forEach(m -> m.keySet().forEach(k -> e.put(k, true)));
        return List.copyOf(e.keySet());
    }

    /** The kernel of {@code set} at {@code energyMeV}, if the file has one. */
    public Optional<ScaledDosePointKernel> find(DpkReferenceSet set, double energyMeV) {
        TreeMap<Double, ScaledDosePointKernel> m = kernels.get(set);
        if (m == null) {
            return Optional.empty();
        }
        Map.Entry<Double, ScaledDosePointKernel> near = m.ceilingEntry(energyMeV - ENERGY_TOLERANCE_MEV);
        if (near != null && Math.abs(near.getKey() - energyMeV) < ENERGY_TOLERANCE_MEV) {
            return Optional.of(near.getValue());
        }
        return Optional.empty();
    }

    /** Every set's kernel at this energy, in enum order (EGSnrc before the 10 keV ETRAN data). */
    public Map<DpkReferenceSet, ScaledDosePointKernel> atEnergy(double energyMeV) {
        Map<DpkReferenceSet, ScaledDosePointKernel> out = new EnumMap<>(DpkReferenceSet.class);
        for (DpkReferenceSet s : DpkReferenceSet.values()) {
            find(s, energyMeV).ifPresent(k -> out.put(s, k));
        }
        return out;
    }

    /**
     * The kernel a pass/fail is judged against at this energy: EGSnrc where the file has one, else ETRAN (either
     * ETRAN set), as the validation issue asks.
     */
    public Optional<ScaledDosePointKernel> primary(double energyMeV) {
        Optional<ScaledDosePointKernel> egs = find(DpkReferenceSet.EGSNRC_EDKNRC, energyMeV);
        if (egs.isPresent()) {
            return egs;
        }
        Optional<ScaledDosePointKernel> etran = find(DpkReferenceSet.ETRAN, energyMeV);
        return etran.isPresent() ? etran : find(DpkReferenceSet.ETRAN_DATA_10KEV, energyMeV);
    }

    /** The set of {@link #primary}'s kernel at this energy. */
    public Optional<DpkReferenceSet> primarySet(double energyMeV) {
        Optional<ScaledDosePointKernel> p = primary(energyMeV);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<DpkReferenceSet, ScaledDosePointKernel> e : atEnergy(energyMeV).entrySet()) {
            if (e.getValue() == p.get()) {
                return Optional.of(e.getKey());
            }
        }
        throw new IllegalStateException("the primary kernel at " + energyMeV + " MeV belongs to no set");
    }

    private static DosePointKernelReference load() {
        CsvTable t = CsvTable.readResource(DosePointKernelReference.class, RESOURCE)
                .requireColumns("set", "E0_MeV", "r_over_r0", "j_scaled");
        Map<DpkReferenceSet, TreeMap<Double, List<double[]>>> rows = new EnumMap<>(DpkReferenceSet.class);
        for (CsvTable.Row r : t.rows()) {
            DpkReferenceSet set = DpkReferenceSet.ofKey(r.text("set"));
            if (set == null) {
                throw new IllegalStateException(RESOURCE + " line " + r.line() + ": unknown kernel set " + r.text("set"));
            }
            rows.computeIfAbsent(set, k -> new TreeMap<>())
                    .computeIfAbsent(r.positive("E0_MeV"), k -> new ArrayList<>())
                    .add(new double[] {r.number("r_over_r0"), r.number("j_scaled")});
        }
        Map<DpkReferenceSet, TreeMap<Double, ScaledDosePointKernel>> kernels = new EnumMap<>(DpkReferenceSet.class);
        rows.forEach((set, byEnergy) -> {
            TreeMap<Double, ScaledDosePointKernel> m = new TreeMap<>();
            byEnergy.forEach((energy, pairs) -> {
                double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
                double[] j = pairs.stream().mapToDouble(p -> p[1]).toArray();
                String label = set.title() + ", " + kev(energy) + " keV";
                m.put(energy, set.sampling() == DpkReferenceSet.Sampling.POINTS
                        ? ScaledDosePointKernel.points(label, energy, x, j)
                        : ScaledDosePointKernel.shellMidpoints(label, energy, x, j));
            });
            kernels.put(set, m);
        });
        return new DosePointKernelReference(kernels);
    }

    private static String kev(double mev) {
        double k = mev * 1000;
        return k == Math.rint(k) ? String.valueOf((long) k) : String.valueOf(k);
    }
}
