package doseengine.kernels.transport;

import static doseengine.kernels.PhysicalConstants.ELECTRON_REST_ENERGY_MEV_F;
import static doseengine.kernels.PhysicalConstants.TWO_ELECTRON_REST_ENERGIES_MEV_F;

import doseengine.kernels.ParticleType;
import doseengine.kernels.photon.PhotonScatter;
import doseengine.kernels.rng.PhiloxStream;
import doseengine.kernels.source.IsotropicDirection;
import doseengine.kernels.tally.EnergyTally;

/**
 * The mutable state of one transport thread: its random stream (restarted for every history), its particle
 * stack, the particle being transported (the "registers" the photon and electron steps read and write), the tally
 * it scores into and its diagnostic counters. Created once per {@link JavaHistoryDriver#run} call and never
 * shared between threads; nothing in it is allocated per history or per particle.
 *
 * <p>It also owns the rule for every new particle ({@link #secondary}): below its cutoff a particle deposits its
 * energy where it was created; otherwise it is pushed, and a full stack deposits it and counts the overflow.
 *
 * <p>Device twin: {@code include/history.clh}: {@code transport_history}, {@code transport_history_secondary},
 * {@code transport_history_annihilate}, {@code transport_history_deposit}, {@code transport_history_escape},
 * {@code transport_history_emit}.
 */
final class HistoryState {
    final PhiloxStream rng;
    final ParticleStack stack;
    final EnergyTally tally;
    final TransportObserver observer;
    final PhotonScatter scatter = new PhotonScatter();
    /** Scratch for directions computed by {@link Directions#rotate} and {@link IsotropicDirection}. */
    final float[] direction = new float[3];
    final float[] secondaryDirection = new float[3];
    final float[] position = new float[3];
    /** The current particle's place in the grid while a transport moves it ({@link VoxelNavigator}). */
    final VoxelCursor cursor = new VoxelCursor();

    private final float electronCutoff;
    private final float photonCutoff;

    // The particle being transported.
    int type;
    float energy;
    float x;
    float y;
    float z;
    float u;
    float v;
    float w;
    int voxel;

    // Diagnostics, folded into the kernel's totals at the end of a run call.
    long stackOverflows;
    long electronSteps;

    HistoryState(long seed, int stackCapacity, EnergyTally tally, TransportObserver observer, float electronCutoff,
                 float photonCutoff) {
        this.rng = new PhiloxStream(seed, 0, TransportRandom.PURPOSE_TRANSPORT);
        this.stack = new ParticleStack(stackCapacity);
        this.tally = tally;
        this.observer = observer;
        this.electronCutoff = electronCutoff;
        this.photonCutoff = photonCutoff;
    }

    /** Makes the stack's particle {@code index} the current one. */
    void load(int index) {
        ParticleStack s = stack;
        type = s.type[index];
        energy = s.energy[index];
        x = s.x[index];
        y = s.y[index];
        z = s.z[index];
        u = s.u[index];
        v = s.v[index];
        w = s.w[index];
        voxel = s.voxel[index];
    }

    void deposit(int voxelIndex, float px, float py, float pz, float energyMeV) {
        tally.deposit(voxelIndex, px, py, pz, energyMeV);
    }

    /**
     * A new particle at (px, py, pz) in voxel {@code voxelIndex}, moving along (du, dv, dw): pushed when it is
     * above its cutoff, deposited on the spot otherwise. Photons below the photon cutoff and electrons at or below
     * the electron cutoff deposit their kinetic energy; a positron at or below it deposits its kinetic energy and
     * annihilates there (two photons, drawn here). A full stack deposits the particle's whole energy, including a
     * positron's two rest energies, and counts the overflow.
     */
    void secondary(int particleType, float energyMeV, float px, float py, float pz, float du, float dv, float dw,
                   int voxelIndex) {
        if (particleType == ParticleType.PHOTON ? energyMeV < photonCutoff : energyMeV <= electronCutoff) {
            deposit(voxelIndex, px, py, pz, energyMeV);
            if (particleType == ParticleType.POSITRON) {
                annihilate(px, py, pz, voxelIndex);
            }
            return;
        }
        if (!stack.push(particleType, energyMeV, px, py, pz, du, dv, dw, voxelIndex)) {
            stackOverflows++;
            deposit(voxelIndex, px, py, pz,
                    particleType == ParticleType.POSITRON ? energyMeV + TWO_ELECTRON_REST_ENERGIES_MEV_F : energyMeV);
        }
    }

    /**
     * A positron at rest annihilates: two photons of m c^2 each, back to back, in an isotropic direction (two
     * uniforms, {@link IsotropicDirection}). In-flight annihilation is not modelled.
     */
    void annihilate(float px, float py, float pz, int voxelIndex) {
        IsotropicDirection.sample(rng, secondaryDirection);
        float du = secondaryDirection[0];
        float dv = secondaryDirection[1];
        float dw = secondaryDirection[2];
        secondary(ParticleType.PHOTON, ELECTRON_REST_ENERGY_MEV_F, px, py, pz, du, dv, dw, voxelIndex);
        secondary(ParticleType.PHOTON, ELECTRON_REST_ENERGY_MEV_F, px, py, pz, -du, -dv, -dw, voxelIndex);
    }

    /** The current particle leaves the grid with kinetic energy {@code e}: a positron takes its rest energies. */
    void escape(float e, int interactions) {
        tally.escape(type == ParticleType.POSITRON ? e + TWO_ELECTRON_REST_ENERGIES_MEV_F : e);
        if (observer != null) {
            observer.escaped(type, e, x, y, z, u, v, w, interactions);
        }
    }
}
