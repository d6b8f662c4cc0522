package doseengine.transport;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.FloatVolume;
import doseengine.geometry.LabelMap;
import doseengine.geometry.ShortVolume;
import doseengine.geometry.VoxelGrid;
import doseengine.kernels.TransportParameters;
import doseengine.kernels.transport.LocalDepositionDriver;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.source.VoxelSource;
import doseengine.tally.RegionDose;
import doseengine.tally.VoxelBatchTally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tumour inside the liver: each structure's statistics over its own mask, on the synthetic problem (Monte Carlo,
 * Java backend). The liver is a 6 x 6 x 6 block, the tumour the 2 x 2 x 2 block at its centre, the rest of the
 * liver the liver without the tumour; so the liver's voxels are the tumour's and the rest's, and its energy theirs.
 */
class OverlappingStructuresTest {
    private static final VoxelGrid G = SyntheticProblem.grid();

    private static BitSet block(int from, int to) {
        BitSet b = new BitSet();
        for (int k = from; k < to; k++) {
            for (int j = from; j < to; j++) {
                for (int i = from; i < to; i++) {
                    b.set(G.flatIndex(i, j, k));
                }
            }
        }
        return b;
    }

    private static LabelMap liverAndTumour() {
        BitSet liver = block(2, 8);
        BitSet tumour = block(4, 6);
        BitSet rest = (BitSet) liver.clone();
        rest.andNot(tumour);
        LinkedHashMap<String, BitSet> masks = new LinkedHashMap<>();
        masks.put("liver", liver);
        masks.put("tumour", tumour);
        masks.put("liver_rest", rest);
        return LabelMap.ofMasks(G, masks);
    }

    private static DoseProblem withLabels(LabelMap labels) {
        DoseProblem p = SyntheticProblem.problem();
        return new DoseProblem(p.name(), p.ctHu(), p.density(), p.material(), p.materials(), p.tiaMBqH(), labels,
                p.nuclide(), p.notes());
    }

    private static DoseResult run(LabelMap labels, long decays) {
        RunSettings s = new RunSettings(TransportMethod.MONTE_CARLO, BackendChoice.Resolved.java(2, null),
                new StopRule.DecayCount(decays), 7, 2, TransportParameters.defaults());
        return DoseCalculation.run(withLabels(labels), s, ProgressListener.NONE);
    }

    @Test
    void eachStructureHasTheStatisticsOfItsOwnMask() {
        LabelMap labels = liverAndTumour();
        assertEquals(2, labels.layerCount(), "the tumour and the rest share a layer, the liver has its own");
        DoseResult r = run(labels, 4000);
        float[] d = r.dose().gray().data();
        float[] rho = r.problem().density().data();
        double volume = G.voxelVolumeCm3();
        assertEquals(List.of("liver", "tumour", "liver_rest"), r.regions().stream().map(RegionDose::name).toList());
        for (RegionDose region : r.regions()) {
            int[] voxels = labels.voxelsOf(region.labelValue());
            double energy = 0, mass = 0;
            float min = Float.POSITIVE_INFINITY, max = 0;
            float[] doses = new float[voxels.length];
            for (int i = 0; i < voxels.length; i++) {
                int v = voxels[i];
                energy += (double) d[v] * rho[v];
                mass += rho[v];
                min = Math.min(min, d[v]);
                max = Math.max(max, d[v]);
                doses[i] = d[v];
            }
            Arrays.sort(doses);
            int n = voxels.length;
            assertEquals(n, region.voxels(), region.name());
            assertEquals(mass * volume, region.massG(), 1e-9 * mass * volume, region.name());
            assertTrue(region.meanGy() > 0, region.name());
            assertEquals(energy / mass, region.meanGy(), 1e-5 * region.meanGy(), region.name() + " mean");
            assertEquals(min, region.minGy(), region.name());
            assertEquals(max, region.maxGy(), region.name());
            // D(x) is the ceil(x n / 100)-th largest dose.
            assertEquals(doses[n - (int) Math.ceil(0.50 * n)], region.d50Gy(), region.name() + " D50");
            assertEquals(doses[n - (int) Math.ceil(0.02 * n)], region.d2Gy(), region.name() + " D2");
            assertEquals(doses[n - (int) Math.ceil(0.98 * n)], region.d98Gy(), region.name() + " D98");
            assertTrue(region.relativeUncertainty() > 0 && region.relativeUncertainty() < 1, region.name());
        }
        assertEquals(216, r.regions().get(0).voxels(), "the liver keeps the tumour's voxels");
        assertEquals(8, r.regions().get(1).voxels());
        // Energy per decay (dose times mass) from the batch totals: the liver's is the tumour's plus the rest's.
        double[] e = r.regions().stream().mapToDouble(x -> x.meanGyPerDecay() * x.massG()).toArray();
        assertEquals(e[1] + e[2], e[0], 1e-12 * e[0]);
    }

    @Test
    void theLiversBatchTotalIsExactlyTheTumoursPlusTheRestsInEveryBatch() {
        LabelMap labels = liverAndTumour();
        DoseProblem p = withLabels(labels);
        VoxelSource source = VoxelSource.fromActivity(p.tiaMBqH());
        VoxelBatchTally tally = new VoxelBatchTally(G, labels);
        int liver = tally.labelIndex("liver"), tumour = tally.labelIndex("tumour"), rest = tally.labelIndex("liver_rest");
        List<long[]> batches = new ArrayList<>();
        UncertaintyWatch check = () -> {
            batches.add(new long[] {tally.lastBatchLabelUnits(liver), tally.lastBatchLabelUnits(tumour),
                    tally.lastBatchLabelUnits(rest)});
            return UncertaintyWatch.Reading.NONE;
        };
        LocalDepositionDriver kernel = new LocalDepositionDriver(
                EmissionTable.of(NuclideCatalog.get("Lu-177")).newSampler(), source.sampler(), 3);
        new TransportRun(kernel, tally, 2).execute(new StopRule.DecayCount(20_000), check, ProgressListener.NONE);
        assertEquals(tally.batches(), batches.size());
        for (long[] b : batches) {
            assertTrue(b[1] > 0 && b[2] > 0, "both parts scored");
            assertEquals(b[1] + b[2], b[0], "fixed-point units add exactly");
        }
    }

    @Test
    void aLayeredMapOfDisjointStructuresGivesTheSameNumbersAsTheLabelImage() {
        LabelMap image = SyntheticProblem.labels();
        Map<Integer, String> names = image.names();
        short[] hot = image.volume().data().clone();
        short[] shell = image.volume().data().clone();
        for (int v = 0; v < hot.length; v++) {
            hot[v] = (short) (hot[v] == 1 ? 1 : 0);
            shell[v] = (short) (shell[v] == 2 ? 2 : 0);
        }
        LabelMap layered = LabelMap.ofLayers(List.of(new ShortVolume(G, hot), new ShortVolume(G, shell)),
                List.of(Map.of(1, names.get(1)), Map.of(2, names.get(2))));
        assertEquals(2, layered.layerCount());
        assertFalse(layered.overlaps());
        List<RegionDose> a = run(image, 3000).regions();
        List<RegionDose> b = run(layered, 3000).regions();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            RegionDose x = a.get(i), y = b.get(i);
            assertEquals(x.name(), y.name());
            assertEquals(x.voxels(), y.voxels());
            assertEquals(x.massG(), y.massG());
            assertEquals(x.meanGy(), y.meanGy());
            assertEquals(x.relativeUncertainty(), y.relativeUncertainty());
            assertEquals(x.medianVoxelRelativeUncertainty(), y.medianVoxelRelativeUncertainty());
            assertEquals(x.d2Gy(), y.d2Gy());
            assertEquals(x.d50Gy(), y.d50Gy());
            assertEquals(x.d98Gy(), y.d98Gy());
        }
    }

    @Test
    void aTargetUnionOfOverlappingStructuresIsRefusedAndOfDisjointOnesAccepted() {
        VoxelBatchTally tally = new VoxelBatchTally(G, liverAndTumour());
        doseengine.geometry.BadInputException e = assertThrows(doseengine.geometry.BadInputException.class,
                () -> new doseengine.tally.UncertaintyTarget(tally, "liver+tumour",
                        doseengine.tally.TargetStatistic.MEAN, 0.05));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertEquals("tumour+liver_rest", new doseengine.tally.UncertaintyTarget(tally, "tumour+liver_rest",
                doseengine.tally.TargetStatistic.VOXEL_MEDIAN, 0.05).region());
    }
}
