package doseengine.dosimetry;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;
import java.util.Locale;

/**
 * Local energy deposition (LED), the clinic's fastest dose method: every decay's electrons (beta, conversion and
 * Auger) deposit their whole kinetic energy in the voxel where it happens, photons leave the patient. Its dose is a
 * plain product, so it is computed exactly, without sampling and without statistical uncertainty:
 * <pre>
 *   D_v [Gy] = A~_v [MBq h] x 3.6e9 [decays per MBq h] x E_e [MeV per decay] x 1.602176634e-13 [J/MeV]
 *              / (rho_v [g/cm3] x V [cm3] / 1000)
 * </pre>
 * (the MIRD voxel formalism with a self-dose S value of E_e / m_v and no cross dose: Bolch et al., MIRD Pamphlet
 * No. 17, J Nucl Med 40 (1999) 11S; used as "local deposition" by, for example, Pasciak and Erwin, IEEE Trans Med
 * Imaging 28 (2009) 1754, for 90Y). A voxel without mass (density 0) receives no dose: the energy of decays there is
 * not deposited anywhere.
 */
public final class LocalEnergyDeposition {
    private LocalEnergyDeposition() {}

    /** The dose map and the energy it holds. */
    public record Result(FloatVolume doseGy, double depositedMeV, double emittedElectronMeV) {
        /** The fraction of the electrons' energy deposited (below 1 only when decays fall in massless voxels). */
        public double depositedFraction() {
            return emittedElectronMeV > 0 ? depositedMeV / emittedElectronMeV : 0;
        }
    }

    /**
     * @param tiaMBqH            time-integrated activity per voxel (MBq h), finite and >= 0
     * @param density            mass density per voxel (g/cm3) on the same grid, finite and >= 0
     * @param electronMeVPerDecay mean kinetic energy of the electrons emitted per decay (MeV), finite and >= 0
     * @throws BadInputException for grids that differ or a value that is negative or not finite
     */
    public static Result dose(FloatVolume tiaMBqH, FloatVolume density, double electronMeVPerDecay) {
        VoxelGrid g = tiaMBqH.grid();
        g.requireSameGrid(density.grid(), "activity", "density");
        if (!(electronMeVPerDecay >= 0) || Double.isInfinite(electronMeVPerDecay)) {
            throw new BadInputException("electron energy per decay must be finite and >= 0 MeV, got "
                    + electronMeVPerDecay);
        }
        float[] a = tiaMBqH.data();
        float[] rho = density.data();
        float[] dose = new float[a.length];
        double volumeCm3 = g.voxelVolumeCm3();
        double deposited = 0, emitted = 0;
        for (int v = 0; v < a.length; v++) {
            require(a[v], "time-integrated activity", g, v);
            require(rho[v], "density", g, v);
            double energyMeV = a[v] * TimeIntegratedActivity.DECAYS_PER_MBQ_H * electronMeVPerDecay;
            emitted += energyMeV;
            if (rho[v] > 0 && energyMeV > 0) {
                dose[v] = (float) DoseConversion.gray(energyMeV, rho[v] * volumeCm3);
                deposited += energyMeV;
            }
        }
        return new Result(new FloatVolume(g, dose), deposited, emitted);
    }

    private static void require(float x, String what, VoxelGrid g, int v) {
        if (!(x >= 0) || Float.isInfinite(x)) {
            int i = v % g.nx(), j = (v / g.nx()) % g.ny(), k = v / (g.nx() * g.ny());
            throw new BadInputException(String.format(Locale.ROOT, "%s at voxel (%d,%d,%d) is %s; it must be finite "
                    + "and >= 0", what, i, j, k, x));
        }
    }
}
