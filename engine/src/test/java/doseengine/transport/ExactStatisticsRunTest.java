package doseengine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import doseengine.kernels.TransportParameters;
import doseengine.kernels.tally.EnergyTally;
import doseengine.tally.BatchMoments;
import doseengine.tally.BatchTally;
import doseengine.tally.EnergyBalance;
import doseengine.tally.VoxelBatchTally;
import org.junit.jupiter.api.Test;

/**
 * The exact statistics of a decay-count run give the uncertainties the double accumulation gives, up to rounding:
 * the formula is the same, only the order of the roundings differs.
 */
class ExactStatisticsRunTest {

    @Test
    void exactUncertaintiesEqualTheDoubleOnesOnARealRun() {
        RegressionProblem rp = RegressionProblem.I131_TORSO_16MM;
        DoseProblem p = rp.problem();
        RunSettings s = new RunSettings(TransportMethod.MONTE_CARLO, BackendChoice.Resolved.java(2, null),
                new StopRule.DecayCount(rp.decays), rp.seed, 2, TransportParameters.defaults());
        VoxelBatchTally doubles = new VoxelBatchTally(p.grid(), p.labels());
        VoxelBatchTally[] exact = new VoxelBatchTally[1];
        DoseCalculation.run(p, s, ProgressListener.NONE, t -> {
            exact[0] = (VoxelBatchTally) t;
            return new BatchTally() {
                @Override public EnergyTally tally() { return t.tally(); }
                @Override public void endBatch(long decays) {
                    System.arraycopy(t.tally().units(), 0, doubles.tally().units(), 0, t.tally().units().length);
                    doubles.endBatch(decays);
                    t.endBatch(decays);
                }
                @Override public int batches() { return t.batches(); }
                @Override public long bins() { return t.bins(); }
                @Override public long decays() { return t.decays(); }
                @Override public EnergyBalance energyBalance() { return t.energyBalance(); }
            };
        });
        assertTrue(exact[0].isExact(), "a decay-count run keeps exact statistics");
        assertEquals(doubles.batches(), exact[0].batches());
        int compared = compare(doubles.voxelMoments(), exact[0].voxelMoments(), "voxel");
        assertTrue(compared >= 100, "only " + compared + " voxels scored");
        compare(doubles.labelMoments(), exact[0].labelMoments(), "label");
        compare(doubles.balanceMoments(), exact[0].balanceMoments(), "balance");
    }

    private static int compare(BatchMoments d, BatchMoments e, String what) {
        int scored = 0;
        for (int b = 0; b < d.bins(); b++) {
            assertEquals(d.sum(b), e.sum(b), 1e-12 * Math.abs(d.sum(b)), what + " S1 " + b);
            assertEquals(d.meanPerDecay(b), e.meanPerDecay(b), 1e-12 * Math.abs(d.meanPerDecay(b)), what + " mean " + b);
            double rd = d.relativeStandardError(b), re = e.relativeStandardError(b);
            assertEquals(rd, re, 1e-12 * rd, what + " relative error " + b);
            scored += d.sum(b) > 0 ? 1 : 0;
        }
        return scored;
    }
}
