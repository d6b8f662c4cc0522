package doseengine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.geometry.io.ImageFiles;
import doseengine.io.ActivityMetadata;
import doseengine.io.LabelNamesJson;
import doseengine.io.OutputDirectory;
import doseengine.phantoms.Phantom;
import doseengine.phantoms.PhantomCatalog;
import doseengine.phantoms.Structure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Renders a phantom and writes its CT, activity and labels as NIfTI, with the label names as JSON. */
@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = "Write the CT (HU), activity (MBq per voxel) and label images of a phantom: ct.nii.gz, "
                + "activity.nii.gz, labels.nii.gz and labels.json.")
public final class PhantomCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "water_cube, water_sphere, sphere_<mass>g (OLINDA masses, e.g. sphere_10g), nema_iec, torso.")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--voxel-mm", paramLabel = "X",
            description = "Cubic voxel size in mm (default: the phantom's own, e.g. 4 mm for the torso).")
    Double voxelMm;

    @Override
    public Integer call() {
        if (!PhantomCatalog.names().contains(name)) {
            throw new BadInputException("unknown phantom '" + name + "'; known phantoms: "
                    + String.join(", ", PhantomCatalog.names()));
        }
        Path dir = OutputDirectory.prepare(out);
        Phantom p = voxelMm == null ? PhantomCatalog.create(name) : PhantomCatalog.create(name, voxelMm);
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
