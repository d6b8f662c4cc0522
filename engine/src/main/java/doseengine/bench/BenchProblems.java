package doseengine.bench;

import doseengine.geometry.BadInputException;
import doseengine.io.DoseProblems;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.transport.DoseProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's problems, by name, and how each is built.
 *
 * <ul>
 * <li>{@code lu177_water_cube}: 177Lu uniform in the 200 mm water cube, 2 mm voxels ({@link WaterCube}).</li>
 * <li>{@code torso_lu177}, {@code torso_y90}, {@code torso_i131}: the demo's torso phantom and activity
 * distribution with each nuclide, materials and densities from the default (Schneider 2000) CT calibration, at
 * the torso's 4 mm voxels or {@code --voxel-mm}.</li>
 * <li>{@code torso_lu177_kidneys_2pct}: {@code torso_lu177} run until the mean dose of both kidneys together (left
 * and right cortex and medulla merged into one region, {@link CombinedRegion}) has a relative standard error of
 * 2 %.</li>
 * <li>{@code convolution_256x256x200}: no transport; the fast methods' convolution path (dpk and vsv of compare) on
 * a CT-sized grid, timed stage by stage ({@link ConvolutionBench}). A few seconds.</li>
 * <li>{@code dicom_ct_512x512x600}: no transport; a synthetic CT series of 600 slices of 512 x 512 written to a
 * temporary folder and read back as {@code run --ct} reads it, scan and decode timed ({@link DicomCtBench}). Run
 * last by default: some seconds, and 315 MB of temporary files.</li>
 * </ul>
 * Activities are integrated over physical decay (A~ = A0 T1/2 / ln 2), as in the demo; the scale does not change
 * the transport or any relative uncertainty.
 *
 * <p>A builder keeps the phantoms it rendered, so the four torso problems render the torso once per voxel size.
 */
public final class BenchProblems {
    public static final String KIDNEYS = "kidneys";
    static final String KIDNEY_PREFIX = "kidney_";
    /** The relative uncertainty of the time-to-target problem. */
    public static final double KIDNEY_TARGET = 0.02;

    private static final List<BenchProblem> ALL = List.of(
            new BenchProblem("lu177_water_cube", "Lu-177", BenchProblem.WATER_CUBE, null),
            new BenchProblem("torso_lu177", "Lu-177", BenchProblem.TORSO, null),
            new BenchProblem("torso_y90", "Y-90", BenchProblem.TORSO, null),
            new BenchProblem("torso_i131", "I-131", BenchProblem.TORSO, null),
            new BenchProblem("torso_lu177_kidneys_2pct", "Lu-177", BenchProblem.TORSO,
                    new BenchProblem.Target(KIDNEYS, KIDNEY_TARGET)),
            new BenchProblem(ConvolutionBench.NAME, "Lu-177", BenchProblem.CONVOLUTION, null),
            new BenchProblem(DicomCtBench.NAME, null, BenchProblem.DICOM_CT, null));

    private final Map<Double, Phantom> torsos = new HashMap<>();

    /** Every problem, in the order the default bench runs them. */
    public static List<BenchProblem> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(BenchProblem::name).toList();
    }

    /**
     * The problems named, in the order given, each once; all of them for null or an empty list.
     *
     * @throws BadInputException for a name that is not a problem, listing the known ones
     */
    public static List<BenchProblem> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return ALL;
        }
        List<BenchProblem> out = new ArrayList<>();
        for (String n : new LinkedHashSet<>(names)) {
            out.add(ALL.stream().filter(p -> p.name().equals(n.strip())).findFirst().orElseThrow(() ->
                    new BadInputException("unknown bench problem '" + n + "'; known problems: "
                            + String.join(", ", names()))));
        }
        return out;
    }

    /**
     * Builds the transport problem {@code p}; {@code torsoVoxelMm} is the voxel size of the torso problems.
     *
     * @throws IllegalArgumentException for the convolution and DICOM problems, which {@link ConvolutionBench} and
     *                                  {@link DicomCtBench} run
     */
    public BenchCase build(BenchProblem p, double torsoVoxelMm) {
        if (!p.isTransport()) {
            throw new IllegalArgumentException(p.name() + " transports nothing; "
                    + (p.isConvolution() ? "ConvolutionBench" : "DicomCtBench") + " runs it");
        }
        long t0 = System.nanoTime();
        Nuclide nuclide = NuclideCatalog.get(p.nuclide());
        double hours = nuclide.halfLifeSeconds() / 3600 / Math.log(2);
        if (!p.usesTorsoVoxel()) {
            DoseProblem cube = WaterCube.build(nuclide, hours);
            return new BenchCase(p, cube, WaterCube.VOXEL_MM, WaterCube.description(nuclide), seconds(t0));
        }
        Phantom torso = torsos.computeIfAbsent(torsoVoxelMm,
                mm -> PhantomCatalog.create(BenchProblem.TORSO, mm));
        DoseProblem problem = DoseProblems.fromPhantom(torso, nuclide, hours, List.of());
        String description = String.format(Locale.ROOT, "%s in the torso phantom with the demo's activity "
                + "distribution, %s voxels; materials and densities from the default CT calibration "
                + "(Schneider 2000)", nuclide.name(), BenchNumbers.mm(torsoVoxelMm));
        if (p.isTarget()) {
            CombinedRegion kidneys = CombinedRegion.ofPrefix(torso.labels(), KIDNEY_PREFIX, p.target().region());
            problem = new DoseProblem(problem.name(), problem.ctHu(), problem.density(), problem.material(),
                    problem.materials(), problem.tiaMBqH(), kidneys.labels(), nuclide, problem.notes());
            description += String.format(Locale.ROOT, "; run until the mean dose of region '%s' (%s merged) has a "
                    + "relative standard error of %.3g %%", kidneys.name(), String.join(" + ", kidneys.members()),
                    100 * p.target().relativeUncertainty());
        }
        return new BenchCase(p, problem, torsoVoxelMm, description, seconds(t0));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }
}
