package doseengine.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import doseengine.kernels.PhysicalConstants;
import doseengine.kernels.photon.ComptonSampler;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.photon.PhotonMajorant;
import doseengine.kernels.photon.PhotonScatter;
import doseengine.kernels.photon.RayleighSampler;
import doseengine.kernels.fixtures.TwinFixtures;
import doseengine.kernels.rng.PhiloxStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The photon device files (photon_cross_sections.clh, photon_majorant.clh, compton.clh, rayleigh.clh) on the
 * OpenCL device against their Java twins (PhotonCrossSections, PhotonMajorant, ComptonSampler, RayleighSampler) on
 * the engine's tables for six materials (iodine for its K and L edges) and a majorant over eight voxels, read from
 * the twin fixture ({@link TwinFixtures}), sample by sample from the same Philox streams. Needs an OpenCL device.
 *
 * <p>Tolerances come from the error bounds of OpenCL 1.2 (section 7.4, table 7.1): exp and log 3 ulp, log1p
 * 2 ulp; Java's double function rounded to float is within 0.5 ulp of the exact value; every other operation is
 * correctly rounded on both sides (division and sqrt where the device supports it, see
 * {@link OpenClProgram#correctlyRoundedDivideSqrt()}), so it adds at most 0.5 ulp per side. A bound of b ulp of
 * the exact value is up to 2b ulp of a float just above a power of two, hence the doubling below. Where a
 * rejection loop or a comparison decides on a float that differs by such ulps, the two sides can take different
 * paths: a sample whose number of uniforms or integer outcome differs has diverged, is counted, and must be
 * rare; every other sample is held to the tolerance.
 */
class PhotonOpenClTest {

    private static final long SEED = 0x0F07_0A5EL;
    /** mu = mu_i * exp(...): exp 3 + Java 0.5 + one product each side 2 x 0.5 = 4.5 ulp, doubled. */
    private static final double MU_ULPS = 9;
    /** ln E: log 3 + Java 0.5 = 3.5 ulp, doubled. */
    private static final double LOG_ULPS = 7;
    /**
     * Compton eps = exp(-a1 u): a1 = log1p(2k) within 2.5 ulp scales the exponent, which is at most
     * ln(1 + 2 * 3 / 0.511) = 2.55, so 6.4 ulp; exp itself 3.5; the product eps * E 1: 11 ulp, doubled.
     */
    private static final double COMPTON_EPS_ULPS = 22;
    /** Divergent samples allowed: 1 in 10 000 (expected of order 1e-6 per comparison near a few-ulp edge). */
    private static final double DIVERGENCE_FRACTION = 1e-4;

    private static OpenClContext cl;
    private static OpenClProgram program;
    private static int materialCount;
    private static PhotonCrossSections xs;
    private static ComptonSampler compton;
    private static RayleighSampler rayleigh;
    private static PhotonMajorant majorant;
    private static DevicePhotonTables device;

    /** Per test rather than @BeforeAll, so that without a device each test is reported as skipped. */
    @BeforeEach
    void build() {
        if (device != null) {
            return;
        }
        TwinFixtures.PhotonSet tables = TwinFixtures.photons();
        xs = tables.crossSections();
        compton = tables.compton();
        rayleigh = tables.rayleigh();
        majorant = tables.majorant();
        materialCount = xs.materialCount();
        if (cl == null) {
            cl = OpenClTestSupport.open();
        }
        if (program == null) {
            program = OpenClProgram.build(cl, KernelSource.load("test_photon.cl"));
        }
        device = DevicePhotonTables.upload(cl, xs, majorant, rayleigh, compton);
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

    /**
     * At 300 000 random (material, ln E, u) over and beyond 1 keV - 3 MeV, and at every node's ln E and its
     * float neighbours (the edges: two nodes at one energy): bin, node and majorant equal Java's (integer
     * arithmetic and array reads); mu/rho of all five processes within {@link #MU_ULPS}; the process chosen
     * with u equal, except where u lands within the ulps of mu of a boundary (counted, at most 1e-4).
     */
    @Test
    void crossSectionLookupsEqualJava() {
        int nodes = xs.nodeCount();
        int n = 300_000 + 3 * nodes * materialCount;
        float[] lnE = new float[n];
        int[] material = new int[n];
        float[] u = new float[n];
        SplittableRandom random = new SplittableRandom(0x1005L);
        float lo = (float) Math.log(0.001) - 0.1f;
        float hi = (float) Math.log(3.0) + 0.1f;
        int k = 0;
        for (int m = 0; m < materialCount; m++) {
            for (int node = 0; node < nodes; node++) {
                float e = xs.nodeLnEnergy(node);
                for (float x : new float[] {Math.nextDown(e), e, Math.nextUp(e)}) {
                    lnE[k] = x;
                    material[k] = m;
                    u[k++] = random.nextInt(1 << 24) * 0x1p-24f;
                }
            }
        }
        while (k < n) {
            lnE[k] = lo + (float) random.nextDouble() * (hi - lo);
            material[k] = random.nextInt(materialCount);
            u[k++] = random.nextInt(1 << 24) * 0x1p-24f;
        }
        int[] bin = new int[n];
        int[] node = new int[n];
        float[] mu = new float[5 * n];
        float[] maj = new float[n];
        int[] process = new int[n];
        try (DeviceBuffer dLnE = DeviceBuffer.copyOf(cl, lnE);
                DeviceBuffer dMat = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dU = DeviceBuffer.copyOf(cl, u);
                DeviceBuffer dBin = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                DeviceBuffer dNode = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                DeviceBuffer dMu = DeviceBuffer.allocate(cl, 5L * n * Float.BYTES);
                DeviceBuffer dMaj = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dProcess = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                OpenClKernel kernel = program.kernel("look_up_cross_sections")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, dLnE).arg(a + 1, dMat).arg(a + 2, dU).arg(a + 3, dBin).arg(a + 4, dNode).arg(a + 5, dMu)
                    .arg(a + 6, dMaj).arg(a + 7, dProcess).run(n);
            dBin.read(bin);
            dNode.read(node);
            dMu.read(mu);
            dMaj.read(maj);
            dProcess.read(process);
        }
        UlpDifference muUlps = new UlpDifference();
        int processDiffers = 0;
        for (int i = 0; i < n; i++) {
            int javaNode = xs.node(lnE[i]);
            if (xs.bin(lnE[i]) != bin[i] || javaNode != node[i]) {
                assertEquals(xs.bin(lnE[i]) + " " + javaNode, bin[i] + " " + node[i], at(material[i], lnE[i]) + ": bin and node");
            }
            if (majorant.at(lnE[i]) != maj[i]) {
                assertEquals(majorant.at(lnE[i]), maj[i], at(material[i], lnE[i]) + ": majorant");
            }
            for (int p = 0; p < 5; p++) {
                float expected = xs.muOverRho(p, material[i], javaNode, lnE[i]);
                double d = muUlps.add(expected, mu[5 * i + p]);
                if (!(d <= MU_ULPS)) {
                    fail(at(material[i], lnE[i]) + ", process " + p + ": Java " + expected + ", device "
                        + mu[5 * i + p] + " (" + d + " ulp)");
                }
            }
            if (xs.selectProcess(material[i], javaNode, lnE[i], u[i]) != process[i]) {
                processDiffers++;
            }
        }
        System.out.printf("photon lookups on %s: mu/rho within %.1f ulp of Java; process choice differs in %d of %d%n",
                cl.info().deviceName(), muUlps.largest(), processDiffers, n);
        assertTrue(processDiffers <= DIVERGENCE_FRACTION * n, processDiffers + " process choices differ");
    }

    /**
     * The lookup as the transport makes it, from the energy: the device's ln E within {@link #LOG_ULPS} of
     * Java's (float) log; the node it finds differs from Java's only where ln E lies within those ulps of a
     * node (counted, at most 1e-4 of 300 000 energies); and mu/rho equals Java's lookup at the device's own
     * ln E within {@link #MU_ULPS}, so the two steps together are the whole difference.
     */
    @Test
    void lookupFromTheEnergyDiffersOnlyByTheLogarithm() {
        int n = 300_000;
        float[] energy = new float[n];
        int[] material = new int[n];
        SplittableRandom random = new SplittableRandom(0x1006L);
        for (int i = 0; i < n; i++) {
            energy[i] = (float) Math.exp(Math.log(0.001) + random.nextDouble() * Math.log(3000));
            material[i] = random.nextInt(materialCount);
        }
        float[] lnE = new float[n];
        int[] node = new int[n];
        float[] mu = new float[n];
        try (DeviceBuffer dE = DeviceBuffer.copyOf(cl, energy);
                DeviceBuffer dMat = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dLnE = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dNode = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                DeviceBuffer dMu = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("look_up_at_energies")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, dE).arg(a + 1, dMat).arg(a + 2, dLnE).arg(a + 3, dNode).arg(a + 4, dMu).run(n);
            dLnE.read(lnE);
            dNode.read(node);
            dMu.read(mu);
        }
        UlpDifference logUlps = new UlpDifference();
        UlpDifference muUlps = new UlpDifference();
        int nodeDiffers = 0;
        for (int i = 0; i < n; i++) {
            float javaLnE = (float) Math.log(energy[i]);
            double d = logUlps.add(javaLnE, lnE[i]);
            if (!(d <= LOG_ULPS)) {
                fail("ln " + energy[i] + ": Java " + javaLnE + ", device " + lnE[i]);
            }
            if (xs.node(javaLnE) != node[i]) {
                nodeDiffers++;
            }
            float atDeviceLnE = xs.muOverRho(PhotonCrossSections.TOTAL, material[i], lnE[i]);
            d = muUlps.add(atDeviceLnE, mu[i]);
            if (!(d <= MU_ULPS)) {
                fail("mu at " + energy[i] + " MeV: Java " + atDeviceLnE + ", device " + mu[i]);
            }
        }
        System.out.printf("photon lookups from E on %s: ln E within %.1f ulp of Java, node differs in %d of %d, "
                + "mu/rho within %.1f ulp at the same ln E%n", cl.info().deviceName(), logUlps.largest(), nodeDiffers,
                n, muUlps.largest());
        assertTrue(nodeDiffers <= DIVERGENCE_FRACTION * n, nodeDiffers + " nodes differ");
    }

    /**
     * S(x)/Z at 200 000 momentum transfers from below the first node (S ~ x^2) to above the last (held), in
     * every material. The device's ln x may differ by 3.5 ulp (doubled: 7), which moves the interpolation
     * fraction by 32 nodes per unit ln x times that; the bound is that shift times the node step of S, plus
     * 4 ulp of S for the interpolation's own rounding on each side.
     */
    @Test
    void scatteringFunctionEqualsJavaWithinTheLogarithmsError() {
        int n = 200_000;
        float[] x = new float[n];
        int[] material = new int[n];
        SplittableRandom random = new SplittableRandom(0x1007L);
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.exp(Math.log(1e-4) + random.nextDouble() * Math.log(1e7));
            material[i] = random.nextInt(materialCount);
        }
        float[] out = new float[n];
        try (DeviceBuffer dX = DeviceBuffer.copyOf(cl, x);
                DeviceBuffer dMat = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dOut = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                OpenClKernel kernel = program.kernel("compute_scattering_functions")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, dX).arg(a + 1, dMat).arg(a + 2, dOut).run(n);
            dOut.read(out);
        }
        float[] s = compton.scatteringFunctionArray();
        int nodes = compton.nodeCount();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            float expected = compton.scatteringFunction(material[i], x[i]);
            float lnX = (float) Math.log(x[i]);
            float t = (lnX - compton.lnXMin()) * compton.nodesPerUnitLnX();
            double step = 0;
            if (t > 0 && t < nodes - 1) {
                int j = (int) t;
                int base = material[i] * nodes;
                step = Math.abs(s[base + j + 1] - s[base + j]);
                if (j + 2 < nodes) {
                    step = Math.max(step, Math.abs(s[base + j + 2] - s[base + j + 1]));
                }
                if (j > 0) {
                    step = Math.max(step, Math.abs(s[base + j] - s[base + j - 1]));
                }
            }
            double allowed = LOG_ULPS * Math.ulp(lnX) * compton.nodesPerUnitLnX() * step + 4 * Math.ulp(expected);
            double diff = Math.abs((double) out[i] - expected);
            worst = Math.max(worst, diff / Math.ulp(expected));
            if (!(diff <= allowed)) {
                fail("S(" + x[i] + ") of material " + material[i] + ": Java " + expected
                    + ", device " + out[i]);
            }
        }
        System.out.printf("S(x)/Z on %s: largest difference from Java %.1f ulp%n", cl.info().deviceName(), worst);
    }

    @Test
    void boundComptonScatteringEqualsJavaSampleBySample() {
        compareCompton(true, 0x2001L);
    }

    @Test
    void freeElectronComptonScatteringEqualsJavaSampleBySample() {
        compareCompton(false, 0x2002L);
    }

    /**
     * 200 000 scatterings at energies log-uniform in 1 keV - 3 MeV, random materials, from the same streams.
     * Diverged: another number of uniforms (another path through the rejection loop). Every other sample:
     * scattered photon energy within {@link #COMPTON_EPS_ULPS}; electron energy E - E' within as many ulps of
     * E; cos(theta) = 1 - (1 - eps)/(k eps) within those ulps of eps times d cos/d eps = 1/(k eps^2), plus
     * 2^-21 for its own roundings.
     */
    private static void compareCompton(boolean bound, long inputSeed) {
        int n = 200_000;
        int purpose = bound ? 21 : 22;
        long firstHistory = 123_456_789L;
        float[] energy = new float[n];
        int[] material = new int[n];
        SplittableRandom random = new SplittableRandom(inputSeed);
        for (int i = 0; i < n; i++) {
            energy[i] = (float) Math.exp(Math.log(0.001) + random.nextDouble() * Math.log(3000));
            material[i] = random.nextInt(materialCount);
        }
        float[] cos = new float[n];
        float[] photon = new float[n];
        float[] electron = new float[n];
        int[] draws = new int[n];
        try (DeviceBuffer dE = DeviceBuffer.copyOf(cl, energy);
                DeviceBuffer dMat = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dCos = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dPhoton = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dElectron = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dDraws = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                OpenClKernel kernel = program.kernel("sample_compton")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, SEED).arg(a + 1, firstHistory).arg(a + 2, purpose).arg(a + 3, bound ? 1 : 0)
                    .arg(a + 4, dE).arg(a + 5, dMat).arg(a + 6, dCos).arg(a + 7, dPhoton).arg(a + 8, dElectron)
                    .arg(a + 9, dDraws).run(n);
            dCos.read(cos);
            dPhoton.read(photon);
            dElectron.read(electron);
            dDraws.read(draws);
        }
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, purpose);
        PhotonScatter out = new PhotonScatter();
        UlpDifference photonUlps = new UlpDifference();
        UlpDifference electronUlps = new UlpDifference();
        double worstCos = 0;
        int diverged = 0;
        for (int i = 0; i < n; i++) {
            stream.restart(firstHistory + i, purpose);
            int[] drawn = {0};
            if (bound) {
                compton.sample(material[i], energy[i], () -> {
                    drawn[0]++;
                    return stream.nextFloat();
                }, out);
            } else {
                compton.sampleFreeElectron(energy[i], () -> {
                    drawn[0]++;
                    return stream.nextFloat();
                }, out);
            }
            if (drawn[0] != draws[i]) {
                diverged++;
                continue;
            }
            double d = photonUlps.add(out.photonEnergy, photon[i]);
            if (!(d <= COMPTON_EPS_ULPS)) {
                fail(compton(bound, energy[i], material[i]) + ": photon energy Java " + out.photonEnergy + ", device "
                    + photon[i]);
            }
            d = electronUlps.add(out.electronEnergy, electron[i], energy[i]);
            if (!(d <= COMPTON_EPS_ULPS)) {
                fail(compton(bound, energy[i], material[i]) + ": electron energy Java " + out.electronEnergy + ", device "
                    + electron[i]);
            }
            float k = energy[i] / PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
            float eps = out.photonEnergy / energy[i];
            double cosPerEpsUlp = Math.ulp(eps) / (k * (double) eps * eps);
            double allowed = COMPTON_EPS_ULPS * cosPerEpsUlp + 0x1p-21;
            double diff = Math.abs((double) cos[i] - out.cosTheta);
            worstCos = Math.max(worstCos, diff / cosPerEpsUlp);
            if (!(diff <= allowed)) {
                fail(compton(bound, energy[i], material[i]) + ": cos Java " + out.cosTheta + ", device " + cos[i]);
            }
        }
        System.out.printf("%s Compton on %s: %d of %d diverged; photon energy within %.1f ulp, electron energy "
                        + "within %.1f ulp of E, cos within %.1f ulp of eps%n", bound ? "bound" : "free",
                cl.info().deviceName(), diverged, n, photonUlps.largest(), electronUlps.largest(), worstCos);
        assertTrue(diverged <= DIVERGENCE_FRACTION * n, diverged + " of " + n + " samples diverged");
    }

    /**
     * 200 000 coherent scatterings, ln E given (the lookup's ln E, compared above): the sampler has no
     * transcendental function, only +, *, division and sqrt, so where division and sqrt are correctly rounded
     * every sample must equal Java's: the same number of uniforms and the same float bits of cos(theta). On a
     * device without that (not available here to measure), divergence must stay below 1e-4 and cos within
     * 1e-4 (the interpolated x^2 can move by a few ulp of the y grid times the table's steepest step).
     */
    @Test
    void rayleighScatteringEqualsJavaSampleBySample() {
        int n = 200_000;
        int purpose = 23;
        long firstHistory = 987_654_321L;
        float[] energy = new float[n];
        float[] lnE = new float[n];
        int[] material = new int[n];
        SplittableRandom random = new SplittableRandom(0x2003L);
        for (int i = 0; i < n; i++) {
            energy[i] = (float) Math.exp(Math.log(0.001) + random.nextDouble() * Math.log(3000));
            lnE[i] = (float) Math.log(energy[i]);
            material[i] = random.nextInt(materialCount);
        }
        float[] cos = new float[n];
        int[] draws = new int[n];
        try (DeviceBuffer dE = DeviceBuffer.copyOf(cl, energy);
                DeviceBuffer dLnE = DeviceBuffer.copyOf(cl, lnE);
                DeviceBuffer dMat = DeviceBuffer.copyOf(cl, material);
                DeviceBuffer dCos = DeviceBuffer.allocate(cl, (long) n * Float.BYTES);
                DeviceBuffer dDraws = DeviceBuffer.allocate(cl, (long) n * Integer.BYTES);
                OpenClKernel kernel = program.kernel("sample_rayleigh")) {
            int a = device.bind(kernel, 0);
            kernel.arg(a, SEED).arg(a + 1, firstHistory).arg(a + 2, purpose).arg(a + 3, dE).arg(a + 4, dLnE)
                    .arg(a + 5, dMat).arg(a + 6, dCos).arg(a + 7, dDraws).run(n);
            dCos.read(cos);
            dDraws.read(draws);
        }
        boolean exact = program.correctlyRoundedDivideSqrt();
        PhiloxStream stream = new PhiloxStream(SEED, firstHistory, purpose);
        int diverged = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            stream.restart(firstHistory + i, purpose);
            int[] drawn = {0};
            float expected = rayleigh.sampleCosTheta(material[i], energy[i], lnE[i], xs.node(lnE[i]), () -> {
                drawn[0]++;
                return stream.nextFloat();
            });
            if (drawn[0] != draws[i]) {
                diverged++;
                continue;
            }
            worst = Math.max(worst, Math.abs((double) cos[i] - expected));
            if (exact) {
                if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(cos[i])) {
                    assertEquals(Float.toHexString(expected), Float.toHexString(cos[i]),
                            "Rayleigh at " + energy[i] + " MeV in material " + material[i]);
                }
            } else {
                assertEquals(expected, cos[i], 1e-4, "Rayleigh at " + energy[i] + " MeV in material " + material[i]);
            }
        }
        System.out.printf("Rayleigh on %s: %d of %d diverged; cos of the others within %.2g of Java%n",
                cl.info().deviceName(), diverged, n, worst);
        assertTrue(exact ? diverged == 0 : diverged <= DIVERGENCE_FRACTION * n, diverged + " of " + n + " diverged");
    }

    /** The device's rest energy and h c are the Java floats. */
    @Test
    void constantsAreJavasFloats() {
        float[] out = new float[2];
        try (DeviceBuffer b = DeviceBuffer.allocate(cl, 2L * Float.BYTES);
                OpenClKernel kernel = program.kernel("write_photon_constants")) {
            kernel.arg(0, b).run(1);
            b.read(out);
        }
        assertEquals(PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F, out[0]);
        assertEquals(ComptonSampler.HC, out[1]);
    }

    private static String at(int material, float lnE) {
        return "material " + material + ", ln E = " + Float.toHexString(lnE);
    }

    private static String compton(boolean bound, float energy, int material) {
        return (bound ? "bound" : "free") + " Compton at " + energy + " MeV in material " + material;
    }
}
