package doseengine.physics;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.photon.PhotonCrossSections;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicsTablesTest {
    private final MaterialCatalog catalog = MaterialCatalog.standard();
    private final List<Material> materials = List.of(catalog.get("water_liquid"), catalog.get("bone_cortical_icrp"));

    @Test
    void everyTableUsesTheRunsMaterialOrder() {
        byte[] mat = {0, 1, 1, 0};
        float[] rho = {1.0f, 1.85f, 1.5f, 0.9f};
        PhysicsTables t = PhysicsTables.build(materials, EmissionTable.of(NuclideCatalog.get("Lu-177")),
                TransportParameters.defaults(), mat, rho);
        assertEquals(List.of("water_liquid", "bone_cortical_icrp"), t.photons().materialNames());
        assertEquals(0, t.electrons().indexOf("water_liquid"));
        assertEquals(1, t.electrons().indexOf("bone_cortical_icrp"));
        // The electron tables are built with the run's cutoff and thresholds, not with their own defaults.
        assertEquals(TransportParameters.DEFAULT_ELECTRON_CUTOFF_MEV, t.electrons().absorptionCutoffMeV(), 1e-9);
        // The majorant bounds the densest bone voxel at 100 keV: mu/rho(bone, 100 keV) x 1.85 g/cm3.
        float ln100keV = (float) Math.log(0.1);
        float muBone = t.photons().crossSections().muOverRho(PhotonCrossSections.TOTAL, 1, ln100keV) * 1.85f;
        assertTrue(t.majorant().at(ln100keV) >= muBone);
        assertTrue(t.majorant().at(ln100keV) <= muBone * 1.05f);
    }

    @Test
    void materialIndexBeyondTheRunsMaterialsIsRefused() {
        assertThrows(BadInputException.class, () -> PhysicsTables.build(materials,
                EmissionTable.of(NuclideCatalog.get("Y-90")), TransportParameters.defaults(),
                new byte[] {0, 2}, new float[] {1, 1}));
    }

    @Test
    void halvedStepsHalveEveryStepParameterOnly() {
        TransportParameters p = TransportParameters.defaults();
        TransportParameters h = p.withHalvedSteps();
        assertEquals(p.elasticC1() / 2, h.elasticC1());
        assertEquals(p.elasticC2() / 2, h.elasticC2());
        assertEquals(p.maxStepEnergyLossFraction() / 2, h.maxStepEnergyLossFraction());
        assertEquals(p.electronCutoffMeV(), h.electronCutoffMeV());
        assertThrows(IllegalArgumentException.class, () -> p.withElectronCutoffMeV(0.0005f));
    }

    /** Lowering E_abs lowers W_cc and W_cr to it; raising it leaves them at their 10 keV default. */
    @Test
    void cutoffBelowTheThresholdsLowersThem() {
        TransportParameters p = TransportParameters.defaults();
        TransportParameters low = p.withElectronCutoffAndThresholdsMeV(0.001f);
        assertEquals(0.001f, low.electronCutoffMeV());
        assertEquals(0.001f, low.mollerThresholdMeV());
        assertEquals(0.001f, low.bremsThresholdMeV());
        TransportParameters high = p.withElectronCutoffAndThresholdsMeV(0.05f);
        assertEquals(0.05f, high.electronCutoffMeV());
        assertEquals(p.mollerThresholdMeV(), high.mollerThresholdMeV());
        assertEquals(p.bremsThresholdMeV(), high.bremsThresholdMeV());
        assertEquals(p.withElectronCutoffMeV(0.001f).mollerThresholdMeV(), p.mollerThresholdMeV());
    }
}
