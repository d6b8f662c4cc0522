package doseengine.study;

import doseengine.dosimetry.radiobiology.Bed;
import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.dosimetry.treatment.StructureKind;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * BED per voxel in the kidneys: for each voxel of every structure of kind {@link StructureKind#KIDNEY} that has
 * tissue parameters, {@code BED_v = D_v + g D_v^2 / (alpha/beta)}, D_v the voxel's dose, alpha/beta the kidney's and
 * g the shape factor of the structure's dose-rate curve at the kidney's repair rate ({@link StructureCycle}: the
 * structure's fitted time-activity curve scaled to its mean dose). 0 outside the kidneys.
 *
 * <p>Assumption: each voxel's dose rate is proportional to its structure's, {@code R_v(t) = (D_v / D) R(t)}: the
 * voxel has the structure's kinetics, only its dose differs. Then its Lea-Catcheside term is
 * {@code G_v = (D_v / D)^2 G = g D_v^2} (G is quadratic in the rate) and the closed form above follows
 * ({@link Bed#of(double, double, double)}). With instant uptake and mono-exponential clearance at rate lambda it is
 * {@code D_v (1 + D_v lambda / ((mu + lambda)(alpha/beta)))}. The organ method has one fit per structure, so this is
 * the only voxel kinetics it knows; a voxel that clears faster or slower than its structure is not seen.
 *
 * <p>The mean of the map over a structure differs from the structure's BED (the BED of its mean dose): BED is not
 * linear in dose, and the mass-weighted mean of {@code D_v + g D_v^2/(alpha/beta)} exceeds
 * {@code D + g D^2/(alpha/beta)} by {@code g Var(D_v)/(alpha/beta)}, Var the mass-weighted variance of the voxel
 * doses. Monte Carlo noise adds to that variance, so the map's mean and maximum carry an upward bias that shrinks
 * with more decays.
 *
 * <p>A voxel in two kidney structures (overlapping RTSTRUCT contours) takes the smaller structure's BED (fewest
 * voxels: the structure drawn to be told apart), as {@link LabelMap#innermost()} does for activities; each
 * structure's mean and maximum are over its own voxels.
 *
 * @param bedGy   the map, Gy, on the dose grid; 0 outside the kidneys
 * @param kidneys each kidney structure with parameters, in the order given
 * @param notes   kidney structures left out and why
 */
public record KidneyBedMap(FloatVolume bedGy, List<Kidney> kidneys, List<String> notes) {
    public KidneyBedMap {
        kidneys = List.copyOf(kidneys);
        notes = List.copyOf(notes);
    }

    /**
     * One kidney structure's voxel BED.
     *
     * @param name           the structure
     * @param voxels         its voxels
     * @param meanGy         the mass-weighted mean of the map over its voxels, Gy
     * @param maxGy          the largest voxel BED, Gy
     * @param structureBedGy the BED of the structure's mean dose, Gy (null for a sum over cycles)
     */
    public record Kidney(String name, int voxels, double meanGy, double maxGy, Double structureBedGy) {
    }

    /**
     * The map of one cycle: {@code doseGy} and {@code density} on the labels' grid, {@code structures} the cycle's
     * summaries (any kind; only the kidneys with a BED are used).
     */
    public static KidneyBedMap of(FloatVolume doseGy, FloatVolume density, LabelMap labels,
            List<StructureCycle> structures) {
        VoxelGrid g = labels.grid();
        g.requireSameGrid(doseGy.grid(), "labels", "dose");
        g.requireSameGrid(density.grid(), "labels", "density");
        List<String> notes = new ArrayList<>();
        List<StructureCycle> kidneys = new ArrayList<>();
        for (StructureCycle s : structures) {
            if (s.kind() != StructureKind.KIDNEY) {
                continue;
            }
            if (s.bedGy() == null) {
                notes.add("no voxel BED for " + s.name() + ": " + s.bedNote());
            } else if (!labels.names().containsValue(s.name())) {
                notes.add("no voxel BED for " + s.name() + ": not in the dose grid's labels");
            } else {
                kidneys.add(s);
            }
        }
        float[] d = doseGy.data();
        float[] out = new float[d.length];
        List<BitSet> masks = new ArrayList<>();
        for (StructureCycle s : kidneys) {
            masks.add(labels.maskOf(labels.valueOf(s.name())));
        }
        // largest first, so that a smaller structure's BED is written last where two overlap
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kidneys.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> masks.get(i).cardinality()).reversed());
        for (int i : order) {
            StructureCycle s = kidneys.get(i);
            BitSet m = masks.get(i);
            for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
                out[v] = (float) Bed.of(d[v], s.shapeFactor(), s.alphaBetaGy());
            }
        }
        List<Kidney> rows = new ArrayList<>();
        for (int i = 0; i < kidneys.size(); i++) {
            StructureCycle s = kidneys.get(i);
            BitSet m = masks.get(i);
            double sum = 0;
            double mass = 0;
            double max = 0;
            float[] rho = density.data();
            for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
                double bed = Bed.of(d[v], s.shapeFactor(), s.alphaBetaGy()); // its own, where structures overlap
                sum += bed * rho[v];
                mass += rho[v];
                max = Math.max(max, bed);
            }
            rows.add(new Kidney(s.name(), m.cardinality(), mass > 0 ? sum / mass : 0, max, s.bedGy()));
        }
        return new KidneyBedMap(new FloatVolume(g, out), rows, notes);
    }

    /**
     * The cycles' maps summed voxel by voxel (full repair between cycles, as {@link Bed#overCycles}), with each
     * kidney's mean and maximum over its voxels in {@code labels} (the latest cycle's), mass-weighted with
     * {@code density}; empty when the grids differ (summing would need registration).
     */
    public static Optional<KidneyBedMap> sum(List<KidneyBedMap> cycles, LabelMap labels, FloatVolume density) {
        VoxelGrid g = labels.grid();
        for (KidneyBedMap c : cycles) {
            if (!c.bedGy().grid().sameGeometry(g, VoxelGrid.DEFAULT_TOLERANCE_MM)) {
                return Optional.empty();
            }
        }
        g.requireSameGrid(density.grid(), "labels", "density");
        float[] out = new float[g.voxelCount()];
        List<String> names = new ArrayList<>();
        for (KidneyBedMap c : cycles) {
            float[] b = c.bedGy().data();
            for (int v = 0; v < out.length; v++) {
                out[v] += b[v];
            }
            for (Kidney k : c.kidneys()) {
                if (!names.contains(k.name())) {
                    names.add(k.name());
                }
            }
        }
        List<Kidney> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        float[] rho = density.data();
        for (String name : names) {
            if (!labels.names().containsValue(name)) {
                notes.add("no summed voxel BED for " + name + ": not in the latest cycle's labels");
                continue;
            }
            BitSet m = labels.maskOf(labels.valueOf(name));
            double sum = 0;
            double mass = 0;
            double max = 0;
            for (int v = m.nextSetBit(0); v >= 0; v = m.nextSetBit(v + 1)) {
                sum += out[v] * (double) rho[v];
                mass += rho[v];
                max = Math.max(max, out[v]);
            }
            rows.add(new Kidney(name, m.cardinality(), mass > 0 ? sum / mass : 0, max, null));
        }
        return Optional.of(new KidneyBedMap(new FloatVolume(g, out), rows, notes));
    }

    /** The row of {@code name}, if it is a kidney of this map. */
    public Optional<Kidney> kidney(String name) {
        return kidneys.stream().filter(k -> k.name().equals(name)).findFirst();
    }
}
