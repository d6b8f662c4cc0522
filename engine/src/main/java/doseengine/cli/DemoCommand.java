package doseengine.cli;

import doseengine.io.DoseProblems;
import doseengine.io.OutputDirectory;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.report.RunContext;
import doseengine.transport.DoseProblem;
import doseengine.transport.RunPart;
import doseengine.transport.RunSettings;
import doseengine.transport.TransportMethod;
import doseengine.transport.StopRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.Uids;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doseengine demo}: the embedded default case, the torso phantom with 7.4 GBq of 177Lu (DESIGN.md 5).
 *
 * <p>The phantom's activity map is the activity at t = 0 (MBq per voxel). Its time-integrated activity assumes
 * physical decay only, {@code A~ = A0 T1/2 / ln 2} (decay from t = 0 to infinity without biological clearance),
 * which overestimates a patient's doses: real 177Lu-DOTATATE organ clearance is faster. The report says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dose of the torso phantom (lungs, liver, spleen, kidneys, spine, three tumours) with 7.4 GBq "
                + "of 177Lu: writes dose and uncertainty maps, an organ table, a DVH plot, a dose slice and a report.")
public final class DemoCommand implements Callable<Integer>, SplittableCommand {
    /**
     * Default decays: chosen so that the whole demo (tables, transport, outputs) finishes within 2 minutes on two
     * cores with the Java Monte Carlo kernel. To be tuned once that kernel is measured.
     */
    public static final long DEMO_DECAYS = 1_000_000;
    static final String PHANTOM = "torso";
    static final String NUCLIDE = "Lu-177";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out",
            description = "Output folder (default ${DEFAULT-VALUE}; created).")
    Path out;

    @Option(names = "--decays", paramLabel = "N", defaultValue = "" + DEMO_DECAYS,
            description = "Number of decays (default ${DEFAULT-VALUE}), run in 10 to 100 equal batches.")
    long decays;

    @Option(names = "--voxel-mm", paramLabel = "X",
            description = "Voxel size of the phantom in mm (default: the torso's own, 4 mm).")
    Double voxelMm;

    @Option(names = "--dicom-out",
            description = "Also write dose.dcm and uncertainty.dcm (RT Dose) with the phantom's CT as a DICOM series "
                    + "(ct_dicom/) and its structures (rtstruct.dcm), in a new study and frame of reference.")
    boolean dicomOut;

    @Mixin
    TransportOptions transport;

    @Mixin
    MethodOption method;

    @Mixin
    PartOption part;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() {
        return SplittableCommand.execute(spec.commandLine(), this, part, checkpoints, out);
    }

    @Override
    public String name() { return "demo"; }

    @Override
    public StopRule stopRule() { return new StopRule.DecayCount(decays); }

    @Override
    public TransportMethod method() { return method.method(); }

    @Override
    public TransportOptions transport() { return transport; }

    /** The phantom is built in: no input file. */
    @Override
    public Map<String, Path> inputFiles() { return Map.of(); }

    @Override
    public Prepared prepare() {
        Phantom phantom = voxelMm == null ? PhantomCatalog.create(PHANTOM) : PhantomCatalog.create(PHANTOM, voxelMm);
        Nuclide nuclide = NuclideCatalog.get(NUCLIDE);
        double hours = physicalDecayHours(nuclide);
        String tiaNote = String.format(Locale.ROOT, "time-integrated activity assumes physical decay only: "
                + "A~ = A0 x T1/2 / ln 2 = A0 x %.4g h (%s half-life %.4g d); biological clearance is not modelled, "
                + "so the doses are upper bounds for a patient with this uptake", hours, nuclide.name(),
                nuclide.halfLifeSeconds() / 86400);
        DoseProblem problem = DoseProblems.fromPhantom(phantom, nuclide, hours, List.of());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("phantom", phantom.description());
        inputs.put("voxel", String.format(Locale.ROOT, "%.4g mm", phantom.grid().spacingX()));
        inputs.put("administered activity", RunContext.mbq(phantom.activityMBq().sum()) + " at t = 0");
        RunContext ctx = new RunContext("demo", VersionProvider.version(), Instant.now(), inputs, List.of(tiaNote),
                phantom.activityMBq().sum());
        DoseCommandSupport.DicomOutput dicom = dicomOut ? new DoseCommandSupport.DicomOutput(
                DicomReference.anonymous(Uids.fresh(), Uids.fresh(), "doseengine-demo", "doseengine demo"), false)
                : null;
        return new Prepared(problem, ctx, dicom);
    }

    /** T1/2 / ln 2 in hours: the integral of exp(-ln2 t / T1/2) from 0 to infinity. */
    static double physicalDecayHours(Nuclide n) {
        return n.halfLifeSeconds() / 3600 / Math.log(2);
    }
}
