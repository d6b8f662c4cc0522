package doseengine.io;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.io.dicom.ActivityImage;
import doseengine.geometry.io.dicom.ActivityImageReader;
import doseengine.geometry.io.dicom.CountsCalibration;
import doseengine.geometry.io.dicom.DicomReference;
import doseengine.geometry.io.dicom.Radiopharmaceutical;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.NuclideCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A quantitative SPECT (NM) or PET given as DICOM: activity concentration in Bq/ml at the acquisition time, on its
 * own grid, with what the file says was injected. The run then treats it as a Bq/ml image with
 * {@code --tia-hours}, exactly as a NIfTI one.
 *
 * @param bqPerMl  the image
 * @param facts    for the report's inputs and organs.json: series, acquisition time, radiopharmaceutical
 * @param notes    what reading decided (units, decay correction), and a frame of reference that differs from the
 *                 CT's
 * @param warnings a radiopharmaceutical whose nuclide is not the run's
 * @param injectedMBq the Radionuclide Total Dose of the file, or null
 */
public record DicomActivityInput(FloatVolume bqPerMl, Map<String, String> facts, List<String> notes,
                                 List<String> warnings, Double injectedMBq) {
    /**
     * @param seriesUid picks one of several SPECT/PET series, or null
     * @param countsPerSecondPerMBq the calibration of an image in counts, or null
     * @param ct the CT's DICOM reference, or null when the CT is not DICOM (its frame of reference is then not
     *           compared)
     */
    public static DicomActivityInput read(Path path, String seriesUid, Double countsPerSecondPerMBq, Nuclide nuclide,
            DicomReference ct) {
        InputFormat.DicomSource source = InputFormat.dicomSource(path, seriesUid);
        ActivityImage image = ActivityImageReader.read(source.scan(), source.seriesUid(),
                new ActivityImageReader.Options(countsPerSecondPerMBq == null ? null
                        : new CountsCalibration(countsPerSecondPerMBq), nuclide.halfLifeSeconds()));
        List<String> notes = new ArrayList<>(image.notes());
        List<String> warnings = new ArrayList<>();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("activity series", String.format(Locale.ROOT, "%s %s%s", image.modality(),
                image.seriesInstanceUid(), image.seriesDescription() == null ? "" : " (" + image.seriesDescription() + ")"));
        if (image.acquisitionTime() != null) {
            facts.put("acquired", image.acquisitionTime().toString());
        }
        Radiopharmaceutical rp = image.radiopharmaceutical();
        if (rp != null) {
            List<String> parts = new ArrayList<>();
            if (rp.nuclide() != null) {
                parts.add(rp.nuclide());
            }
            if (rp.injectedMBq() != null) {
                parts.add(String.format(Locale.ROOT, "%.6g MBq", rp.injectedMBq()));
            }
            if (rp.injectionTime() != null) {
                parts.add("injected " + rp.injectionTime());
            }
            if (!parts.isEmpty()) {
                facts.put("radiopharmaceutical", String.join(", ", parts));
            }
            Optional<String> other = otherNuclide(rp.nuclide(), nuclide);
            other.ifPresent(warnings::add);
        }
        if (ct != null && image.frameOfReferenceUid() != null
                && !image.frameOfReferenceUid().equals(ct.frameOfReferenceUid())) {
            warnings.add("the activity image's frame of reference " + image.frameOfReferenceUid() + " is not the CT's "
                    + ct.frameOfReferenceUid() + ": the two are overlaid by their patient coordinates as they are "
                    + "(no registration is done)");
        }
        return new DicomActivityInput(image.bqPerMl(), facts, notes, warnings, rp == null ? null : rp.injectedMBq());
    }

    /**
     * A warning when the file's radionuclide is not the run's. DICOM writes it as a code meaning ("^177^Lutetium",
     * "Lutetium-177"), a code value or free text ("Lu-177", "177Lu"), so the text is matched loosely: it names a
     * nuclide when it holds its mass number and its element or symbol.
     */
    static Optional<String> otherNuclide(String text, Nuclide run) {
        if (text == null || text.isBlank() || mentions(text, run.name())) {
            return Optional.empty();
        }
        String known = NuclideCatalog.names().stream().filter(n -> mentions(text, n)).findFirst()
                .map(n -> " (" + NuclideCatalog.get(n).name() + ")").orElse("");
        return Optional.of("the DICOM radiopharmaceutical is '" + text + "'" + known + ", but the run's --nuclide is "
                + run.name() + ": the dose is computed for " + run.name());
    }

    private static boolean mentions(String text, String nuclideName) {
        String t = text.toLowerCase(Locale.ROOT);
        String[] parts = NuclideCatalog.get(nuclideName).name().toLowerCase(Locale.ROOT).split("-");
        String symbol = parts[0];
        String mass = parts[parts.length - 1];
        String element = ELEMENTS.getOrDefault(symbol, symbol);
        return t.matches(".*(?<![0-9])" + mass + "(?![0-9]).*")
                && (t.contains(element) || t.matches(".*(?<![a-z])" + symbol + "(?![a-z]).*"));
    }

    private static final Map<String, String> ELEMENTS = Map.of("lu", "lutetium", "y", "yttrium", "i", "iodine");
}
