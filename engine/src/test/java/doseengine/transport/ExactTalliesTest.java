package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of the regression tallies reads back as written, and a moved integer is reported readably. */
class ExactTalliesTest {
    private static ExactTallies sample(long voxelValue, long deposited) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("problem", "sample");
        header.put("grid", "4 3 2");
        long[] values = new long[24];
        values[1 + 4 * (2 + 3 * 1)] = voxelValue; // voxel (1, 2, 1)
        values[0] = 7;
        return new ExactTallies(header, List.of(new long[] {10, deposited, 5, deposited + 5}),
                ExactTallies.nonZero(values), 4, 3);
    }

    @Test
    void formattedTextParsesBackToTheSameTallies() {
        ExactTallies a = sample(123456789012L, 99);
        ExactTallies back = ExactTallies.parse(a.format());
        assertNull(back.differencesFrom(a));
        assertEquals(a.format(), back.format());
        assertTrue(a.format().contains("\n1 2 1 123456789012\n"), a.format());
    }

    @Test
    void aMovedVoxelAndBatchCounterAreReportedWithTheirValues() {
        String report = sample(1000, 99).differencesFrom(sample(990, 98));
        assertNotNull(report);
        assertTrue(report.contains("1 of 2 voxels differ"), report);
        assertTrue(report.contains("largest |difference| 10 at 1 2 1"), report);
        assertTrue(report.contains("1 2 1: expected 990, got 1000 (+10)"), report);
        assertTrue(report.contains("batch 0"), report);
    }

    @Test
    void aVoxelThatAppearsOrVanishesCountsAsADifference() {
        ExactTallies a = sample(0, 99);
        ExactTallies b = sample(5, 99);
        assertTrue(b.differencesFrom(a).contains("expected 0, got 5"));
        assertTrue(a.differencesFrom(b).contains("expected 5, got 0"));
    }
}
