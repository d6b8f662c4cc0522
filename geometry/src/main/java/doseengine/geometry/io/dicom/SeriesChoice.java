package doseengine.geometry.io.dicom;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Picks the one series of a kind in a folder, or says in one line which ones there are and how to choose:
 * a study folder often holds several CTs (a scout, a contrast phase, a low-dose attenuation CT), and reading
 * the wrong one silently would put the dose on the wrong anatomy.
 */
final class SeriesChoice {
    private SeriesChoice() {}

    /**
     * @param kind    what is wanted, e.g. "CT" or "SPECT or PET"
     * @param option  the command-line option that chooses, e.g. "--ct-series"
     * @param fits    which series are of the kind
     * @param uid     the user's choice, or null
     */
    static DicomSeriesInfo choose(DicomFolder folder, String kind, String option, Predicate<DicomSeriesInfo> fits,
                                  String uid) {
        List<DicomSeriesInfo> candidates = folder.series().stream().filter(fits).toList();
        if (uid != null) {
            DicomSeriesInfo chosen = folder.series(uid);
            if (chosen == null) {
                throw new DicomException(folder.source(), "has no series " + uid + " (" + option + "); the "
                        + kind + " series there: " + list(candidates));
            }
            if (!fits.test(chosen)) {
                throw new DicomException(folder.source(), "series " + uid + " is " + chosen.modality() + " "
                        + chosen.shortLine() + ", not a " + kind + " series; the " + kind + " series there: "
                        + list(candidates));
            }
            return chosen;
        }
        if (candidates.isEmpty()) {
            throw new DicomException(folder.source(), "holds no " + kind + " series; found "
                    + folder.series().stream().map(s -> s.modality() + " " + s.shortLine())
                    .collect(Collectors.joining("; ")));
        }
        if (candidates.size() > 1) {
            throw new DicomException(folder.source(), "holds " + candidates.size() + " " + kind + " series: "
                    + list(candidates) + "; choose one with " + option + " UID");
        }
        return candidates.get(0);
    }

    private static String list(List<DicomSeriesInfo> series) {
        return series.isEmpty() ? "none"
                : series.stream().map(DicomSeriesInfo::shortLine).collect(Collectors.joining("; "));
    }
}
