package doseengine.validation.benchmark;

import doseengine.kernels.ParticleType;
import doseengine.physics.material.Material;
import doseengine.physics.material.MaterialCatalog;
import doseengine.physics.photon.MaterialAttenuation;
import doseengine.physics.photon.PhotonProcess;
import doseengine.physics.photon.XcomLibrary;
import doseengine.validation.reference.DosePointKernelReference;
import doseengine.validation.reference.DpkReferenceSet;
import doseengine.validation.reference.ScaledDosePointKernel;
import doseengine.validation.reference.WaterCsdaRange;
import doseengine.validation.run.EmissionSource;
import java.util.List;

/**
 * An estimate of X90 in water (the radius inside which 90 % of the emitted energy is absorbed) made before any
 * transport, to size the shells and the water grid of a dose point kernel. The run measures the real X90; this
 * only has to be within the margins {@link DpkBenchmark} allows (+-25 %).
 *
 * <p>Method: each emitted energy E contributes its share of the emitted energy, absorbed inside r as
 * <ul>
 *   <li>electrons: K(r / r0(E)), with r0 the CSDA range ({@link WaterCsdaRange}) and K the cumulative of one
 *   universal scaled kernel, Berger's observation that scaled kernels barely change with energy (MIRD Pamphlet 7,
 *   Berger 1971). K is the ETRAN 500 keV kernel of the reference file, used for its shape only and normalised to
 *   1; the beta spectrum enters as its sampling intervals, each at its mean energy;</li>
 *   <li>photons: 1 - exp(-mu(E) rho r), the fraction that interacts inside r (first interaction only: an
 *   underestimate of where the energy is absorbed, but photon kernels are far wider than the shells matter for).</li>
 * </ul>
 * The estimate is the r where the emitted-energy-weighted sum reaches 0.9, found by bisection.
 */
public final class X90Estimator {
    private static final double TARGET = 0.9;
    /** Photons below this (MeV) deposit where they are born: the transport's lowest photon cutoff. */
    private static final double PHOTON_CUTOFF_MEV = 0.001;
    private static final String WATER = "water_liquid";

    private X90Estimator() {
    }

    /** The estimate (mm) for a source in water of 1 g/cm3. */
    public static double estimateMm(EmissionSource source) {
        List<EmissionSource.Component> parts = source.components();
        ScaledDosePointKernel shape = DosePointKernelReference.standard().find(DpkReferenceSet.ETRAN, 0.5).orElseThrow();
        double shapeTotal = shape.integral();
        MaterialAttenuation photons = null;
        double total = 0;
        int n = parts.size();
        double[] weight = new double[n];
        double[] scale = new double[n];
        boolean[] photon = new boolean[n];
        double rMax = 0;
        for (int i = 0; i < n; i++) {
            EmissionSource.Component c = parts.get(i);
            weight[i] = c.perDecay() * c.energyMeV();
            total += weight[i];
            photon[i] = c.particleType() == ParticleType.PHOTON;
            if (photon[i] && c.energyMeV() < PHOTON_CUTOFF_MEV) {
                // Below the photon cutoff the transport deposits the energy where the photon is born.
                photon[i] = false;
                scale[i] = 0;
            } else if (photon[i]) {
                if (photons == null) {
                    Material water = MaterialCatalog.standard().get(WATER);
                    photons = new MaterialAttenuation(water, XcomLibrary.standard());
                }
                // mu (1/mm) at 1 g/cm3.
                scale[i] = photons.muOverRho(PhotonProcess.TOTAL, c.energyMeV()) / 10.0;
                rMax = Math.max(rMax, 10.0 / scale[i]);
            } else if (c.energyMeV() < WaterCsdaRange.GRID_MIN_MEV) {
                scale[i] = 0; // below 1 keV: absorbed within nanometres
            } else {
                scale[i] = WaterCsdaRange.engineCm(c.energyMeV()) * 10.0;
                rMax = Math.max(rMax, 2.0 * scale[i]);
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(source.title() + " emits no energy");
        }
        double lo = 0;
        double hi = rMax;
        for (int it = 0; it < 200 && hi - lo > 1e-9 * rMax; it++) {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (int i = 0; i < n; i++) {
                double absorbed;
                if (photon[i]) {
                    absorbed = -Math.expm1(-scale[i] * mid);
                } else if (scale[i] == 0) {
                    absorbed = 1.0;
                } else {
                    absorbed = Math.min(1.0, shape.cumulative(mid / scale[i]) / shapeTotal);
                }
                f += weight[i] * absorbed;
            }
            if (f / total >= TARGET) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
