package doseengine.dosimetry;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.VoxelGrid;

/**
 * Energy to absorbed dose: {@code D [Gy] = E [MeV] * 1.602176634e-13 J/MeV / m [kg]}, with the voxel mass
 * {@code m = rho [g/cm3] * V [cm3] / 1000}.
 *
 * <p>A massless voxel (density 0, vacuum) has dose 0 by definition: no mass can absorb energy, and a correct
 * transport deposits none there. This keeps dose maps free of NaN and infinity.
 */
public final class DoseConversion {
    /** 1 MeV in joules: the elementary charge 1.602176634e-19 C is exact in the SI since 2019 (CODATA 2018). */
    public static final double JOULES_PER_MEV = 1.602176634e-13;

    private DoseConversion() {}

    /** Mass in kg of a volume (cm3) at a density (g/cm3). */
    public static double massKg(double densityGPerCm3, double volumeCm3) {
        return densityGPerCm3 * volumeCm3 / 1000;
    }

    /** Gy per MeV deposited in this mass (g); 0 for a zero mass. */
    public static double grayPerMeV(double massG) {
        if (!(massG >= 0) || Double.isInfinite(massG)) {
            throw new IllegalArgumentException("mass must be finite and >= 0 g, got " + massG);
        }
        return massG == 0 ? 0 : JOULES_PER_MEV / (massG / 1000);
    }

    /** Dose (Gy) of {@code energyMeV} deposited in {@code massG} grams; 0 for a zero mass. */
    public static double gray(double energyMeV, double massG) {
        return energyMeV * grayPerMeV(massG);
    }

    /**
     * A dose map (Gy) from the energy deposited in each voxel (MeV) over that voxel's own mass (density x voxel
     * volume); 0 in massless voxels. The last step of a kernel convolution.
     *
     * @param energyMeV energy per voxel, flat index as {@code density}'s grid
     */
    public static FloatVolume overLocalMass(double[] energyMeV, FloatVolume density) {
        VoxelGrid g = density.grid();
        float[] rho = density.data();
        if (energyMeV.length != rho.length) {
            throw new IllegalArgumentException("one energy per voxel expected: " + rho.length + ", got "
                    + energyMeV.length);
        }
        float[] d = new float[rho.length];
        double v = g.voxelVolumeCm3();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) gray(energyMeV[i], rho[i] * v);
        }
        return new FloatVolume(g, d);
    }
}
