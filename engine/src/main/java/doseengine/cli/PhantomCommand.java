package doseengine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.ActivityMetadata;
import doseengine.io.LabelNamesJson;
import doseengine.io.OutputDirectory;
import doseengine.io.PhantomDicomFolder;
import doseengine.geometry.VoxelGrid;
import doseengine.physics.decay.Nuclide;
import java.time.LocalDateTime;
import doseengine.io.TorsoStudyFolder;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.phantoms.PhantomGrid;
import doseengine.phantoms.Structure;
import doseengine.phantoms.TorsoPhantom;
import doseengine.phantoms.TorsoStudy;
import doseengine.physics.decay.NuclideCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Renders a phantom and writes its CT, activity and labels as NIfTI, with the label names as JSON. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = {"Write the CT (HU), activity (MBq per voxel) and label images of a phantom: ct.nii.gz, "
                + "activity.nii.gz, labels.nii.gz and labels.json; with --format dicom a CT series, a quantitative "
                + "SPECT (NM, Bq/ml) and an RT Structure Set instead.",
                "torso_study writes a synthetic patient instead: the torso with known bi-exponential kinetics per "
                + "structure (illustrative 177Lu-DOTATATE-like, not clinical data), one cycle of 7400 MBq imaged "
                + "at 4, 24, 96 and 168 h: ct.nii.gz, labels.nii.gz, labels.json, t004h/activity.nii.gz .. "
                + "t168h/activity.nii.gz (MBq per voxel at that time), study.json for the study command, and the "
                + "truth: truth.json (kinetics and analytic time-integrated activity per structure) and "
                + "truth_tia.nii.gz (MBq h per voxel).",
                "torso_study --cycles N writes N cycles of 7400 MBq injected 8 weeks apart, the lesions' uptake "
                + "falling 20 %% per cycle, cycle c's images in c<c>/; --single-time-point-after K images the cycles "
                + "after the K-th once, at 96 h."})
public final class PhantomCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "water_cube, water_sphere, sphere_<mass>g (OLINDA masses, e.g. sphere_10g), nema_iec, torso, "
                    + "torso_study.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--voxel-mm", paramLabel = "X",
            description = "Cubic voxel size in mm (default: the phantom's own, e.g. 4 mm for the torso).")
    Double voxelMm;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "nifti (default) or dicom: a CT series (ct/), a quantitative SPECT in Bq/ml (spect/nm.dcm, "
                    + "the activity at t = 0, acquired at injection) and an RT Structure Set (rtstruct.dcm), in one "
                    + "study and frame of reference.")
    String format;

    @Option(names = "--spect-voxels", paramLabel = "F",
            description = "With --format dicom: SPECT voxels are F CT voxels wide (default 2; 1 keeps the CT grid).")
    Integer spectVoxels;

    @Option(names = "--nuclide", paramLabel = "NUC",
            description = "With --format dicom: the radionuclide the SPECT names (default Lu-177).")
    String nuclide;

    @Option(names = "--cycles", paramLabel = "N",
            description = "torso_study only: the number of cycles (default 1), 7400 MBq each, injected 8 weeks "
                    + "apart; the lesions take up 20 %% less in each cycle than in the one before.")
    Integer cycles;

    @Option(names = "--single-time-point-after", paramLabel = "K",
            description = "torso_study only: the cycles after the K-th are imaged once, at 96 h (default: every "
                    + "cycle at 4, 24, 96 and 168 h).")
    Integer singleTimePointAfter;

    @Override
    public Integer call() {
        boolean dicom = dicomFormat();
        if (!TorsoStudy.NAME.equals(name) && (cycles != null || singleTimePointAfter != null)) {
            throw new BadInputException((cycles != null ? "--cycles" : "--single-time-point-after")
                    + " applies to torso_study only");
        }
        if (TorsoStudy.NAME.equals(name)) {
            if (dicom) {
                throw new BadInputException("--format dicom writes a single-time-point phantom; torso_study is "
                        + "written as NIfTI");
            }
            return writeStudy();
        }
        if (!PhantomCatalog.names().contains(name)) {
            throw new BadInputException("unknown phantom '" + name + "'; known phantoms: "
                    + String.join(", ", PhantomCatalog.names()) + ", " + TorsoStudy.NAME);
        }
        int factor = spectVoxels == null ? 2 : spectVoxels;
        if (factor < 1) {
            throw new BadInputException("--spect-voxels must be a whole number of at least 1, not " + factor);
        }
        Nuclide nuc = NuclideCatalog.get(nuclide == null ? "Lu-177" : nuclide);
        Path dir = OutputDirectory.prepare(out);
        Phantom p = voxelMm == null ? PhantomCatalog.create(name) : PhantomCatalog.create(name, voxelMm);
        if (dicom) {
            return writeDicom(dir, p, nuc, factor);
        }
        ImageFiles.write(dir.resolve("ct.nii.gz"), p.ctHu());
        ImageFiles.write(dir.resolve("activity.nii.gz"), p.activityMBq());
        // The image holds activity (MBq at t = 0), not the time-integrated activity run reads by default: the
        // sidecar tells run so, and run then asks for the integration time instead of reading MBq as MBq h.
        ActivityMetadata.write(dir.resolve("activity.json"), "MBq per voxel", "activity at t = 0 (administration)",
                p.activityMBq().sum());
        ImageFiles.write(dir.resolve("labels.nii.gz"), p.labels().volume());
        LabelNamesJson.write(dir.resolve("labels.json"), labelsDocument(p));

        PrintWriter w = spec.commandLine().getOut();
        w.println(p.summary());
        w.printf(Locale.ROOT, "wrote ct.nii.gz, activity.nii.gz (MBq per voxel at t = 0; activity.json says so), "
                + "labels.nii.gz and labels.json to %s%n", dir);
        w.flush();
        return 0;
    }

    private boolean dicomFormat() {
        if (format == null || format.equalsIgnoreCase("nifti")) {
            if (spectVoxels != null || nuclide != null) {
                throw new BadInputException((spectVoxels != null ? "--spect-voxels" : "--nuclide")
                        + " applies to --format dicom");
            }
            return false;
        }
        if (format.equalsIgnoreCase("dicom")) {
            return true;
        }
        throw new BadInputException("--format " + format + ": use nifti or dicom");
    }

    private int writeDicom(Path dir, Phantom p, Nuclide nuc, int factor) {
        LocalDateTime acquired = LocalDateTime.now().withNano(0);
        PhantomDicomFolder.Written w = PhantomDicomFolder.write(dir, p, nuc, factor, acquired);
        PrintWriter out = spec.commandLine().getOut();
        out.println(p.summary());
        VoxelGrid s = w.spectGrid();
        out.printf(Locale.ROOT, "wrote %s/ (CT, %d slices), %s (SPECT %d x %d x %d of %.4g mm, %s, %.6g MBq at t = 0 "
                + "in Bq/ml) and %s (%d structures), frame of reference %s, to %s%n", PhantomDicomFolder.CT,
                p.grid().nz(), PhantomDicomFolder.SPECT, s.nx(), s.ny(), s.nz(), s.spacingX(), nuc.name(),
                w.spectTotalMBq(), PhantomDicomFolder.RTSTRUCT, p.labels().names().size(), w.frameOfReferenceUid(),
                dir);
        out.printf(Locale.ROOT, "run it: doseengine run --ct %s --activity %s --rtstruct %s --nuclide %s "
                + "--tia-hours %.4g --out OUT   (the SPECT is activity at injection; %.4g h = T1/2 / ln 2 integrates "
                + "physical decay only)%n", dir.resolve(PhantomDicomFolder.CT), dir.resolve(PhantomDicomFolder.SPECT),
                dir.resolve(PhantomDicomFolder.RTSTRUCT), nuc.name(), DemoCommand.physicalDecayHours(nuc),
                DemoCommand.physicalDecayHours(nuc));
        out.flush();
        return 0;
    }

    private int writeStudy() {
        double voxel = voxelMm == null ? TorsoPhantom.DEFAULT_VOXEL_MM : voxelMm;
        PhantomGrid.requireVoxelSize(TorsoStudy.NAME, voxel);
        int n = cycles == null ? 1 : cycles;
        if (n < 1) {
            throw new BadInputException("--cycles must be at least 1, got " + n);
        }
        int fourPoint = singleTimePointAfter == null ? n : singleTimePointAfter;
        if (singleTimePointAfter != null && (fourPoint < 1 || fourPoint >= n)) {
            throw new BadInputException("--single-time-point-after " + fourPoint + " must be at least 1 and below "
                    + "--cycles (" + n + ")");
        }
        Path dir = OutputDirectory.prepare(out);
        double halfLifeH = NuclideCatalog.get(TorsoStudyFolder.NUCLIDE).halfLifeSeconds() / 3600;
        TorsoStudy study = TorsoStudy.create(voxel, halfLifeH);
        TorsoStudyFolder.write(dir, study, n, fourPoint);

        PrintWriter w = spec.commandLine().getOut();
        w.println("the torso, whose activity map the study scales per structure (its TIA map is this map times "
                + String.format(Locale.ROOT, "%.4g h):", study.tiaHoursPerTorsoMBq()));
        w.println(study.torso().summary());
        w.printf(Locale.ROOT, "%-22s %10s %8s %8s %12s%n", "kinetics", "A0 MBq", "T_u h", "T_w h", "TIA MBq h");
        for (TorsoStudy.Kinetics k : study.kinetics()) {
            w.printf(Locale.ROOT, "  %-20s %10.4g %8.3g %8.4g %12.6g%n", k.structure(), k.a0MBq(),
                    k.uptakeHalfTimeH(), k.washoutHalfLifeH(), k.tiaMBqH());
        }
        List<String> empty = study.kinetics().stream().filter(k -> k.torsoActivityMBq() <= 0)
                .map(TorsoStudy.Kinetics::structure).toList();
        if (!empty.isEmpty()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "warning: at %s mm no voxel holds %s: these structures "
                    + "have no activity in this study; use smaller voxels (default %s mm)%n", voxel,
                    String.join(", ", empty), TorsoPhantom.DEFAULT_VOXEL_MM);
        }
        w.printf(Locale.ROOT, "wrote the synthetic patient to %s: study.json (run: doseengine study %s), ct.nii.gz, "
                + "labels.nii.gz, labels.json, %s/activity.nii.gz .. %s/activity.nii.gz (MBq per voxel), truth.json "
                + "and truth_tia.nii.gz (MBq h per voxel)%n", dir, dir.resolve("study.json"),
                TorsoStudyFolder.timePointFolder(TorsoStudy.TIME_POINTS_H.get(0)),
                TorsoStudyFolder.timePointFolder(TorsoStudy.TIME_POINTS_H.get(TorsoStudy.TIME_POINTS_H.size() - 1)));
        if (n > 1) {
            w.printf(Locale.ROOT, "cycles 2..%d in c2/ .. c%d/ (%s, truth_tia.nii.gz), injected every %d days, lesion "
                    + "uptake x%.2g per cycle; %s%n", n, n, fourPoint >= n ? "4 time points each"
                    : "after cycle " + fourPoint + " one time point at " + (long) TorsoStudy.SINGLE_TIME_POINT_H
                    + " h", TorsoStudy.DAYS_BETWEEN_CYCLES, TorsoStudy.LESION_UPTAKE_PER_CYCLE,
                    "truth.json holds every cycle under \"cycles\"");
        }
        w.flush();
        return 0;
    }

    private static ObjectNode labelsDocument(Phantom p) {
        ObjectNode root = LabelNamesJson.newDocument();
        root.put("phantom", p.name());
        root.put("description", p.description());
        root.put("voxel_mm", p.grid().spacingX());
        root.put("activity_unit", "MBq per voxel");
        root.put("total_activity_MBq", p.activityMBq().sum());
        for (Structure s : p.structures()) {
            ObjectNode l = LabelNamesJson.addLabel(root, s.label(), s.name());
            l.put("voxels", p.labelVoxelCount(s.name()));
            l.put("volume_ml", p.labelVolumeMl(s.name()));
            l.put("hu", s.hu());
            l.put("concentration_MBq_per_ml", s.concentrationMBqPerMl());
            l.put("activity_MBq", p.labelActivityMBq(s.name()));
        }
        return root;
    }
}
