package doseengine.study;

import doseengine.dosimetry.kinetics.ActivityUncertainty;
import doseengine.dosimetry.kinetics.PhysicalDecay;
import doseengine.geometry.BadInputException;
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
 * One cycle's time points to time-integrated activity by the organ method.
 *
 * <ol>
 *   <li>Each time point is read on its own CT grid ({@link TimePointImages}): its structures are taken there, so time
 *       points on different grids need no registration (an organ's sum does not depend on where its voxels are).
 *       Every time point must have the same structure names.</li>
 *   <li>Per time point, the activity (MBq) of each structure, of the rest of the body and of the whole image
 *       ({@link StructureSums}).</li>
 *   <li>Per structure and for the rest of the body, a time-activity curve and its TIA ({@link StructureKinetics}:
 *       the fits' model selection, or Hänscheid's approximation for a single time point).</li>
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

    /** The cycle's TIA map and per-structure TIAs. */
    public CycleTia integrate(Cycle cycle) {
        List<ImagingTimePoint> points = cycle.timePoints();
        TimePointImages reference = null;
        List<StructureSums> sums = new ArrayList<>();
        for (ImagingTimePoint p : points) {
            TimePointImages images = TimePointImages.read(p, nuclide);
            StructureSums s = StructureSums.of(images.activity(), images.labels());
            if (reference == null) {
                reference = images;
            } else {
                requireSameStructures(reference, sums.get(0), images, s);
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
        return new CycleTia(cycle, reference.point(), OrganTiaMap.build(reference.activity(), reference.labels(), tia,
                atReference.structures(), rest.tiaMBqH(), atReference.restMBq()), reference.labels(), structures,
                rest, sums);
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
