package doseengine.report;

import doseengine.dosimetry.treatment.StructureCycle;
import doseengine.dosimetry.treatment.StructureKinds;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.io.ImageFiles;
import doseengine.study.KidneyBedMap;
import doseengine.study.StructureDose;
import doseengine.study.StudySummary;
import doseengine.tally.DoseMap;
import doseengine.tally.RegionDose;
import doseengine.tally.RegionDoseCalculator;
import doseengine.transport.DoseCalculation;
import doseengine.transport.DoseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the study's pictures and kidney BED maps as the cycles come ({@link #cycle}) and over the cycles
 * ({@link #finish}), and collects what it wrote for {@link StudyReport} ({@link StudyImages}). Per cycle: a dose
 * slice per lesion ({@link LesionSlices}) and {@value StudyImages#BED_KIDNEYS} ({@link KidneyBedMap}), when a kidney
 * has tissue parameters. The cycle's DVH of every structure is the run's {@code dvh.png} ({@link RunReport}).
 *
 * <p>Over the cycles, when the summed dose map exists (every cycle on one grid): its DVH per structure of the
 * latest cycle's labels, mass-weighted with the latest cycle's density (a lesion first seen in a later cycle is in
 * them), and the kidney BED maps summed. The latest cycle's labels and density are held for that.
 */
public final class StudyImageWriter {
    private final StructureKinds kinds;
    private final Map<String, List<LesionSlices.LesionSlice>> lesions = new LinkedHashMap<>();
    private final Map<String, KidneyBedMap> beds = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private LabelMap latestLabels;
    private FloatVolume latestDensity;

    public StudyImageWriter(StructureKinds kinds) {
        this.kinds = kinds;
    }

    /** The lesion pictures and the kidney BED map of one cycle, into its folder. */
    public void cycle(Path cycleDir, String cycle, DoseResult r, List<StructureDose> rows) {
        lesions.put(cycle, LesionSlices.write(cycleDir, cycle, r, kinds));
        latestLabels = r.problem().labels();
        latestDensity = r.problem().density();
        List<StructureCycle> summaries = rows.stream().map(StructureDose::cycle).filter(Objects::nonNull).toList();
        KidneyBedMap bed = KidneyBedMap.of(r.dose().gray(), latestDensity, latestLabels, summaries);
        bed.notes().forEach(n -> notes.add(cycle + ": " + n));
        if (!bed.kidneys().isEmpty()) {
            ImageFiles.write(cycleDir.resolve(StudyImages.BED_KIDNEYS), bed.bedGy());
            beds.put(cycle, bed);
        }
    }

    /**
     * The summed dose's DVH and the summed kidney BED map into {@code dir}; returns everything written. The
     * summed BED map is written when every cycle has one and the summed dose map exists (the grids agree).
     */
    public StudyImages finish(Path dir, StudySummary summary) {
        String dvh = null;
        KidneyBedMap cumulative = null;
        FloatVolume sum = summary.cumulativeDoseGy();
        if (sum != null && latestLabels != null) {
            FloatVolume zero = new FloatVolume(sum.grid());
            List<RegionDose> regions = RegionDoseCalculator.exact(new DoseMap(sum, zero, 1), latestDensity,
                    latestLabels, new double[0], DoseCalculation.DVH_BINS);
            DvhPlot.write(dir.resolve(StudyImages.CUMULATIVE_DVH), regions, "Cumulative DVH: dose summed over "
                    + summary.cycles().size() + " cycle(s)");
            dvh = StudyImages.CUMULATIVE_DVH;
            if (!beds.isEmpty() && beds.size() == summary.cycles().size()) {
                Optional<KidneyBedMap> b = KidneyBedMap.sum(new ArrayList<>(beds.values()), latestLabels,
                        latestDensity);
                if (b.isPresent()) {
                    cumulative = b.get();
                    ImageFiles.write(dir.resolve(StudyImages.CUMULATIVE_BED_KIDNEYS), cumulative.bedGy());
                    notes.addAll(cumulative.notes());
                }
            } else if (!beds.isEmpty()) {
                notes.add("summed kidney BED map not written: only " + String.join(", ", beds.keySet())
                        + " of the cycles have a kidney BED map");
            }
        }
        return new StudyImages(lesions, beds, dvh, cumulative, notes);
    }

}
