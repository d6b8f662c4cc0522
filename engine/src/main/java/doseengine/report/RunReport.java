package doseengine.report;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.io.ImageFiles;
import doseengine.transport.DoseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every output of {@code run} and {@code demo} into one folder (file names are part of the command-line
 * contract, DESIGN.md 5):
 * <ul>
 * <li>{@value #DOSE}: absorbed dose (Gy, float32) on the CT grid;</li>
 * <li>{@value #UNCERTAINTY}: relative standard error of each voxel's dose (a fraction; 1 where nothing was
 * deposited);</li>
 * <li>{@value #ORGANS_CSV}, {@value #ORGANS_JSON}: the organ table ({@link OrganTable});</li>
 * <li>{@value #DVH_PNG}: cumulative DVHs (only with labels);</li>
 * <li>{@value #SLICE_PNG}: a dose-on-CT slice;</li>
 * <li>{@value #REPORT_HTML}: the report that ties them together.</li>
 * </ul>
 */
public final class RunReport {
    public static final String DOSE = "dose.nii.gz";
    public static final String UNCERTAINTY = "uncertainty.nii.gz";
    public static final String ORGANS_CSV = "organs.csv";
    public static final String ORGANS_JSON = "organs.json";
    public static final String DVH_PNG = "dvh.png";
    public static final String SLICE_PNG = "dose_slice.png";
    public static final String REPORT_HTML = "report.html";

    private RunReport() {}

    /** Writes the outputs into {@code dir} (which must exist) and returns the files written. */
    public static List<Path> write(Path dir, DoseResult r, RunContext ctx) {
        List<Path> files = new ArrayList<>();
        ImageFiles.write(add(files, dir.resolve(DOSE)), r.dose().gray());
        ImageFiles.write(add(files, dir.resolve(UNCERTAINTY)), r.dose().relativeUncertainty());
        OrganTable.writeCsv(add(files, dir.resolve(ORGANS_CSV)), r.regions(), ctx);
        OrganTable.writeJson(add(files, dir.resolve(ORGANS_JSON)), r, ctx);
        String title = r.problem().name() + ", " + r.problem().nuclide().name() + ", " + r.settings().method().key()
                + " (" + String.format(java.util.Locale.ROOT, "%,d", r.outcome().decays()) + " decays)";
        String dvh = null;
        if (!r.regions().isEmpty()) {
            DvhPlot.write(add(files, dir.resolve(DVH_PNG)), r.regions(), "Cumulative DVH: " + title);
            dvh = DVH_PNG;
        }
        FloatVolume dose = r.dose().gray();
        FloatVolume density = r.problem().density();
        DoseSlicePlot.Slice slice = DoseSlicePlot.choose(dose, density, r.problem().labels(), r.regions());
        DoseSlicePlot.write(add(files, dir.resolve(SLICE_PNG)), r.problem().ctHu(), density, dose, slice,
                DoseSlicePlot.washTop(dose, density, r.regions()), "Dose on CT: " + title);
        HtmlReport.write(add(files, dir.resolve(REPORT_HTML)), r, ctx, SLICE_PNG, dvh);
        return files;
    }

    private static Path add(List<Path> files, Path p) {
        files.add(p);
        return p;
    }
}
