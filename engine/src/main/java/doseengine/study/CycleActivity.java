package doseengine.study;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.EffectiveHalfLives;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.dosimetry.treatment.StructureKinds;
import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.Nuclide;
import doseengine.report.RunContext;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One cycle's time points to time-integrated activity by the organ method, or by the voxel method
 * ({@link VoxelTiaMap}) where the study asks for it and the cycle's time points share one grid.
 *
 * <ol>
 *   <li>Each time point is read on its own CT grid ({@link TimePointImages}): its structures are taken there, so time
 *       points on different grids need no registration (an organ's sum does not depend on where its voxels are).
 *       Every time point must have the same structure names.</li>
 *   <li>Per time point, the activity (MBq) of each structure, of the rest of the body and of the whole image
 *       ({@link StructureSums}).</li>
 *   <li>Per structure and for the rest of the body, a time-activity curve and its TIA ({@link StructureKinetics}:
 *       the fits' model selection, or for a single time point the population effective half-life or Hänscheid's
 *       approximation).</li>
 *   <li>The TIA map ({@link OrganTiaMap}) on the reference time point's CT grid.</li>
 * </ol>
 *
 * <p>The reference time point is the <b>first</b> (earliest) of the cycle. It holds the most activity, so the
 * pattern the map keeps within each structure has the least counting noise, and the rest of the body, which clears
 * fastest, is scaled from its largest and steadiest value rather than from a late residue near zero (a small
 * {@code A_rest(t_ref)} would magnify its noise by {@code TIA_rest / A_rest}); a single-time-point cycle's only time
 * point is its first. The price: the pattern within a structure is the early one (blood pool, uptake still under
 * way), not the TIA-weighted one; the structure totals are exact whatever the choice.
 *
 * <p>Only the reference time point's images are kept; the others are read, summed and dropped. Progress goes to
 * {@code log}: a line per time point read and per structure fitted.
 */
public final class CycleActivity {
    private final StructureKinetics kinetics;
    private final Nuclide nuclide;
    private final PrintWriter log;

    /** @param nuclide the study's: what a DICOM SPECT/PET is checked against and decay-corrected with */
    public CycleActivity(StructureKinetics kinetics, Nuclide nuclide, PrintWriter log) {
        this.kinetics = kinetics;
        this.nuclide = nuclide;
        this.log = log;
    }

    /** With the nuclide's physical decay as the floor on clearance and the default 10 % per point. */
    public static CycleActivity of(Nuclide nuclide, PrintWriter log) {
        return new CycleActivity(new StructureKinetics(new PhysicalDecay(nuclide.halfLifeSeconds() / 3600),
                ActivityUncertainty.standard()), nuclide, log);
    }

    /**
     * With the nuclide's physical decay as the floor on clearance, the default 10 % per point, and for
     * single-time-point cycles {@code rule} with the effective half-lives {@code halfLives}.
     */
    public static CycleActivity of(Nuclide nuclide, SingleTimePointRule rule, EffectiveHalfLives halfLives,
            PrintWriter log) {
        return new CycleActivity(new StructureKinetics(new PhysicalDecay(nuclide.halfLifeSeconds() / 3600),
                ActivityUncertainty.standard(), rule, halfLives, nuclide.name(), StructureKinds.standard()),
                nuclide, log);
    }

    /** The cycle's TIA map and per-structure TIAs by the organ method. */
    public CycleTia integrate(Cycle cycle) {
        return integrate(cycle, DoseMethod.ORGAN);
    }

    /**
     * The cycle's TIA map and per-structure TIAs by {@code method}. The voxel method needs every time point on the
     * reference time point's grid and two time points at least; a cycle without them runs the organ method and its
     * notes say so.
     */
    public CycleTia integrate(Cycle cycle, DoseMethod method) {
        List<ImagingTimePoint> points = cycle.timePoints();
        TimePointImages reference = null;
        List<StructureSums> sums = new ArrayList<>();
        List<FloatVolume> activities = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean voxel = method == DoseMethod.VOXEL;
        if (voxel && points.size() < 2) {
            voxel = false;
            notes.add(cycle.name() + ": method voxel needs two time points or more; with one, every voxel's TIA "
                    + "would be its structure's single-time-point TIA per activity as in the organ method, which was used");
        }
        for (ImagingTimePoint p : points) {
            TimePointImages images = TimePointImages.read(p, nuclide);
            StructureSums s = StructureSums.of(images.activity(), images.labels());
            if (reference == null) {
                reference = images;
            } else {
                requireSameStructures(reference, sums.get(0), images, s);
                if (voxel && !images.activity().grid().sameGeometry(reference.activity().grid(),
                        VoxelGrid.DEFAULT_TOLERANCE_MM)) {
                    voxel = false;
                    activities.clear();
                    notes.add(cycle.name() + ": method voxel needs every time point on one grid (registered); "
                            + p.field() + "'s CT grid differs from " + reference.point().field() + "'s by more than "
                            + VoxelGrid.DEFAULT_TOLERANCE_MM + " mm, so this cycle used the organ method");
                }
            }
            if (voxel) {
                activities.add(images.activity());
            }
            sums.add(s);
            logTimePoint(cycle, images, s, reference == images);
        }
        double[] hours = points.stream().mapToDouble(ImagingTimePoint::hoursAfterInjection).toArray();
        StructureSums atReference = sums.get(0);
        List<StructureTia> structures = new ArrayList<>();
        Map<String, Double> tia = new LinkedHashMap<>();
        for (String name : atReference.structures().keySet()) {
            double[] a = sums.stream().mapToDouble(s -> s.structures().get(name)).toArray();
            StructureTia t = fitted(cycle, kinetics.integrate(name, hours, a), atReference.structures().get(name));
            structures.add(t);
            tia.put(name, t.tiaMBqH());
        }
        StructureTia rest = fitted(cycle, kinetics.integrate(StructureTia.REST, hours,
                sums.stream().mapToDouble(StructureSums::restMBq).toArray()), atReference.restMBq());
        if (!voxel) {
            for (String n : notes) {
                log.println("note: " + n);
            }
            log.flush();
            return new CycleTia(cycle, reference.point(), OrganTiaMap.build(reference.activity(), reference.labels(),
                    tia, atReference.structures(), rest.tiaMBqH(), atReference.restMBq()), reference.labels(),
                    structures, rest, sums, DoseMethod.ORGAN, Map.of(), notes);
        }
        return voxelMap(cycle, reference, activities, hours, structures, rest, sums, notes);
    }

    /**
     * The voxel method's map ({@link VoxelTiaMap}) and each structure's TIA as the map's sum over the structure's
     * own voxels, with the relative uncertainty and the dose-rate shape of the structure's fit: a sum of voxel fits
     * has no fit of its own, and the voxels' uncertainties are not independent (the same images and calibration).
     */
    private CycleTia voxelMap(Cycle cycle, TimePointImages reference, List<FloatVolume> activities, double[] hours,
            List<StructureTia> structures, StructureTia rest, List<StructureSums> sums, List<String> notes) {
        LabelMap labels = reference.labels();
        StructureSums atReference = sums.get(0);
        double[] scale = new double[Short.MAX_VALUE + 1];
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            double a = atReference.structures().get(e.getValue());
            scale[e.getKey()] = a > 0 ? structureTia(structures, e.getValue()).tiaMBqH() / a : 0;
        }
        double restScale = atReference.restMBq() > 0 ? rest.tiaMBqH() / atReference.restMBq() : 0;
        VoxelTiaMap.Result map = VoxelTiaMap.build(activities, hours, 0, labels, scale, restScale,
                kinetics.decay(), kinetics.uncertainty());
        long fitted = map.voxelsWithActivity();
        Map<String, VoxelCounts> counts = VoxelCounts.of(map.paths(), labels);
        StructureSums mapSums = StructureSums.of(map.tiaMBqH(), labels);
        List<StructureTia> summed = new ArrayList<>();
        for (StructureTia s : structures) {
            summed.add(summedOverMap(s, mapSums.structures().get(s.name()), counts.get(s.name())));
        }
        StructureTia restSummed = summedOverMap(rest, mapSums.restMBq(), counts.get(StructureTia.REST));
        notes.add(String.format(Locale.ROOT, "%s: voxel method, %d voxels with activity at some time point fitted in "
                + "%.3g s (%.3g voxels/s)", cycle.name(), fitted, map.seconds(), fitted / map.seconds()));
        for (StructureTia s : summed) {
            notes.add(cycle.name() + " " + s.name() + " voxels: " + counts.get(s.name()).summary());
        }
        notes.add(cycle.name() + " " + StructureTia.REST + " voxels: " + counts.get(StructureTia.REST).summary());
        for (String n : notes) {
            log.println("note: " + n);
        }
        log.flush();
        return new CycleTia(cycle, reference.point(), map.tiaMBqH(), labels, summed, restSummed, sums,
                DoseMethod.VOXEL, counts, notes);
    }

    private static StructureTia structureTia(List<StructureTia> structures, String name) {
        return structures.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The structure's TIA replaced by the map's sum, its relative uncertainty and fit kept. */
    private static StructureTia summedOverMap(StructureTia s, double mapSum, VoxelCounts counts) {
        double rel = s.tiaMBqH() > 0 ? s.tiaSigmaMBqH() / s.tiaMBqH() : 0;
        String reason = String.format(Locale.ROOT, "voxel method: TIA the sum of the voxel TIA map over the structure "
                + "(%d of its %d voxels fitted, %d from the structure's fit); uncertainty and dose-rate shape from the "
                + "structure's own fit, a %s (%.6g MBq h): %s", counts.fitted(), counts.voxels(),
                counts.fromStructure(), s.model(), s.tiaMBqH(), s.reason());
        return new StructureTia(s.name(), s.curve(), s.model(), mapSum, rel * mapSum, reason, s.fit(), s.halfLife());
    }

    private static void requireSameStructures(TimePointImages first, StructureSums firstSums, TimePointImages other,
            StructureSums otherSums) {
        requireAll(other, otherSums, first, firstSums);
        requireAll(first, firstSums, other, otherSums);
    }

    private static void requireAll(TimePointImages lacking, StructureSums has, TimePointImages other,
            StructureSums wanted) {
        Set<String> missing = new TreeSet<>(wanted.structures().keySet());
        missing.removeAll(has.structures().keySet());
        if (!missing.isEmpty()) {
            throw new BadInputException(lacking.point().field() + "." + lacking.point().structures().kind().key()
                    + ": no structure \""
                    + String.join("\", \"", missing) + "\", which " + other.point().field() + " has");
        }
    }

    private StructureTia fitted(Cycle cycle, StructureTia t, double atReferenceMBq) {
        log.printf(Locale.ROOT, "%s %s: %s, TIA %.6g MBq h%s: %s%n", cycle.name(), t.name(), t.model(),
                t.tiaMBqH(), t.tiaMBqH() > 0 ? String.format(Locale.ROOT, " +- %.3g %%",
                        100 * t.tiaSigmaMBqH() / t.tiaMBqH()) : "", t.reason());
        if (t.tiaMBqH() > 0 && !(atReferenceMBq > 0)) {
            log.printf(Locale.ROOT, "warning: %s %s has no activity at the reference time point; its TIA %.6g MBq h "
                    + "is not in the map%n", cycle.name(), t.name(), t.tiaMBqH());
        }
        log.flush();
        return t;
    }

    private void logTimePoint(Cycle cycle, TimePointImages images, StructureSums s, boolean reference) {
        ImagingTimePoint p = images.point();
        List<String> notes = images.notes().stream().filter(n -> !n.startsWith(RunContext.WARNING_PREFIX)).toList();
        log.printf(Locale.ROOT, "%s %s h (%s%s): %.6g MBq in the image, %d structures, rest of body %.6g MBq; %s%n",
                cycle.name(), hours(p.hoursAfterInjection()), p.field(), reference ? ", reference" : "",
                s.totalMBq(), s.structures().size(), s.restMBq(),
                notes.isEmpty() ? "unit " + images.unit().label() + " from the study file" : String.join("; ", notes));
        for (String n : images.notes()) {
            if (n.startsWith(RunContext.WARNING_PREFIX)) {
                log.println(RunContext.WARNING_PREFIX + p.field() + ": " + n.substring(RunContext.WARNING_PREFIX.length()));
            }
        }
        log.flush();
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : String.format(Locale.ROOT, "%.4g", h);
    }
}
