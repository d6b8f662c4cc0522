package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.electron.BremsstrahlungSampler;
import doseengine.kernels.electron.ElasticSampler;
import doseengine.kernels.electron.ElectronLookup;
import doseengine.kernels.electron.ElectronTables;
import doseengine.kernels.electron.ElectronTables.Quantity;
import doseengine.kernels.electron.EnergyLossStraggling;
import doseengine.kernels.electron.MollerSampler;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.fixtures.TwinFixtures;
import doseengine.kernels.rng.PhiloxStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The electron device files (electron_lookup.clh, moller.clh, bremsstrahlung.clh, elastic.clh, straggling.clh) on
 * the OpenCL device against their Java twins (ElectronLookup, MollerSampler, BremsstrahlungSampler, ElasticSampler,
 * EnergyLossStraggling) on the engine's tables for four materials, read from the twin fixture
 * ({@link TwinFixtures}), sample by sample from the same Philox streams. Needs an OpenCL device.
 *
 * <p>Tolerances come from the error bounds of OpenCL 1.2 (section 7.4, table 7.1): log, exp and expm1 3 ulp;
 * Java's double function rounded to float is within 0.5 ulp; every other operation is correctly rounded on both
 * sides (division where the device supports it, {@link OpenClProgram#correctlyRoundedDivideSqrt()}), 0.5 ulp
 * per side; a bound of b ulp of the exact value is up to 2b ulp of a float just above a power of two. Where
 * the samplers use no transcendental function (Moller, the hard elastic deflection, the interpolation at a
 * given grid position) the device must give Java's float bits. A sample drawn with another number of uniforms
 * has diverged: counted, and required to be rare.
 */
class ElectronOpenClTest {

    private static final long SEED = 0xE1EC_7205L;
    /** log or exp: 3 + 0.5 ulp, doubled. */
    private static final double TRANSCENDENTAL_ULPS = 7;
    /**
     * Bremsstrahlung kappa = exp((1 - u) ln(W_cr/T)): the log's 3.5 ulp and the product's 1 scale the exponent,
     * at most |ln(0.01 / 3)| = 5.7, so 26 ulp; exp adds 3.5 and kappa T 1: 31 ulp, doubled.
     */
    private static final double BREMS_ULPS = 62;
    /** Diverged samples allowed: 1 in 10 000. */
    private static final double DIVERGENCE_FRACTION = 1e-4;

    private static OpenClContext cl;
    private static OpenClProgram program;
    private static ElectronTables tables;
    private static DeviceElectronTables device;
    private static int materialCount;

    /** Per test rather than @BeforeAll, so that without a device each test is reported as skipped. */
    @BeforeEach
    void build() {
        if (device != null) {
            return;
        }
        tables = TwinFixtures.electrons();
        materialCount = tables.materialCount();
        if (cl == null) {
            cl = OpenClTestSupport.open();
        }
        if (program == null) {
            program = OpenClProgram.build(cl, KernelSource.load("test_electron.cl"));
        }
        device = DeviceElectronTables.upload(cl, tables);
    }

    @AfterAll
    static void release() {
        if (device != null) {
            device.close();
        }
        if (program != null) {
            program.close();
        }
        if (cl != null) {
            cl.close();
        }
    }

    private static float logUniform(SplittableRandom random, double lo, double hi) {
        return (float) Math.exp(Math.log(lo) + random.nextDouble() * Math.log(hi / lo));
    }

    private static float energyOfNode(int node) {
        return (float) tables.energyAt(node);
    }

    /**
     * The grid position of 300 000 energies from 0.5 keV to 4 MeV (beyond both ends: clamped) and of every
     * node energy: the device's ln T may differ by {@link #TRANSCENDENTAL_ULPS} of ln T, which moves x by that
     * times 1/step; both sides round the difference and the product once more (an ulp of each).
     */
    @Test
    void gridPositionDiffersOnlyByTheLogarithm() {
        int nodes = tables.nodeCount();
        int n = 300_000 + nodes;
        float[] energy = new float[n];
        SplittableRandom random = new SplittableRandom(0x3001L);
        for (int i = 0; i < n; i++) {
            energy[i] = i < nodes ? energyOfNode(i) : logUniform(random, 0.0005, 4.0);
        }
        float[] x = new float[n];
        try (DeviceBuffer dE = DeviceBuffer.copyOf(cl, energy);
                DeviceBuffer dX = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("compute_grid_positions")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, dE).arg(a + 1, dX).run(n);
            dX.read(x);
        }
        float inverseStep = (float) (1 / tables.lnEnergyStep());
        float lnMin = (float) tables.lnEnergyMin();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            float expected = ElectronLookup.gridPosition(tables, energy[i]);
            float lnE = (float) Math.log(energy[i]);
            double allowed = (TRANSCENDENTAL_ULPS * Math.ulp(lnE) + Math.ulp(lnE - lnMin)) * inverseStep
                    + Math.ulp(expected);
            double diff = Math.abs((double) x[i] - expected);
            worst = Math.max(worst, diff / allowed);
            if (!(diff <= allowed)) {
                fail("grid position of " + energy[i] + " MeV: Java " + expected + ", device " + x[i]);
            }
        }
        System.out.printf("electron grid position on %s: largest difference from Java %.2f of the bound%n",
                cl.info().deviceName(), worst);
    }

    /**
     * At 200 000 grid positions (every node, the last, random fractions) in every material, with energies at
     * and around 2 W_cc and W_cr among them: the fourteen interpolated quantities, both cross sections with
     * their thresholds, the hard elastic cross section and the stopping power are Java's float bits (no
     * transcendental function); the ranges, exp of the interpolated logarithm, within
     * {@link #TRANSCENDENTAL_ULPS}.
     */
    @Test
    void lookupsAtAGridPositionEqualJava() {
        int nodes = tables.nodeCount();
        int n = 200_000;
        float[] x = new float[n];
        int[] material = new int[n];
        float[] energy = new float[n];
        float wcc2 = 2f * tables.mollerThresholdMeV();
        float wcr = tables.bremsThresholdMeV();
        float[] special = {wcc2, Math.nextDown(wcc2), Math.nextUp(wcc2), wcr, Math.nextDown(wcr), Math.nextUp(wcr)};
        SplittableRandom random = new SplittableRandom(0x3002L);
        for (int i = 0; i < n; i++) {
            material[i] = random.nextInt(materialCount);
            if (i < nodes) {
                x[i] = i;
                energy[i] = energyOfNode(i);
            } else if (i < nodes + special.length) {
                energy[i] = special[i - nodes];
                x[i] = ElectronLookup.gridPosition(tables, energy[i]);
            } else {
                x[i] = (float) (random.nextDouble() * (nodes - 1));
                energy[i] = (float) Math.exp(tables.lnEnergyMin() + x[i] * tables.lnEnergyStep());
            }
        }
        int nq = Quantity.values().length;
        int lookups = nq + 6;
        float[] out = new float[lookups * n];
        try (DeviceBuffer dX = DeviceBuffer.copyOf(cl, x);
                DeviceBuffer dM = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dE = DeviceBuffer.copyOf(cl, energy);
                DeviceBuffer dOut = DeviceBuffer.allocate(cl, (long) out.length * Float.BYTES);
                OpenClKernel kernel = program.kernel("look_up_electron_tables")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, dX).arg(a + 1, dM).arg(a + 2, dE).arg(a + 3, dOut).run(n);
            dOut.read(out);
        }
        UlpDifference rangeUlps = new UlpDifference();
        Quantity[] quantities = Quantity.values();
        for (int i = 0; i < n; i++) {
            int m = material[i];
            float[] expected = new float[lookups];
            for (Quantity q : quantities) {
                expected[q.ordinal()] = ElectronLookup.interpolate(tables, q, m, x[i]);
            }
            expected[nq] = ElectronLookup.csdaRange(tables, m, x[i]);
            expected[nq + 1] = ElectronLookup.restrictedRange(tables, m, x[i]);
            expected[nq + 2] = ElectronLookup.mollerCrossSection(tables, m, energy[i], x[i]);
            expected[nq + 3] = ElectronLookup.bremsCrossSection(tables, m, energy[i], x[i]);
            expected[nq + 4] = ElectronLookup.elasticHardCrossSection(tables, m, x[i]);
            expected[nq + 5] = ElectronLookup.restrictedStoppingPower(tables, m, x[i]);
            for (int k = 0; k < lookups; k++) {
                float d = out[lookups * i + k];
                if (k == nq || k == nq + 1) {
                    if (rangeUlps.add(expected[k], d) > TRANSCENDENTAL_ULPS) {
                        fail("range " + k + " at x = " + x[i] + ": Java " + expected[k] + ", device " + d);
                    }
                } else if (Float.floatToRawIntBits(expected[k]) != Float.floatToRawIntBits(d)) {
                    assertEquals(expected[k], d, "lookup " + k + " of material " + m + " at x = " + x[i]
                            + ", T = " + energy[i] + " MeV");
                }
            }
        }
        System.out.printf("electron lookups on %s: interpolations bit for bit, ranges within %.1f ulp of Java%n",
                cl.info().deviceName(), rangeUlps.largest());
    }

    /**
     * Energy from range, restricted and CSDA, at 300 000 ranges spanning the tables and beyond (clamped): the
     * device's ln R may differ by {@link #TRANSCENDENTAL_ULPS} of ln R, which moves the interpolation fraction
     * by that over the node interval of ln R (the smaller of the two around the value, in case the search
     * ends in the neighbour) and the result by that fraction times the ln T step; the final exp adds its
     * {@link #TRANSCENDENTAL_ULPS}, and the sum lnT0 + (lo + f) step an ulp of the sum.
     */
    @Test
    void energyFromRangeDiffersOnlyByTheLogarithmAndExp() {
        int n = 300_000;
        float[] range = new float[n];
        int[] material = new int[n];
        SplittableRandom random = new SplittableRandom(0x3003L);
        for (int i = 0; i < n; i++) {
            range[i] = logUniform(random, 1e-8, 10);
            material[i] = random.nextInt(materialCount);
        }
        range[0] = 0f;
        float[] restricted = new float[n];
        float[] csda = new float[n];
        try (DeviceBuffer dR = DeviceBuffer.copyOf(cl, range);
                DeviceBuffer dM = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dRes = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dCsda = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("invert_ranges")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, dR).arg(a + 1, dM).arg(a + 2, dRes).arg(a + 3, dCsda).run(n);
            dRes.read(restricted);
            dCsda.read(csda);
        }
        float[] lnRestricted = tables.perMaterial(Quantity.LN_RESTRICTED_RANGE);
        float[] lnCsda = tables.perMaterial(Quantity.LN_CSDA_RANGE);
        UlpDifference ulps = new UlpDifference();
        for (int i = 0; i < n; i++) {
            float expected = ElectronLookup.energyFromRestrictedRange(tables, material[i], range[i]);
            checkInversion(lnRestricted, material[i], range[i], expected, restricted[i], ulps, "restricted");
            expected = ElectronLookup.energyFromCsdaRange(tables, material[i], range[i]);
            checkInversion(lnCsda, material[i], range[i], expected, csda[i], ulps, "CSDA");
        }
        System.out.printf("electron energy from range on %s: largest difference from Java %.1f ulp%n",
                cl.info().deviceName(), ulps.largest());
    }

    private static void checkInversion(float[] lnRange, int material, float range, float expected, float actual,
            UlpDifference ulps, String which) {
        int nodes = tables.nodeCount();
        int base = material * nodes;
        double allowedUlps = TRANSCENDENTAL_ULPS + 2;
        if (range > 0) {
            float y = (float) Math.log(range);
            int lo = 0;
            int hi = nodes - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (lnRange[base + mid] <= y) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double smallestInterval = Double.POSITIVE_INFINITY;
            for (int i = Math.max(0, lo - 1); i <= Math.min(nodes - 2, lo + 1); i++) {
                smallestInterval = Math.min(smallestInterval, lnRange[base + i + 1] - lnRange[base + i]);
            }
            double shift = TRANSCENDENTAL_ULPS * Math.ulp(y) / smallestInterval * tables.lnEnergyStep();
            allowedUlps += 2 * shift / 0x1p-24;
        }
        if (ulps.add(expected, actual) > allowedUlps) {
            fail(which + " range " + range + " g/cm2 of material " + material + ": Java " + expected + ", device "
                    + actual + " MeV");
        }
    }

    /**
     * 200 000 electrons at energies log-uniform in 1 keV - 3 MeV (most below 2 W_cc draw nothing) in random
     * materials. Moller uses no transcendental function: with correctly rounded division every delta ray and
     * every count of uniforms must equal Java's. Bremsstrahlung (grid position from Java, so only the sampler
     * is compared): diverged where the number of uniforms differs (at most 1e-4), otherwise the photon
     * energy within {@link #BREMS_ULPS}.
     */
    @Test
    void hardCollisionsAndBremsstrahlungEqualJavaSampleBySample() {
        int n = 200_000;
        int purpose = 31;
        long firstHistory = 77L << 32;
        float[] energy = new float[n];
        float[] x = new float[n];
        int[] material = new int[n];
        SplittableRandom random = new SplittableRandom(0x3004L);
        for (int i = 0; i < n; i++) {
            energy[i] = logUniform(random, 0.001, 3.0);
            x[i] = ElectronLookup.gridPosition(tables, energy[i]);
            material[i] = random.nextInt(materialCount);
        }
        float[] delta = new float[n];
        int[] deltaDraws = new int[n];
        float[] photon = new float[n];
        int[] photonDraws = new int[n];
        try (DeviceBuffer dE = DeviceBuffer.copyOf(cl, energy);
                DeviceBuffer dX = DeviceBuffer.copyOf(cl, x);
                DeviceBuffer dM = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dDelta = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dDeltaDraws = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                DeviceBuffer dPhoton = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dPhotonDraws = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                OpenClKernel kernel = program.kernel("sample_hard_events")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, SEED).arg(a + 1, firstHistory).arg(a + 2, purpose).arg(a + 3, dE).arg(a + 4, dX)
                    .arg(a + 5, dM).arg(a + 6, dDelta).arg(a + 7, dDeltaDraws).arg(a + 8, dPhoton)
                    .arg(a + 9, dPhotonDraws).run(n);
            dDelta.read(delta);
            dDeltaDraws.read(deltaDraws);
            dPhoton.read(photon);
            dPhotonDraws.read(photonDraws);
        }
        boolean exact = program.correctlyRoundedDivideSqrt();
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, purpose);
        int[] drawn = {0};
        int mollerDiverged = 0;
        int bremsDiverged = 0;
        int mollerEvents = 0;
        UlpDifference mollerUlps = new UlpDifference();
        UlpDifference bremsUlps = new UlpDifference();
        for (int i = 0; i < n; i++) {
            stream.restart(firstHistory + i, purpose);
            drawn[0] = 0;
            float w = MollerSampler.sampleEnergyTransfer(energy[i], tables.mollerThresholdMeV(), () -> {
                drawn[0]++;
                return stream.nextFloat();
            });
            if (w > 0) {
                mollerEvents++;
            }
            if (drawn[0] != deltaDraws[i]) {
                mollerDiverged++;
            } else if (mollerUlps.add(w, delta[i]) > (exact ? 0 : TRANSCENDENTAL_ULPS)) {
                assertEquals(Float.toHexString(w), Float.toHexString(delta[i]), "Moller at " + energy[i] + " MeV");
            }
            stream.restart(firstHistory + i, purpose + 1);
            drawn[0] = 0;
            float k = BremsstrahlungSampler.samplePhotonEnergy(tables, material[i], energy[i], x[i], () -> {
                drawn[0]++;
                return stream.nextFloat();
            });
            if (drawn[0] != photonDraws[i]) {
                bremsDiverged++;
            } else if (bremsUlps.add(k, photon[i]) > BREMS_ULPS) {
                fail("bremsstrahlung at " + energy[i] + " MeV in material " + material[i] + ": Java " + k
                        + ", device " + photon[i]);
            }
        }
        System.out.printf("Moller on %s: %d of %d diverged (%d hard collisions), others within %.1f ulp; "
                        + "bremsstrahlung: %d diverged, others within %.1f ulp%n", cl.info().deviceName(),
                mollerDiverged, n, mollerEvents, mollerUlps.largest(), bremsDiverged, bremsUlps.largest());
        assertTrue(mollerEvents > n / 4, "enough energies above 2 W_cc");
        assertTrue(exact ? mollerDiverged == 0 : mollerDiverged <= DIVERGENCE_FRACTION * n,
                mollerDiverged + " Moller samples diverged");
        assertTrue(bremsDiverged <= DIVERGENCE_FRACTION * n, bremsDiverged + " bremsstrahlung samples diverged");
    }

    /**
     * 200 000 elastic deflections: a hard one (one uniform, arithmetic only: Java's float bits where division is
     * correctly rounded) then the soft one over a mass path log-uniform from 1e-7 to 1 g/cm2 (from nearly no
     * deflection to the isotropic limit; two uniforms, always). The soft deflection goes through expm1 of
     * s T1 and s T2; its bound propagates their {@link #TRANSCENDENTAL_ULPS} through the moments to
     * b = (2 mean - 3 second) / (1 - 2 mean) and x = 2 mu: a sample beyond that bound can only be one whose
     * uniform u1 fell within those ulps of the mixture weight a (another branch), counted as diverged (at most
     * 1e-4).
     */
    @Test
    void elasticDeflectionsEqualJavaSampleBySample() {
        int n = 200_000;
        int purpose = 41;
        long firstHistory = 3_000_000_000L;
        float[] x = new float[n];
        int[] material = new int[n];
        float[] path = new float[n];
        SplittableRandom random = new SplittableRandom(0x3005L);
        for (int i = 0; i < n; i++) {
            x[i] = ElectronLookup.gridPosition(tables, logUniform(random, 0.001, 3.0));
            material[i] = random.nextInt(materialCount);
            path[i] = logUniform(random, 1e-7, 1);
        }
        float[] hard = new float[n];
        float[] soft = new float[n];
        try (DeviceBuffer dX = DeviceBuffer.copyOf(cl, x);
                DeviceBuffer dM = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dP = DeviceBuffer.copyOf(cl, path);
                DeviceBuffer dHard = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dSoft = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("sample_elastic_deflections")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, SEED).arg(a + 1, firstHistory).arg(a + 2, purpose).arg(a + 3, dX).arg(a + 4, dM)
                    .arg(a + 5, dP).arg(a + 6, dHard).arg(a + 7, dSoft).run(n);
            dHard.read(hard);
            dSoft.read(soft);
        }
        boolean exact = program.correctlyRoundedDivideSqrt();
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, purpose);
        int softDiverged = 0;
        UlpDifference hardUlps = new UlpDifference();
        double worstSoft = 0;
        for (int i = 0; i < n; i++) {
            stream.restart(firstHistory + i, purpose);
            float h = ElasticSampler.sampleHardDeflection(tables, material[i], x[i], stream);
            float s = ElasticSampler.sampleSoftDeflection(tables, material[i], x[i], path[i], stream);
            if (hardUlps.add(h, hard[i]) > (exact ? 0 : TRANSCENDENTAL_ULPS)) {
                assertEquals(Float.toHexString(h), Float.toHexString(hard[i]), "hard deflection at x = " + x[i]);
            }
            double allowed = softBound(material[i], x[i], path[i], s);
            double diff = Math.abs((double) soft[i] - s);
            if (diff > allowed) {
                softDiverged++;
            } else if (allowed > 0) {
                worstSoft = Math.max(worstSoft, diff / allowed);
            }
        }
        System.out.printf("elastic on %s: hard deflections within %.1f ulp of Java; soft: %d of %d beyond the "
                + "bound, the others within %.2f of it%n", cl.info().deviceName(), hardUlps.largest(), softDiverged,
                n, worstSoft);
        assertTrue(softDiverged <= DIVERGENCE_FRACTION * n, softDiverged + " soft deflections diverged");
    }

    /**
     * The error bound of one soft deflection (see the test above), from Java's own intermediate floats: each
     * expm1 within {@link #TRANSCENDENTAL_ULPS}, then every rounding of the formula once per side.
     */
    private static double softBound(int material, float gridX, float path, float result) {
        float t1 = ElectronLookup.interpolate(tables, Quantity.ELASTIC_SOFT_TRANSPORT1, material, gridX);
        float t2 = ElectronLookup.interpolate(tables, Quantity.ELASTIC_SOFT_TRANSPORT2, material, gridX);
        float e1 = (float) Math.expm1(-(path * t1));
        float e2 = (float) Math.expm1(-(path * t2));
        float mean = -0.5f * e1;
        float second = mean + e2 / 6f;
        float denominator = 1f - 2f * mean;
        if (!(denominator > 1e-6f)) {
            return 2 * Math.ulp(1f); // isotropic limit: 2 u2 on both sides
        }
        double eMean = TRANSCENDENTAL_ULPS * Math.ulp(mean);
        double eSecond = eMean + TRANSCENDENTAL_ULPS * Math.ulp(e2) / 6 + 2 * Math.ulp(second);
        float numerator = 2f * mean - 3f * second;
        float b = Math.min(1f, Math.max(0f, numerator / denominator));
        double eNumerator = 2 * eMean + 3 * eSecond + 2 * Math.ulp(numerator);
        double eDenominator = 2 * eMean + 2 * Math.ulp(denominator);
        double eB = (eNumerator + b * eDenominator) / denominator + 2 * Math.ulp(b);
        // mu = b u2 or b + (1 - b) u2: |d mu / d b| <= 1; then x = 2 mu, and the roundings of mu.
        return 2 * (2 * eB + 2 * Math.ulp(result / 2)) + 2 * Math.ulp(result);
    }

    /** cos: 4 ulp in OpenCL 1.2 (table 7.1) + 0.5, doubled. */
    private static final double COS_ULPS = 9;

    /**
     * The straggled soft loss of 200 000 steps, mean w log-uniform in 1 eV - 100 keV and Omega^2 / w^2
     * log-uniform in 1e-3 - 10 (all three of PENELOPE's cases, about a third each), with w = 0 and Omega^2 = 0
     * among them, from the same Philox streams. The uniform cases and the largest-loss bound use no
     * transcendental function: with correctly rounded division and sqrt they must be Java's float bits, and
     * every count of uniforms must equal Java's. The truncated Gaussian (Box-Muller: log, cos) is within the
     * error bound propagated from Java's own intermediate floats ({@link #gaussianBound}); a sample whose
     * acceptance flipped, and so drew another number of uniforms, has diverged: at most 1e-4 of them.
     */
    @Test
    void stragglingEqualsJavaSampleBySample() {
        int n = 200_000;
        int purpose = 33;
        long firstHistory = 79L << 32;
        float[] mean = new float[n];
        float[] variance = new float[n];
        SplittableRandom random = new SplittableRandom(0x3006L);
        for (int i = 0; i < n; i++) {
            mean[i] = logUniform(random, 1e-6, 0.1);
            variance[i] = mean[i] * mean[i] * logUniform(random, 1e-3, 10);
        }
        mean[0] = 0f;
        variance[1] = 0f;
        float[] loss = new float[n];
        int[] draws = new int[n];
        float[] maxLoss = new float[n];
        try (DeviceBuffer dMean = DeviceBuffer.copyOf(cl, mean);
                DeviceBuffer dVar = DeviceBuffer.copyOf(cl, variance);
                DeviceBuffer dLoss = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dDraws = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                DeviceBuffer dMax = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("sample_straggling")) {
            kernel.arg(0, SEED).arg(1, firstHistory).arg(2, purpose).arg(3, dMean).arg(4, dVar).arg(5, dLoss)
                    .arg(6, dDraws).arg(7, dMax).run(n);
            dLoss.read(loss);
            dDraws.read(draws);
            dMax.read(maxLoss);
        }
        boolean exact = program.correctlyRoundedDivideSqrt();
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, purpose);
        float[] uniforms = new float[2];
        int[] drawn = {0};
        int diverged = 0;
        int gaussian = 0;
        double worstGaussian = 0;
        UlpDifference uniformUlps = new UlpDifference();
        for (int i = 0; i < n; i++) {
            stream.restart(firstHistory + i, purpose);
            drawn[0] = 0;
            float java = EnergyLossStraggling.sampleLoss(mean[i], variance[i], () -> {
                float u = stream.nextFloat();
                uniforms[drawn[0] & 1] = u;
                drawn[0]++;
                return u;
            });
            float bound = EnergyLossStraggling.maxLoss(mean[i], variance[i]);
            if (uniformUlps.add(bound, maxLoss[i]) > (exact ? 0 : TRANSCENDENTAL_ULPS)) {
                assertEquals(Float.toHexString(bound), Float.toHexString(maxLoss[i]), "largest loss, w = " + mean[i]);
            }
            assertTrue(java >= 0f && java <= bound, "loss " + java + " outside [0, " + bound + "]");
            if (drawn[0] != draws[i]) {
                diverged++;
            } else if (mean[i] * mean[i] > 9f * variance[i] && variance[i] > 0f) {
                gaussian++;
                // The accepted try is the last pair of uniforms drawn.
                double allowed = gaussianBound(variance[i], uniforms[0], uniforms[1], java);
                double diff = Math.abs((double) loss[i] - java);
                worstGaussian = Math.max(worstGaussian, diff / allowed);
                if (!(diff <= allowed)) {
                    fail("Gaussian loss at w = " + mean[i] + ", Omega^2 = " + variance[i] + ": Java " + java
                            + ", device " + loss[i]);
                }
            } else if (uniformUlps.add(java, loss[i]) > (exact ? 0 : TRANSCENDENTAL_ULPS)) {
                assertEquals(Float.toHexString(java), Float.toHexString(loss[i]), "loss at w = " + mean[i]
                        + ", Omega^2 = " + variance[i]);
            }
        }
        System.out.printf("straggling on %s: %d of %d diverged; uniform cases within %.1f ulp of Java, %d Gaussian "
                + "within %.2f of the bound%n", cl.info().deviceName(), diverged, n, uniformUlps.largest(), gaussian,
                worstGaussian);
        assertTrue(gaussian > n / 5, gaussian + " Gaussian samples: the inputs do not cover the case");
        assertTrue(diverged <= DIVERGENCE_FRACTION * n, diverged + " straggling samples diverged");
    }

    /**
     * Error bound of the Gaussian loss w + sd sqrt(-2 ln(1 - u1)) cos(2 pi u2) between the two sides: ln within
     * {@link #TRANSCENDENTAL_ULPS} (relative error eLn/|ln| of the radicand, halved by the sqrt), cos within
     * {@link #COS_ULPS}; sd, 2 pi u2 and 1 - u1 are the same floats on both sides; then two roundings per side of
     * the product and the sum.
     */
    private static double gaussianBound(float variance, float u1, float u2, float result) {
        float ln = (float) Math.log(1f - u1);
        float r = (float) Math.sqrt(-2f * ln);
        float c = (float) Math.cos((float) (2 * Math.PI) * u2);
        float sd = (float) Math.sqrt(variance);
        double eR = ln == 0f ? 0 : r * (TRANSCENDENTAL_ULPS * Math.ulp(ln)) / (2 * Math.abs(ln)) + Math.ulp(r);
        double eC = COS_ULPS * Math.ulp(c);
        float z = r * c;
        double eZ = eR * Math.abs(c) + Math.abs(r) * eC + 2 * Math.ulp(z);
        return sd * eZ + 2 * Math.ulp(sd * z) + 2 * Math.ulp(result);
    }

    /**
     * The quantity indices are the enum's ordinals; the electron mass, the isotropic limit and the straggling
     * sampler's sqrt(3) and 2 pi are Java's floats.
     */
    @Test
    void constantsAreJavas() {
        int nq = Quantity.values().length;
        int[] quantity = new int[nq + 1];
        float[] value = new float[4];
        try (DeviceBuffer q = DeviceBuffer.allocate(cl, (nq + 1L) * Integer.BYTES);
                DeviceBuffer v = DeviceBuffer.allocate(cl, 4L * Float.BYTES);
                OpenClKernel kernel = program.kernel("write_electron_constants")) {
            kernel.arg(0, q).arg(1, v).run(1);
            q.read(quantity);
            v.read(value);
        }
        for (Quantity qu : Quantity.values()) {
            assertEquals(qu.ordinal(), quantity[qu.ordinal()], qu.name());
        }
        assertEquals(nq, quantity[nq], "quantity count");
        assertEquals(PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F, value[0],
                "MollerSampler uses the same CODATA float");
        assertEquals(1e-6f, value[1]);
        assertEquals((float) Math.sqrt(3), value[2], "sqrt(3)");
        assertEquals((float) (2 * Math.PI), value[3], "2 pi");
    }
}
