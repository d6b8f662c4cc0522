package doseengine.physics.electron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.electron.ElasticSampler;
import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;
import doseengine.physics.material.Elements;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class WentzelElasticTest {
    private static final MaterialCatalog CATALOG = MaterialCatalog.standard();
    private static final Material WATER = CATALOG.get("water_liquid");
    private static final WentzelElasticModel MODEL = new WentzelElasticModel(WATER);

    @Test
    void closedFormsEqualNumericalIntegralsOfTheCrossSection() {
        // Total, first and second transport cross sections and their soft/hard split: closed forms against
        // Simpson integration of A/(x + A_s)^2 (times 1, x, 1.5 x (2 - x)) in ln(x + A_s), 20000 panels
        // (relative error < 1e-9 for these smooth integrands).
        for (double t : new double[] {0.001, 0.01, 0.1, 1.0, 3.0}) {
            double a = MODEL.amplitude(t);
            double as = 2 * MODEL.screeningParameter(t);
            assertEquals(integral(x -> a / ((x + as) * (x + as)), as, 0, 2), MODEL.total(t), 1e-8 * MODEL.total(t));
            assertEquals(integral(x -> a * x / ((x + as) * (x + as)), as, 0, 2), MODEL.transport1(t),
                    1e-8 * MODEL.transport1(t));
            assertEquals(integral(x -> 1.5 * a * x * (2 - x) / ((x + as) * (x + as)), as, 0, 2), MODEL.transport2(t),
                    1e-8 * MODEL.transport2(t));
            double xc = 0.01;
            assertEquals(integral(x -> a / ((x + as) * (x + as)), as, xc, 2), MODEL.hard(t, xc),
                    1e-8 * MODEL.hard(t, xc));
            assertEquals(integral(x -> a * x / ((x + as) * (x + as)), as, 0, xc), MODEL.softTransport1(t, xc),
                    1e-8 * MODEL.softTransport1(t, xc));
            assertEquals(integral(x -> 1.5 * a * x * (2 - x) / ((x + as) * (x + as)), as, 0, xc),
                    MODEL.softTransport2(t, xc), 1e-8 * MODEL.softTransport2(t, xc));
        }
    }

    @Test
    void largeAnglesAreUnscreenedRutherfordWithZTimesZPlusOne() {
        // Known limit: for 1 - cos theta >> 2 eta the cross section per atom is Rutherford's,
        // dsigma/dOmega = Z(Z+1) (e^2/4 pi eps0)^2 / ((p v)^2 (1 - cos theta)^2), e^2/4 pi eps0 = alpha hbar c
        // = 1.439964548e-13 MeV cm (CODATA 2018, independent of the r_e used by the model). Oxygen at 1 MeV,
        // x = 1: screening changes it by 2 * 2 eta ~ 4e-5, hence the 1e-4 tolerance. The model without the spin
        // correction, which is what Rutherford's formula describes (MottCorrectionTest checks the correction).
        Material oxygen = CATALOG.get("element_oxygen");
        WentzelElasticModel o = new WentzelElasticModel(oxygen, false);
        double t = 1.0;
        double mc2 = PhysicalConstants.ELECTRON_REST_ENERGY_MEV;
        double pv = t * (t + 2 * mc2) / (t + mc2);
        double e2 = 1.439964548e-13;
        double rutherfordPerSr = 8 * 9 * e2 * e2 / (pv * pv);
        double atomsPerGram = Elements.AVOGADRO / Elements.atomicWeight(8);
        double modelPerSr = o.amplitude(t) / (2 * Math.PI) / atomsPerGram;
        assertEquals(rutherfordPerSr, modelPerSr, 1e-4 * rutherfordPerSr);
    }

    @Test
    void mixedSchemeCutoffGivesTheHardMeanFreePath() {
        // lambda_h = max(lambda_el, min(C1 lambda_1, C2 T / S)) (PENELOPE mixed scheme); hard(T, x_c) must be
        // 1/lambda_h to rounding, and x_c = 0 where lambda_el is the largest (all events hard).
        ElectronMaterialPhysics p = new ElectronMaterialPhysics(WATER);
        for (double t : new double[] {0.001, 0.01, 0.1, 1.0, 3.0}) {
            double xc = p.elasticCutoff(t, 0.05, 0.05);
            double lambdaH = Math.max(1 / MODEL.total(t),
                    Math.min(0.05 / MODEL.transport1(t), 0.05 * t / p.totalStoppingPower(t)));
            if (xc > 0) {
                assertEquals(1 / lambdaH, MODEL.hard(t, xc), 1e-9 / lambdaH, "T=" + t);
            } else {
                assertEquals(1 / MODEL.total(t), lambdaH, 1e-12 * lambdaH, "x_c = 0 only when all events are hard");
            }
        }
    }

    @Test
    void sampledHardAndSoftDeflectionsHaveTheRightMoments() {
        // Hard: mean (1 - cos theta) over N = 200000 hard events equals (transport1 - softTransport1) / hard from
        // the tables' own eta and x_c, within 4 standard errors. Soft: over a path s, <cos theta> = exp(-s T1s)
        // and <P2> = exp(-s T2s) within 4 standard errors (+1e-6, the float resolution of cos theta near 1, for the
        // shortest paths whose spread is below it), for paths from 0.01 to 10 soft transport mean free paths.
        ElectronTables tables = new ElectronTablesBuilder().build(List.of(WATER));
        SplitMixUniform rng = new SplitMixUniform(4242L);
        int n = 200_000;
        for (double t : new double[] {0.015, 0.1, 0.6, 2.5}) {
            float gx = ElectronLookup.gridPosition(tables, (float) t);
            double eta = ElectronLookup.interpolate(tables, Quantity.ELASTIC_SCREENING, 0, gx);
            double xc = ElectronLookup.interpolate(tables, Quantity.ELASTIC_HARD_CUTOFF, 0, gx);
            double as = 2 * eta;
            double hardFirstMoment = (Math.log((2 + as) / (xc + as)) + as / (2 + as) - as / (xc + as))
                    / (1 / (xc + as) - 1 / (2 + as));
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = ElasticSampler.sampleHardDeflection(tables, 0, gx, rng);
                assertTrue(x >= xc * (1 - 1e-5) && x <= 2, "x=" + x);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double se = Math.sqrt((sumSq / n - mean * mean) / n);
            assertEquals(hardFirstMoment, mean, 4 * se, "hard <1 - cos> at T=" + t);

            double t1 = ElectronLookup.interpolate(tables, Quantity.ELASTIC_SOFT_TRANSPORT1, 0, gx);
            double t2 = ElectronLookup.interpolate(tables, Quantity.ELASTIC_SOFT_TRANSPORT2, 0, gx);
            if (t1 == 0) {
                continue;
            }
            for (double mfp : new double[] {0.01, 0.3, 3, 10}) {
                double s = mfp / t1;
                double c1 = 0;
                double c1Sq = 0;
                double p2 = 0;
                double p2Sq = 0;
                for (int i = 0; i < n; i++) {
                    double cos = 1 - ElasticSampler.sampleSoftDeflection(tables, 0, gx, (float) s, rng);
                    double leg2 = 1.5 * cos * cos - 0.5;
                    c1 += cos;
                    c1Sq += cos * cos;
                    p2 += leg2;
                    p2Sq += leg2 * leg2;
                }
                double m1 = c1 / n;
                double m2 = p2 / n;
                double se1 = Math.sqrt(Math.max(c1Sq / n - m1 * m1, 1e-30) / n);
                double se2 = Math.sqrt(Math.max(p2Sq / n - m2 * m2, 1e-30) / n);
                assertEquals(Math.exp(-s * t1), m1, 4 * se1 + 1e-6, "soft <cos> at T=" + t + ", s T1=" + mfp);
                assertEquals(Math.exp(-s * t2), m2, 4 * se2 + 1e-6, "soft <P2> at T=" + t + ", s T1=" + mfp);
            }
        }
    }

    /** int_lo^hi f(x) dx by Simpson in ln(x + as). */
    private static double integral(java.util.function.DoubleUnaryOperator f, double as, double lo, double hi) {
        return Quadrature.simpsonLog(y -> f.applyAsDouble(y - as), lo + as, hi + as, 20000);
    }
}
