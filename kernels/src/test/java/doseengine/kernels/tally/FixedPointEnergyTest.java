package doseengine.kernels.tally;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedPointEnergyTest {
    private static final BigDecimal UNITS_PER_MEV = new BigDecimal(BigInteger.ONE.shiftLeft(30));

    /** Reference: the exact decimal value of the float times 2^30, rounded half to even by BigDecimal. */
    private static long exactUnits(float e) {
        return new BigDecimal(e).multiply(UNITS_PER_MEV).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Log-uniform energies from 1e-9 to 10 MeV: every exponent the transport produces, sub-unit ones included. */
    private static float randomEnergy(SplittableRandom r) {
        return (float) Math.pow(10, -9 + 10 * r.nextDouble());
    }

    @Test
    void tiesRoundToEvenAsOpenClConvertLongRte() {
        // 2^-31 MeV is half a unit: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2 (round half to even, OpenCL's _rte).
        assertEquals(0, FixedPointEnergy.toUnits(0x1p-31f));
        assertEquals(2, FixedPointEnergy.toUnits(3 * 0x1p-31f));
        assertEquals(2, FixedPointEnergy.toUnits(5 * 0x1p-31f));
        assertEquals(4, FixedPointEnergy.toUnits(7 * 0x1p-31f));
        assertEquals(1L << 30, FixedPointEnergy.toUnits(1f));
        assertEquals(0, FixedPointEnergy.toUnits(0f));
    }

    @Test
    void conversionEqualsExactRoundingOfEveryFloat() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 0; n < 200_000; n++) {
            float e = randomEnergy(r);
            assertEquals(exactUnits(e), FixedPointEnergy.toUnits(e), () -> "energy " + e);
        }
        // The largest energy a single conversion can take without overflow: just below 2^33 MeV.
        float big = Math.nextDown(0x1p33f);
        assertEquals(exactUnits(big), FixedPointEnergy.toUnits(big));
    }

    @Test
    void roundTripErrorIsAtMostHalfAUnit() {
        // |q 2^-30 - e| <= 2^-31 MeV by construction; energies >= 2^-7 MeV are multiples of 2^-30 (exact).
        SplittableRandom r = new SplittableRandom(12);
        double worst = 0;
        for (int n = 0; n < 200_000; n++) {
            float e = randomEnergy(r);
            BigDecimal back = new BigDecimal(FixedPointEnergy.toMeV(FixedPointEnergy.toUnits(e)));
            double err = back.subtract(new BigDecimal(e)).abs().doubleValue();
            assertTrue(err <= 0x1p-31, () -> "energy " + e + " error " + err);
            if (e >= 0x1p-7f) {
                assertEquals(0.0, err, () -> "energy " + e + " should convert exactly");
            }
            worst = Math.max(worst, err);
        }
        assertTrue(worst > 0.9 * 0x1p-31, "the test must reach the bound: small energies do round");
    }

    @Test
    void sumsAreExactAndOrderIndependent() {
        SplittableRandom r = new SplittableRandom(13);
        List<Float> deposits = new ArrayList<>();
        for (int n = 0; n < 100_000; n++) {
            deposits.add(randomEnergy(r));
        }
        BigInteger exact = BigInteger.ZERO;
        for (float e : deposits) {
            exact = exact.add(BigInteger.valueOf(exactUnits(e)));
        }
        long first = sum(deposits);
        assertEquals(exact.longValueExact(), first);
        Random shuffler = new Random(14);
        for (int t = 0; t < 5; t++) {
            Collections.shuffle(deposits, shuffler);
            assertEquals(first, sum(deposits));
        }
    }

    private static long sum(List<Float> deposits) {
        long s = 0;
        for (float e : deposits) {
            s += FixedPointEnergy.toUnits(e);
        }
        return s;
    }
}
