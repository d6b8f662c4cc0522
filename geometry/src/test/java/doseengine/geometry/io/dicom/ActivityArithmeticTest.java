package doseengine.geometry.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Decay, counts calibration and DICOM time text, by hand. */
class ActivityArithmeticTest {
    private static final Path F = Path.of("f.dcm");

    @Test
    void decayFactorHalvesPerHalfLife() {
        double lu177 = 6.647 * 86400;
        assertEquals(0.5, Radiopharmaceutical.decayFactor(Duration.ofSeconds(574_301), lu177), 1e-6);
        assertEquals(Math.exp(-Math.log(2) * 3600 / 6586.2),
                Radiopharmaceutical.decayFactor(Duration.ofHours(1), 6586.2), 1e-14);
        assertEquals(2, Radiopharmaceutical.decayFactor(Duration.ofSeconds(-100), 100), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> Radiopharmaceutical.decayFactor(Duration.ZERO, 0));
    }

    @Test
    void countsBecomeBqPerMl() {
        // 1000 counts in 20 s in a 4.8^3 mm voxel with 10 cps/MBq: 50 cps = 5 MBq in 0.110592 ml.
        CountsCalibration c = new CountsCalibration(10);
        double voxelMl = 4.8 * 4.8 * 4.8 / 1000;
        assertEquals(5e6 / voxelMl, 1000 * c.bqPerMlPerCount(20, voxelMl), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new CountsCalibration(-1));
    }

    @Test
    void dicomTimes() {
        assertEquals(LocalDate.of(2024, 2, 29), DicomDateTimes.date(F, "DA", "20240229"));
        assertEquals(LocalDate.of(1999, 12, 1), DicomDateTimes.date(F, "DA", "1999.12.01"));
        assertEquals(LocalTime.of(9, 5, 7, 250_000_000), DicomDateTimes.time(F, "TM", "090507.25"));
        assertEquals(LocalTime.of(9, 5), DicomDateTimes.time(F, "TM", "0905"));
        assertEquals(LocalTime.of(9, 5, 7), DicomDateTimes.time(F, "TM", "09:05:07 "));
        assertEquals(LocalDateTime.of(2024, 3, 1, 8, 30, 15, 123_000_000),
                DicomDateTimes.dateTime(F, "DT", "20240301083015.123+0100"));
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), DicomDateTimes.dateTime(F, "DT", "20240301"));
        DicomException e = assertThrows(DicomException.class,
                () -> DicomDateTimes.time(F, "(0008,0032) Acquisition Time", "25h"));
        assertTrue(e.getMessage().contains("(0008,0032) Acquisition Time '25h'"), e.getMessage());
        assertThrows(DicomException.class, () -> DicomDateTimes.date(F, "DA", "20240230"));
        assertThrows(DicomException.class, () -> DicomDateTimes.time(F, "TM", "250000"));
    }
}
