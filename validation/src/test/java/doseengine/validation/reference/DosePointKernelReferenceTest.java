package doseengine.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped dose point kernels: every one parsed, the sanity numbers of SOURCES.md section 4. */
class DosePointKernelReferenceTest {
    private final DosePointKernelReference ref = DosePointKernelReference.standard();

    @Test
    void everySetHasTheEnergiesOfTheFile() {
        assertEquals(List.of(0.1, 0.5), ref.energiesMeV(DpkReferenceSet.ETRAN));
        assertEquals(List.of(0.01, 0.015, 0.1), ref.energiesMeV(DpkReferenceSet.EGSNRC_EDKNRC));
        assertEquals(List.of(0.01), ref.energiesMeV(DpkReferenceSet.ETRAN_DATA_10KEV));
        assertEquals(List.of(0.01, 0.015, 0.1, 0.5), ref.allEnergiesMeV());
        for (ScaledDosePointKernel k : ref.all()) {
            // ETRAN: r/r0 = 0 .. 1.2 by 0.025 without the 1.000 row (48); EGSnrc: 24 shell midpoints.
            assertEquals(k.isShellMeans() ? 24 : 48, k.size(), k.label());
        }
    }

    @Test
    void everyDosePointKernelIntegratesToWhatSourcesMdStates() {
        // SOURCES.md: "each kernel integrates to 0.997-1.000" (3 decimals; the 10 keV ETRAN data give 1.0001, which
        // rounds to 1.000, hence the upper bound 1.0005). The values carry 3-4 significant digits, so the
        // quadrature of the tabulation is good to about 1e-4.
        for (ScaledDosePointKernel k : ref.all()) {
            double total = k.integral();
            assertTrue(total >= 0.997 && total < 1.0005, k.label() + " integrates to " + total);
        }
    }

    @Test
    void primaryReferenceIsEgsnrcWhereThereIsOneElseEtran() {
        assertSame(ref.find(DpkReferenceSet.EGSNRC_EDKNRC, 0.01).orElseThrow(), ref.primary(0.01).orElseThrow());
        assertSame(ref.find(DpkReferenceSet.EGSNRC_EDKNRC, 0.1).orElseThrow(), ref.primary(0.1).orElseThrow());
        assertSame(ref.find(DpkReferenceSet.ETRAN, 0.5).orElseThrow(), ref.primary(0.5).orElseThrow());
        assertTrue(ref.primary(0.2).isEmpty());
        assertEquals(2, ref.atEnergy(0.1).size(), "100 keV has ETRAN and EGSnrc");
    }

    @Test
    void x90OfTheReferencesIsAboutFourFifthsOfTheCsdaRange() {
        // Berger's monoenergetic kernels put 90 % of the energy inside 0.78-0.81 r0 over 10-500 keV (computed here
        // from the tables; the two 100 keV kernels differ by 1.5 %). A value outside 0.75-0.85 would mean a
        // misread abscissa or a mis-scaled kernel.
        for (ScaledDosePointKernel k : ref.all()) {
            double x90 = k.x90();
            assertTrue(x90 > 0.75 && x90 < 0.85, k.label() + ": X90/r0 = " + x90);
        }
        ScaledDosePointKernel etran100 = ref.find(DpkReferenceSet.ETRAN, 0.1).orElseThrow();
        assertEquals(1.659, etran100.peak(), 0);
        assertEquals(1.658, etran100.valueAt(0.6), 0);
    }
}
