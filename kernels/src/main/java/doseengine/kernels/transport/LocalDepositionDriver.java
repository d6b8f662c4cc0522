package doseengine.kernels.transport;

import doseengine.kernels.EmissionSampler;
import doseengine.kernels.ParticleType;
import doseengine.kernels.rng.PhiloxStream;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.tally.EnergyTally;
import doseengine.kernels.tally.VoxelEnergyTally;

/**
 * The local energy deposition (LED) method as a history driver: every electron of a decay (beta, conversion and
 * Auger electrons) deposits its whole kinetic energy in the voxel where the decay happens, and every photon is
 * ignored, that is scored as escaped. No particle is transported.
 *
 * <p>This is the clinical fast method (e.g. Pasciak, Bourgeois and Bradley, Front Oncol 4 (2014) 121, for 90Y;
 * MIRD Pamphlet 23 lists it among the voxel methods): exact where electron ranges are small against the voxel and
 * photons deposit little energy near the source, and wrong at organ edges and for photon emitters (131I). The
 * engine computes it beside the Monte Carlo dose so that the two can be compared on one run.
 *
 * <p>Expected dose per decay in voxel v: {@code P(v) * E_e / m_v}, with P(v) the source's probability of v,
 * {@code E_e} the mean electron kinetic energy per decay of the emission table and {@code m_v} the voxel's mass.
 *
 * <p>Random numbers (RNG.md): history h draws from {@code PhiloxStream(seed, h, }{@value #DECAY_PURPOSE}{@code )}:
 * first the decay position ({@link DecaySource#sample}), then the emissions ({@link EmissionSampler#sampleDecay}).
 * The Monte Carlo drivers sample the decay from the same purpose in the same order, so for one seed LED and Monte
 * Carlo see the same decays, and their difference is not blurred by independent source noise.
 *
 * <p>Thread safety: {@link #run} keeps its mutable state (stream, buffers) on the calling thread, so any number of
 * threads may run disjoint history ranges at once into one tally.
 */
public final class LocalDepositionDriver implements HistoryDriver {
    /** The Philox purpose id of decay sampling (position, then emissions). */
    public static final int DECAY_PURPOSE = 0;

    private final EmissionSampler emissions;
    private final DecaySource source;
    private final long seed;

    /**
     * @param emissions what a decay emits
     * @param source    where decays happen, in the transport frame of the tally's grid
     * @param seed      the run seed (Philox key)
     */
    public LocalDepositionDriver(EmissionSampler emissions, DecaySource source, long seed) {
        if (emissions == null || source == null) {
            throw new IllegalArgumentException("emission sampler and decay source are required");
        }
        this.emissions = emissions;
        this.source = source;
        this.seed = seed;
    }

    /**
     * Runs histories {@code firstHistory .. firstHistory + count - 1} into a {@link VoxelEnergyTally}: electrons
     * to the decay's voxel (escaped when the source gives no voxel), photons escaped, every emission's energy to
     * the emitted counter.
     *
     * @throws IllegalArgumentException when the tally is not a voxel tally or count is negative
     */
    @Override
    public void run(long firstHistory, int count, EnergyTally tally) {
        if (!(tally instanceof VoxelEnergyTally voxels)) {
            throw new IllegalArgumentException("local energy deposition scores into a voxel tally, not "
                    + tally.getClass().getSimpleName());
        }
        if (count < 0) {
            throw new IllegalArgumentException("history count must be >= 0, got " + count);
        }
        PhiloxStream rng = new PhiloxStream(seed, firstHistory, DECAY_PURPOSE);
        float[] position = new float[3];
        int max = emissions.maxEmissionsPerDecay();
        int[] type = new int[max];
        float[] energy = new float[max];
        for (int h = 0; h < count; h++) {
            rng.restart(firstHistory + h, DECAY_PURPOSE);
            int voxel = source.sample(rng, position);
            int n = emissions.sampleDecay(rng, type, energy);
            for (int p = 0; p < n; p++) {
                float e = energy[p];
                voxels.emit(e);
                if (type[p] == ParticleType.ELECTRON && voxel >= 0) {
                    voxels.deposit(voxel, e);
                } else {
                    voxels.escape(e);
                }
            }
        }
    }
}
