package doseengine.validation.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.geometry.BadInputException;
import doseengine.kernels.ParticleType;
import doseengine.validation.run.EmissionSource;
import doseengine.validation.run.RegionEnergy;
import doseengine.validation.run.VoxelSourceResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sphere self-dose from a run: S (mGy/(MBq s)) over the voxelized mass, and the absorbed fractions of the
 * electron and photon emissions (energy deposited in the sphere / energy emitted as that kind); and
 * {@code sphere.json}.
 */
public final class SphereResult {
    private final SphereBenchmark benchmark;
    private final double s;
    private final double sRelUnc;
    private final double afElectrons;
    private final double afElectronsRelUnc;
    private final Double afPhotons;
    private final Double afPhotonsRelUnc;
    private final List<VoxelSourceResult> runs = new ArrayList<>();

    SphereResult(SphereBenchmark benchmark, VoxelSourceResult electrons, VoxelSourceResult photons) {
        this.benchmark = benchmark;
        EmissionSource.NuclideEmissions all = EmissionSource.NuclideEmissions.all(benchmark.nuclide());
        RegionEnergy e = region(electrons);
        runs.add(electrons);
        double emittedE = all.emittedEnergyPerDecayMeV(ParticleType.ELECTRON);
        this.afElectrons = e.meanMeVPerDecay() / emittedE;
        this.afElectronsRelUnc = e.relativeUncertainty();
        double deposited = e.meanMeVPerDecay();
        double var = sq(e.meanMeVPerDecay() * e.relativeUncertainty());
        if (photons != null) {
            RegionEnergy p = region(photons);
            runs.add(photons);
            this.afPhotons = p.meanMeVPerDecay() / all.emittedEnergyPerDecayMeV(ParticleType.PHOTON);
            this.afPhotonsRelUnc = p.relativeUncertainty();
            deposited += p.meanMeVPerDecay();
            var += sq(p.meanMeVPerDecay() * p.relativeUncertainty());
        } else {
            this.afPhotons = null;
            this.afPhotonsRelUnc = null;
        }
        this.s = SValueUnits.sValue(deposited, benchmark.voxelizedMassG() / 1000.0);
        this.sRelUnc = deposited > 0 ? Math.sqrt(var) / deposited : Double.NaN;
    }

    public SphereBenchmark benchmark() {
        return benchmark;
    }

    /** S self (mGy/(MBq s)). */
    public double sValue() {
        return s;
    }

    public double sRelativeUncertainty() {
        return sRelUnc;
    }

    public double afElectrons() {
        return afElectrons;
    }

    /** The photon absorbed fraction, or null when the nuclide's photons were not transported (Y-90). */
    public Double afPhotons() {
        return afPhotons;
    }

    /** The electron run, then the photon run if there was one. */
    public List<VoxelSourceResult> runs() {
        return List.copyOf(runs);
    }

    /**
     * {@code sphere.json}: the keys of DESIGN.md section 5 ({@code nuclide, mass_g, S_mGy_per_MBq_s, rel_unc,
     * af_electrons, af_photons}; af_photons null when no photons were transported) and the voxelized mass, voxel
     * size and the absorbed fractions' errors.
     */
    public ObjectNode json() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("nuclide", benchmark.nuclide().name());
        root.put("mass_g", benchmark.massG());
        root.put("S_mGy_per_MBq_s", s);
        root.put("rel_unc", sRelUnc);
        root.put("af_electrons", afElectrons);
        if (afPhotons == null) {
            root.putNull("af_photons");
        } else {
            root.put("af_photons", afPhotons);
        }
        root.put("voxelized_mass_g", benchmark.voxelizedMassG());
        root.put("voxel_mm", benchmark.voxelMm());
        root.put("af_electrons_rel_unc", afElectronsRelUnc);
        if (afPhotonsRelUnc == null) {
            root.putNull("af_photons_rel_unc");
        } else {
            root.put("af_photons_rel_unc", afPhotonsRelUnc);
        }
        root.put("material", SphereBenchmark.MATERIAL);
        return root;
    }

    public void writeJson(Path file) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private static RegionEnergy region(VoxelSourceResult r) {
        RegionEnergy e = r.regions().get(SphereBenchmark.sphereLabel());
        if (e == null) {
            throw new IllegalStateException("the run returned no energy for the region 'sphere'");
        }
        return e;
    }

    private static double sq(double v) {
        return v * v;
    }
}
