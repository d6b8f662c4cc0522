package doseengine.methods;

import doseengine.dosimetry.DoseConversion;
import doseengine.dosimetry.LocalEnergyDeposition;
import doseengine.dosimetry.convolution.FftConvolution;
import doseengine.dosimetry.convolution.VoxelSValuesSpectrum;
import doseengine.dosimetry.convolution.VoxelSValues;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.ParticleType;
import doseengine.physics.decay.EmissionTable;
import doseengine.transport.DoseProblem;
import java.util.List;
import java.util.Map;

/**
 * The fast methods' dose maps (Gy) from a problem's time-integrated activity, each with the formula its source
 * gives (docs/methods.md):
 * <ul>
 *   <li>{@code led}: D = A~ x E_e / m in the decay's voxel, E_e the electrons' energy per decay; photons left out
 *   ({@link LocalEnergyDeposition});</li>
 *   <li>convolution: E(x) = sum_y N(y) K(x - y), N the decays per voxel, K the voxel S values (MeV per decay, even in
 *   each axis), by FFT with zero padding; the energy becomes dose over a mass that the method chooses: the voxel's
 *   own (rho(x) V) for {@code dpk} and {@code vsv-density}, soft tissue's (rho_t V) for {@code vsv};</li>
 *   <li>{@code sphere}: per structure, D = A~_s x S(m_s), S from {@link SphereSValues} at the structure's mass.</li>
 * </ul>
 */
public final class MethodDoses {
    private MethodDoses() {
    }

    /** Local energy deposition of the electrons. */
    public static FloatVolume led(DoseProblem p) {
        double electrons = EmissionTable.of(p.nuclide()).expectedEnergyPerDecayMeV(ParticleType.ELECTRON);
        return LocalEnergyDeposition.dose(p.tiaMBqH(), p.density(), electrons).doseGy();
    }

    /** The energy per voxel (MeV) of the decays convolved with voxel S values. */
    static double[] energy(double[] decays, VoxelGrid g, VoxelSValues sValues) {
        VoxelSValuesSpectrum s = FftConvolution.prepare(sValues, g.nx(), g.ny(), g.nz());
        return s.convolve(decays);
    }

    /** Energy over a fixed density's voxel mass (the S values' medium). */
    static FloatVolume overFixedMass(double[] energyMeV, VoxelGrid g, double density) {
        float[] d = new float[energyMeV.length];
        double perMeV = DoseConversion.grayPerMeV(density * g.voxelVolumeCm3());
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (energyMeV[i] * perMeV);
        }
        return new FloatVolume(g, d);
    }

    /**
     * The sphere model's map: each structure's voxels at its sphere dose (Gy), others 0; structures whose mass lies
     * outside the S-value grid stay 0 and have no entry in {@code doses}. Where structures overlap, a voxel takes
     * the dose of the smallest structure holding it ({@link LabelMap#innermost()}), as a tumour inside an organ
     * would be reported apart from it.
     *
     * @param masses the structures' masses (g), by name
     * @param doses  receives each structure's sphere dose (Gy)
     */
    static FloatVolume sphere(DoseProblem p, SphereSValues s, Map<String, Double> masses, Map<String, Double> doses) {
        LabelMap labels = p.labels();
        float[] out = new float[p.grid().voxelCount()];
        if (labels == null) {
            return new FloatVolume(p.grid(), out);
        }
        float[] tia = p.tiaMBqH().data();
        double[] structureTia = new double[Short.MAX_VALUE + 1];
        for (int k = 0; k < labels.layerCount(); k++) { // overlapping structures: each its own TIA
            short[] lab = labels.layer(k).data();
            int[] named = labels.compactIndexInLayer(k);
            for (int v = 0; v < lab.length; v++) {
                if (lab[v] > 0 && named[lab[v]] >= 0) {
                    structureTia[lab[v]] += tia[v];
                }
            }
        }
        short[] lab = labels.innermost().data();
        float[] dose = new float[Short.MAX_VALUE + 1];
        for (Map.Entry<Integer, String> e : labels.names().entrySet()) {
            Double m = masses.get(e.getValue());
            if (m == null || !s.covers(m)) {
                continue;
            }
            // A~ (MBq h) x 3600 s/h x S (mGy/(MBq s)) / 1000 mGy/Gy.
            double gy = structureTia[e.getKey()] * 3600.0 * s.sAt(m) / 1000.0;
            dose[e.getKey()] = (float) gy;
            doses.put(e.getValue(), gy);
        }
        for (int v = 0; v < lab.length; v++) {
            if (lab[v] > 0) {
                out[v] = dose[lab[v]];
            }
        }
        return new FloatVolume(p.grid(), out);
    }

    /** Names of structures the sphere model cannot serve: mass outside the grid. */
    static List<String> outsideSphereGrid(SphereSValues s, Map<String, Double> masses) {
        return masses.entrySet().stream().filter(e -> !s.covers(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
