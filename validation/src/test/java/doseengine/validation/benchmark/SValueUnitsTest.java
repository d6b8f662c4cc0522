package doseengine.validation.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SValueUnitsTest {
    @Test
    void oneMeVPerDecayInOneKilogram() {
        // 1 MeV = 1.602176634e-13 J (exact SI); per MBq s 1e6 decays; 1e3 mGy per Gy.
        assertEquals(1.602176634e-4, SValueUnits.sValue(1.0, 1.0), 1e-19);
        assertEquals(2 * 1.602176634e-4 / 0.5, SValueUnits.sValue(2.0, 0.5), 1e-18);
    }
}
