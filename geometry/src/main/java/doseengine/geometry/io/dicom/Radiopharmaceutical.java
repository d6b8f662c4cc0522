package doseengine.geometry.io.dicom;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * What was injected, from the Radiopharmaceutical Information Sequence (0054,0016) (PS3.3 C.8.4.10 NM Isotope
 * Module, C.8.9.2 PET Isotope Module). Fields are null where the file has none.
 *
 * @param nuclide          Radionuclide Code Sequence (0054,0300) code meaning, else code value, else the
 *                         Radionuclide (0018,0030) text, else the Radiopharmaceutical (0018,0031) text
 * @param injectionTime    Radiopharmaceutical Start DateTime (0018,1078), else Start Time (0018,1072) on the
 *                         series date; a local clock reading
 * @param injectedMBq      Radionuclide Total Dose (0018,1074), which DICOM gives in MBq for NM and in Bq for PET
 * @param halfLifeSeconds  the half-life used: Radionuclide Half Life (0018,1075), else the caller's value
 */
public record Radiopharmaceutical(String nuclide, LocalDateTime injectionTime, Double injectedMBq,
                                  Double halfLifeSeconds) {
    /**
     * The fraction of activity left after {@code elapsed}: {@code 2^(-t / T_half)}. Negative elapsed times give
     * a factor above 1 (going back in time).
     */
    public static double decayFactor(Duration elapsed, double halfLifeSeconds) {
        if (!(halfLifeSeconds > 0) || !Double.isFinite(halfLifeSeconds)) {
            throw new IllegalArgumentException("half-life must be positive and finite, got " + halfLifeSeconds);
        }
        double seconds = elapsed.getSeconds() + elapsed.getNano() * 1e-9;
        return Math.pow(2, -seconds / halfLifeSeconds);
    }
}
