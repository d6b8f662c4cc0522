package doseengine.validation.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import doseengine.kernels.ParticleType;
import doseengine.phantoms.SpherePhantom;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.validation.FakeBenchmarkRunner;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.TransportSettings;
import doseengine.validation.run.VoxelSourceProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SphereBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void sphereSValueIsDepositedEnergyOverVoxelizedMass() throws Exception {
        SphereBenchmark b = new SphereBenchmark(NuclideCatalog.get("Lu-177"), 1.0);
        VoxelSourceProblem electrons = b.electronProblem();
        VoxelSourceProblem photons = b.photonProblem().orElseThrow();
        // Unit density, one material, decays uniform in the sphere's voxels, energy kept for the region 'sphere'.
        assertEquals(List.of(SphereBenchmark.MATERIAL), electrons.materials());
        assertEquals(1.0f, electrons.density().get(0, 0, 0), 0);
        assertEquals(b.phantom().labelVoxelCount("sphere"), electrons.activity().sum(), 0);
        assertTrue(electrons.regions().names().containsValue("sphere"));
        // The voxelized mass is within 1 % of 1 g (SpherePhantom: 30 voxels across).
        assertEquals(1.0, b.voxelizedMassG(), 0.01);

        FakeBenchmarkRunner fake = FakeBenchmarkRunner.exact().withSphereAbsorbedFraction(0.8);
        TransportSettings s = TransportSettings.defaults(1000);
        SphereResult r = b.evaluate(fake.runVoxelSource(electrons, s), fake.runVoxelSource(photons, s));
        EmissionSource.NuclideEmissions all = EmissionSource.NuclideEmissions.all(NuclideCatalog.get("Lu-177"));
        double ee = all.emittedEnergyPerDecayMeV(ParticleType.ELECTRON);
        double ep = all.emittedEnergyPerDecayMeV(ParticleType.PHOTON);
        assertEquals(0.8, r.afElectrons(), 1e-12);
        assertEquals(0.8, r.afPhotons(), 1e-12);
        double expected = 0.8 * (ee + ep) * 1.602176634e-13 * 1e9 / (b.voxelizedMassG() / 1000);
        assertEquals(expected, r.sValue(), 1e-12 * expected);
        // Both runs carry 0.2 % relative error on their region energies; combined in quadrature, weighted by energy.
        assertEquals(0.002 * Math.hypot(ee, ep) / (ee + ep), r.sRelativeUncertainty(), 1e-12);

        r.writeJson(tmp.resolve("sphere.json"));
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("sphere.json").toFile());
        for (String key : List.of("nuclide", "mass_g", "S_mGy_per_MBq_s", "rel_unc", "af_electrons", "af_photons")) {
            assertTrue(j.has(key), key);
        }
        assertEquals("Lu-177", j.get("nuclide").asText());
        assertEquals(1.0, j.get("mass_g").asDouble(), 0);
    }

    @Test
    void y90PhotonsAreNotTransported() {
        SphereBenchmark b = new SphereBenchmark(NuclideCatalog.get("Y-90"), 10.0);
        // ICRP 107 Y-90: 3e-8 MeV of photons per decay against 0.93 MeV of electrons.
        assertTrue(b.photonProblem().isEmpty());
        assertEquals(SpherePhantom.recommendedVoxelMm(10.0), b.voxelMm(), 0);
    }
}
