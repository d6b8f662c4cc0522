package doseengine.io;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityUnitTest {
    /** One voxel of 2 x 5 x 10 mm = 0.1 ml holding 36 in the image's unit. */
    private static final FloatVolume IMAGE = new FloatVolume(new VoxelGrid(1, 1, 1, 2, 5, 10, new double[3]),
            new float[] {36f});

    @Test
    void everyUnitBecomesMBqHours() {
        assertEquals(36, ActivityUnit.MBQH.toMBqHours(IMAGE, null).data()[0]);
        assertEquals(0.01, ActivityUnit.MBQS.toMBqHours(IMAGE, null).data()[0], 1e-9); // 36 MBq s = 0.01 MBq h
        assertEquals(72, ActivityUnit.MBQ.toMBqHours(IMAGE, 2.0).data()[0], 1e-5);
        // 36 Bq/ml x 0.1 ml = 3.6 Bq = 3.6e-6 MBq, over 10 h: 3.6e-5 MBq h.
        assertEquals(3.6e-5, ActivityUnit.BQ_PER_ML.toMBqHours(IMAGE, 10.0).data()[0], 1e-11);
    }

    @Test
    void integrationTimeIsRequiredExactlyForActivities() {
        assertThrows(BadInputException.class, () -> ActivityUnit.MBQ.checkHours(null));
        assertThrows(BadInputException.class, () -> ActivityUnit.BQ_PER_ML.checkHours(-1.0));
        assertThrows(BadInputException.class, () -> ActivityUnit.MBQ.checkHours(Double.POSITIVE_INFINITY));
        assertThrows(BadInputException.class, () -> ActivityUnit.MBQH.checkHours(5.0));
        assertEquals(ActivityUnit.BQ_PER_ML, ActivityUnit.parse("bq/ML"));
        assertThrows(BadInputException.class, () -> ActivityUnit.parse("mCi"));
    }

    @Test
    void unitsAsSidecarsAndStudyFilesWriteThem() {
        assertEquals(Optional.of(ActivityUnit.MBQ), ActivityUnit.fromText("MBq per voxel"));
        assertEquals(Optional.of(ActivityUnit.MBQH), ActivityUnit.fromText(" MBq h / voxel"));
        assertEquals(Optional.of(ActivityUnit.BQ_PER_ML), ActivityUnit.fromText("Bq/mL"));
        assertEquals(Optional.empty(), ActivityUnit.fromText("mCi"));
    }
}
