package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.ParticleType;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.kernels.source.PointSource;
import doseengine.kernels.tally.VoxelEnergyTally;
import doseengine.kernels.transport.JavaHistoryDriver;
import doseengine.kernels.transport.Primary;
import doseengine.kernels.transport.TransportObserver;
import doseengine.kernels.transport.TransportProblem;
import doseengine.kernels.transport.VoxelGeometry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Woodcock tracking reproduces exponential attenuation. A pencil beam of N photons crosses a slab stack along z
 * (water 24, cortical bone 8 at 1.85 g/cm3, lung 8 at 0.26 g/cm3, water 8 voxels), so the grid's majorant is
 * bone's and most tentative collisions in water and lung are virtual. Photons that leave through the far face
 * without any real interaction are the uncollided primary fluence; their fraction must be
 * T = exp(-sum mu_i rho_i L_i).
 *
 * <p>References and tolerances:
 * <ul>
 *   <li>mu from the run's own tables: |T_MC - T| within 3 binomial standard errors sqrt(T (1 - T) / N)
 *       (N = 150000, optical depth 1.2: one standard error is 0.33 % of T, so the check resolves a 1 % error in
 *       the tracking, e.g. a majorant that misses the bone or a flight measured in the wrong units);</li>
 *   <li>mu/rho from NIST (Hubbell and Seltzer, SRD 126, Table 4; test resources of the photon tables) for the
 *       ICRU-44 compositions: exp(-sum mu_NIST rho L) within 1 % of the tables' T, which needs the tables within
 *       about 0.8 % of NIST over the stack (measured: 0.26 %, NistAttenuationTest).</li>
 * </ul>
 * Electrons are cut at 100 keV here: they do not change the uncollided fluence and would only cost time.
 */
class PhotonAttenuationTest {
    private static final int HISTORIES = 150_000;
    private static final int NZ = 48;
    private static final List<String> MATERIALS = List.of("water_liquid", "bone_cortical_icru_1986",
            "lungtissue_icru_1986");
    private static final String[] NIST_FILES = {"water", "bone", "lung"};
    private static final float[] DENSITY = {1.0f, 1.85f, 0.26f};

    @ParameterizedTest
    @ValueSource(floats = {0.03f, 0.1f, 0.3f, 1.0f})
    void uncollidedFluenceFollowsExponentialAttenuation(float energy) throws IOException {
        TransportParameters parameters = TransportParameters.defaults().withElectronCutoffMeV(0.1f);
        // Voxel thickness for an optical depth of 1.2, from NIST mu/rho (the tables are within 0.3 % of it).
        double[] nist = new double[3];
        for (int m = 0; m < 3; m++) {
            nist[m] = nistMuOverRho(NIST_FILES[m], energy);
        }
        int[] layers = new int[3];
        byte[] material = new byte[NZ];
        float[] density = new float[NZ];
        for (int k = 0; k < NZ; k++) {
            int m = k < 24 ? 0 : (k < 32 ? 1 : (k < 40 ? 2 : 0));
            material[k] = (byte) m;
            density[k] = DENSITY[m];
            layers[m]++;
        }
        double muPerVoxel = 0;
        for (int m = 0; m < 3; m++) {
            muPerVoxel += layers[m] * nist[m] * DENSITY[m];
        }
        float sz = (float) (1.2 / muPerVoxel);
        VoxelGeometry g = new VoxelGeometry(1, 1, NZ, 4f, 4f, sz, material, density);
        TransportProblem p = TransportProblems.of(TransportFixtures.tables(MATERIALS, "Lu-177", parameters, g), g,
                new PointSource(2f, 2f, 0f, 0), 5L);

        float length = NZ * sz;
        LongAdder uncollided = new LongAdder();
        TransportObserver observer = new TransportObserver() {
            @Override
            public void escaped(int type, float e, float x, float y, float z, float u, float v, float w,
                                int interactions) {
                // Uncollided primaries: no real interaction and the beam's energy (secondary photons from the
                // electrons also leave without interacting, always with less energy). They kept the beam's axis.
                if (type == ParticleType.PHOTON && interactions == 0 && e == energy) {
                    assertEquals(1f, w);
                    assertTrue(z >= length);
                    uncollided.increment();
                }
            }
        };
        JavaHistoryDriver kernel = new JavaHistoryDriver(p, observer);
        kernel.runPrimaries(Primary.pencil(ParticleType.PHOTON, energy, 2f, 2f, 0f, 0, 0f, 0f, 1f), 0, HISTORIES,
                new VoxelEnergyTally(1, 1, NZ));

        double tauTables = 0;
        double tauNist = 0;
        for (int m = 0; m < 3; m++) {
            double muTables = p.photonCrossSections().muOverRhoAtEnergy(PhotonCrossSections.TOTAL, m, energy);
            tauTables += muTables * DENSITY[m] * layers[m] * sz;
            tauNist += nist[m] * DENSITY[m] * layers[m] * sz;
        }
        double expected = Math.exp(-tauTables);
        double measured = uncollided.sum() / (double) HISTORIES;
        double se = Math.sqrt(expected * (1 - expected) / HISTORIES);
        String report = String.format(Locale.ROOT, "E = %.3f MeV: T = %.5f, exp(-mu x) = %.5f (tables), %.5f (NIST), "
                + "SE %.5f, deviation %.2f SE", energy, measured, expected, Math.exp(-tauNist), se,
                (measured - expected) / se);
        System.out.println(report);
        assertTrue(Math.abs(measured - expected) <= 3 * se, report);
        assertTrue(Math.abs(Math.exp(-tauNist) / expected - 1) <= 0.01, report);
        assertEquals(0, kernel.stackOverflows());
    }

    /** mu/rho (cm2/g) at an energy in the NIST table, log-log between its points. */
    static double nistMuOverRho(String name, double energy) throws IOException {
        String resource = "/doseengine/physics/photon/nist/" + name + ".csv";
        double prevE = 0;
        double prevMu = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PhotonAttenuationTest.class.getResourceAsStream(resource), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double e = Double.parseDouble(f[0].trim());
                double mu = Double.parseDouble(f[1].trim());
                if (e == energy) {
                    return mu;
                }
                if (e > energy && prevE > 0) {
                    double t = Math.log(energy / prevE) / Math.log(e / prevE);
                    return Math.exp(Math.log(prevMu) + t * Math.log(mu / prevMu));
                }
                prevE = e;
                prevMu = mu;
            }
        }
        throw new IllegalArgumentException(energy + " MeV is outside " + resource);
    }
}
