package doseengine.report;

import doseengine.study.KidneyBedMap;
import java.util.List;
import java.util.Locale;

/** The parts of the study's {@code report.html} that link and report {@link StudyImages}. */
final class StudyImagesHtml {
    private StudyImagesHtml() {}

    /** A cycle's DVH, lesion pictures and kidney voxel BED. */
    static void cycle(StringBuilder h, String cycle, StudyImages images) {
        String c = HtmlReport.esc(cycle);
        h.append("<p><a href=\"").append(c).append('/').append(RunReport.DVH_PNG)
                .append("\">DVH of every structure</a>");
        List<LesionSlices.LesionSlice> lesions = images.lesionSlices().getOrDefault(cycle, List.of());
        if (!lesions.isEmpty()) {
            h.append(". Dose on CT per lesion (axial slice through its hottest voxel, lesion outlined in white): ");
            for (int i = 0; i < lesions.size(); i++) {
                LesionSlices.LesionSlice l = lesions.get(i);
                h.append(i == 0 ? "" : ", ").append("<a href=\"").append(c).append('/')
                        .append(HtmlReport.esc(l.file())).append("\">").append(HtmlReport.esc(l.name()))
                        .append("</a>");
            }
        }
        h.append(".</p>\n");
        KidneyBedMap bed = images.kidneyBed().get(cycle);
        if (bed != null) {
            h.append("<p><a href=\"").append(c).append('/').append(StudyImages.BED_KIDNEYS)
                    .append("\">Kidney BED per voxel</a>: each voxel's dose with its structure's dose-rate shape "
                            + "(voxel dose rate assumed proportional to the structure's). The map's mean exceeds the"
                            + " BED of the mean dose: BED is not linear in dose (and Monte Carlo noise adds to the "
                            + "voxel doses' spread).</p>\n");
            table(h, bed, true);
        }
    }

    /** The summed dose's DVH and the summed kidney BED map. */
    static void cumulative(StringBuilder h, StudyImages images) {
        if (images.cumulativeDvh() != null) {
            h.append("<p><a href=\"").append(HtmlReport.esc(images.cumulativeDvh()))
                    .append("\">DVH of the summed dose</a> (structures of the latest cycle).</p>\n");
        }
        if (images.cumulativeBed() != null) {
            h.append("<p><a href=\"").append(StudyImages.CUMULATIVE_BED_KIDNEYS)
                    .append("\">Kidney BED per voxel summed over the cycles</a>.</p>\n");
            table(h, images.cumulativeBed(), false);
        }
    }

    private static void table(StringBuilder h, KidneyBedMap bed, boolean withStructureBed) {
        h.append("<table><tr><th>structure</th>").append(withStructureBed ? "<th>BED of the mean dose (Gy)</th>" : "")
                .append("<th>mean voxel BED (Gy)</th><th>max voxel BED (Gy)</th></tr>\n");
        for (KidneyBedMap.Kidney k : bed.kidneys()) {
            h.append("<tr><td>").append(HtmlReport.esc(k.name())).append("</td>");
            if (withStructureBed) {
                h.append("<td>").append(num(k.structureBedGy())).append("</td>");
            }
            h.append("<td>").append(num(k.meanGy())).append("</td><td>").append(num(k.maxGy()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
