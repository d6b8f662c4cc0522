package doseengine.phantoms;

import doseengine.geometry.BadInputException;
import doseengine.geometry.FloatVolume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic patient for testing a treatment study: the {@link TorsoPhantom} given known bi-exponential kinetics
 * per structure, one cycle of {@link #ADMINISTERED_MBQ} MBq imaged at {@link #TIME_POINTS_H}. The truth (each
 * structure's time-activity curve and its analytic time-integrated activity, TIA) is exact, so a study's fits
 * and doses can be judged against it.
 * Later cycles ({@link #cycle(int)}) repeat the kinetics with the lesions' uptake falling by
 * {@link #LESION_UPTAKE_PER_CYCLE} per cycle.
 *
 * <p>Kinetics: every labelled structure s follows {@code A_s(t) = A0_s (exp(-lw_s t) - exp(-lu_s t))} (MBq, t in
 * h after injection) with {@code lu_s = ln 2 / uptake half-time}, {@code lw_s = ln 2 / effective washout
 * half-life} and {@code lw_s >= lambda_phys}; its TIA from 0 to infinity is {@code A0_s (1/lw_s - 1/lu_s)}. The
 * half-times are illustrative of 177Lu-DOTATATE, not clinical data: the body, lungs and
 * spine (blood-pool-like) distribute within minutes and clear with an effective half-life of 12 h (renal
 * excretion), the kidneys take up in 2 h and wash out in 50-60 h, liver and spleen in 3 h and 90-100 h, the
 * tumours in 6-10 h and 100-120 h. Each of them is sampled at 4, 24, 96 and 168 h well enough that the kinetics
 * fitting's model choice finds its TIA within 1 % without noise.
 *
 * <p>Amplitudes: the torso's activity map is a map of relative time-integrated activity (see
 * {@link TorsoPhantom}); the amplitudes keep it so. Each structure's TIA is {@code k} times its activity in the
 * torso map, {@code A0_s = k A_s,torso / (1/lw_s - 1/lu_s)}, and {@code k} (h) is chosen so that the amplitudes
 * add up to the administered activity: the whole injection is taken up (the extrapolated activity at t = 0+ is
 * the administered activity), and the sum of the curves falls below physical decay as the body clears. The TIA
 * map is therefore the torso's activity map times {@code k}.
 *
 * <p>Images: at each time, the activity inside a structure has the torso's own pattern within it, scaled by
 * {@code A_s(t) / A_s,torso}; voxels outside every label (the partial-volume rim of the body in air) hold none.
 */
public final class TorsoStudy {
    /** The name {@code doseengine phantom} knows the synthetic patient by. */
    public static final String NAME = "torso_study";
    /** Administered activity of the one cycle (MBq): 7.4 GBq, the standard 177Lu-DOTATATE cycle. */
    public static final double ADMINISTERED_MBQ = TorsoPhantom.TOTAL_ACTIVITY_MBQ;
    /** Injection time (ISO local date-time); the time points are hours after it. */
    public static final String INJECTION = "2026-03-02T09:30:00";
    /** Days between two cycles' injections: 8 weeks, the 177Lu-DOTATATE schedule. */
    public static final int DAYS_BETWEEN_CYCLES = 56;
    /**
     * A lesion's uptake in each cycle relative to the one before: 0.8, a tumour responding to treatment. The
     * lesions' amplitudes in cycle c are cycle 1's times {@code 0.8^(c-1)}, their half-times unchanged; every other
     * structure repeats cycle 1. The activity the lesions no longer take up is not given to any other structure
     * (it is at most 1.2 % of the injection).
     */
    public static final double LESION_UPTAKE_PER_CYCLE = 0.8;
    /** The single imaging time (h) of a cycle imaged once: 4 days, as for Hänscheid's method. */
    public static final double SINGLE_TIME_POINT_H = 96;
    /** Imaging times (h after injection): the usual 177Lu protocol. */
    public static final List<Double> TIME_POINTS_H = List.of(4.0, 24.0, 96.0, 168.0);

    /**
     * Per structure of the torso: uptake half-time (h) and effective washout half-life (h). Illustrative values
     * typical of published 177Lu-DOTATATE kinetics, not one patient's.
     */
    private static final Map<String, double[]> HALF_TIMES_H = halfTimes();

    /**
     * One structure's known kinetics.
     *
     * @param structure        label name in the torso
     * @param label            label value
     * @param uptakeHalfTimeH  uptake half-time (h), {@code ln 2 / lu}
     * @param washoutHalfLifeH effective washout half-life (h), {@code ln 2 / lw}; at most the physical half-life
     * @param a0MBq            amplitude A0 (MBq)
     * @param torsoActivityMBq the structure's activity in the torso's map (MBq), whose pattern the images keep
     */
    public record Kinetics(String structure, int label, double uptakeHalfTimeH, double washoutHalfLifeH,
            double a0MBq, double torsoActivityMBq) {
        /** lu (per h). */
        public double uptakeRatePerH() {
            return Math.log(2) / uptakeHalfTimeH;
        }

        /** lw (per h). */
        public double washoutRatePerH() {
            return Math.log(2) / washoutHalfLifeH;
        }

        /** A(t) (MBq) at {@code hours} after injection. */
        public double activityMBq(double hours) {
            return a0MBq * (Math.exp(-washoutRatePerH() * hours) - Math.exp(-uptakeRatePerH() * hours));
        }

        /** The analytic TIA from 0 to infinity (MBq h): {@code A0 (1/lw - 1/lu)}. */
        public double tiaMBqH() {
            return a0MBq * (1 / washoutRatePerH() - 1 / uptakeRatePerH());
        }

        /** The factor from the torso's map to this structure's voxels at {@code hours}; 0 for an empty one. */
        double scaleAt(double hours) {
            return torsoActivityMBq > 0 ? activityMBq(hours) / torsoActivityMBq : 0;
        }
    }

    private final Phantom torso;
    private final double physicalHalfLifeH;
    private final List<Kinetics> kinetics;
    private final double tiaHoursPerTorsoMBq;
    private final int cycle;

    private TorsoStudy(Phantom torso, double physicalHalfLifeH, List<Kinetics> kinetics, double k, int cycle) {
        this.torso = torso;
        this.physicalHalfLifeH = physicalHalfLifeH;
        this.kinetics = List.copyOf(kinetics);
        this.tiaHoursPerTorsoMBq = k;
        this.cycle = cycle;
    }

    /**
     * The synthetic patient on the torso rendered at {@code voxelMm}, for a nuclide of physical half-life
     * {@code physicalHalfLifeH} hours (177Lu: 159.5 h).
     *
     * @throws BadInputException when the voxel size is not a positive finite number, or a washout half-life
     *     exceeds the physical half-life (clearance slower than decay)
     */
    public static TorsoStudy create(double voxelMm, double physicalHalfLifeH) {
        PhantomGrid.requireVoxelSize(NAME, voxelMm);
        if (!(physicalHalfLifeH > 0) || !Double.isFinite(physicalHalfLifeH)) {
            throw new BadInputException("physical half-life must be a positive finite number of h, got "
                    + physicalHalfLifeH);
        }
        Phantom torso = TorsoPhantom.create(voxelMm);
        double[] perLabel = activityPerLabel(torso);
        // k = administered / sum_s A_s,torso / (1/lw - 1/lu): the amplitudes then add up to the administered.
        double amplitudePerK = 0;
        for (Structure s : torso.structures()) {
            double[] h = halfTimesOf(s.name(), physicalHalfLifeH);
            amplitudePerK += perLabel[s.label()] / integralPerAmplitude(h);
        }
        double k = ADMINISTERED_MBQ / amplitudePerK;
        List<Kinetics> list = new ArrayList<>();
        for (Structure s : torso.structures()) {
            double[] h = halfTimesOf(s.name(), physicalHalfLifeH);
            double a0 = k * perLabel[s.label()] / integralPerAmplitude(h);
            list.add(new Kinetics(s.name(), s.label(), h[0], h[1], a0, perLabel[s.label()]));
        }
        return new TorsoStudy(torso, physicalHalfLifeH, list, k, 1);
    }

    /**
     * The same patient in cycle {@code number} (1 = this one's kinetics): lesions' amplitudes times
     * {@code LESION_UPTAKE_PER_CYCLE^(number-1)}, everything else unchanged.
     */
    public TorsoStudy cycle(int number) {
        if (number < 1) {
            throw new BadInputException("cycle number must be at least 1, got " + number);
        }
        double lesionFactor = Math.pow(LESION_UPTAKE_PER_CYCLE, number - this.cycle);
        List<Kinetics> list = new ArrayList<>();
        for (Kinetics k : kinetics) {
            double f = isLesion(k.structure()) ? lesionFactor : 1;
            list.add(new Kinetics(k.structure(), k.label(), k.uptakeHalfTimeH(), k.washoutHalfLifeH(), f * k.a0MBq(),
                    k.torsoActivityMBq()));
        }
        return new TorsoStudy(torso, physicalHalfLifeH, list, tiaHoursPerTorsoMBq, number);
    }

    /** The cycle these kinetics belong to (1 for {@link #create}). */
    public int cycleNumber() {
        return cycle;
    }

    /** The factor on a lesion's cycle-1 amplitude in this cycle. */
    public double lesionUptakeFactor() {
        return Math.pow(LESION_UPTAKE_PER_CYCLE, cycle - 1);
    }

    /** True for the torso's lesions (tumour_1 ..), whose uptake falls from cycle to cycle. */
    public static boolean isLesion(String structure) {
        return structure.startsWith("tumour");
    }

    /** The torso the study is built on (its CT and labels are the study's). */
    public Phantom torso() {
        return torso;
    }

    /** The physical half-life (h) the kinetics were checked against. */
    public double physicalHalfLifeH() {
        return physicalHalfLifeH;
    }

    /** Every structure's kinetics, in label order. */
    public List<Kinetics> kinetics() {
        return kinetics;
    }

    /** The kinetics of {@code structure}. */
    public Kinetics kinetics(String structure) {
        for (Kinetics k : kinetics) {
            if (k.structure().equals(structure)) {
                return k;
            }
        }
        throw new BadInputException("the torso study has no structure '" + structure + "'");
    }

    /** {@code k} (h): every structure's TIA over its activity in the torso's map (in cycle 1; lesions fall later). */
    public double tiaHoursPerTorsoMBq() {
        return tiaHoursPerTorsoMBq;
    }

    /** The activity image (MBq per voxel) at {@code hours} after injection. */
    public FloatVolume activityMBq(double hours) {
        double[] scale = new double[Short.MAX_VALUE + 1];
        for (Kinetics k : kinetics) {
            scale[k.label()] = k.scaleAt(hours);
        }
        return scaled(scale);
    }

    /** The exact TIA map (MBq h per voxel), from injection to infinity. */
    public FloatVolume tiaMBqH() {
        double[] scale = new double[Short.MAX_VALUE + 1];
        for (Kinetics k : kinetics) {
            scale[k.label()] = k.torsoActivityMBq() > 0 ? k.tiaMBqH() / k.torsoActivityMBq() : 0;
        }
        return scaled(scale);
    }

    private FloatVolume scaled(double[] scalePerLabel) {
        short[] lab = torso.labels().volume().data();
        float[] src = torso.activityMBq().data();
        float[] out = new float[src.length];
        for (int v = 0; v < out.length; v++) {
            out[v] = (float) (src[v] * scalePerLabel[lab[v]]);
        }
        return new FloatVolume(torso.grid(), out);
    }

    private static double[] activityPerLabel(Phantom p) {
        double[] sum = new double[Short.MAX_VALUE + 1];
        short[] lab = p.labels().volume().data();
        float[] act = p.activityMBq().data();
        for (int v = 0; v < lab.length; v++) {
            sum[lab[v]] += act[v];
        }
        return sum;
    }

    /** {@code 1/lw - 1/lu} (h) from half-times {uptake, washout}. */
    private static double integralPerAmplitude(double[] halfTimes) {
        return (halfTimes[1] - halfTimes[0]) / Math.log(2);
    }

    private static double[] halfTimesOf(String structure, double physicalHalfLifeH) {
        double[] h = HALF_TIMES_H.get(structure);
        if (h == null) {
            throw new IllegalStateException("no kinetics for the torso's structure " + structure);
        }
        if (h[1] > physicalHalfLifeH) {
            throw new BadInputException("the " + structure + "'s washout half-life of " + h[1]
                    + " h is longer than the physical half-life of " + physicalHalfLifeH + " h");
        }
        return h;
    }

    private static Map<String, double[]> halfTimes() {
        Map<String, double[]> m = new LinkedHashMap<>();
        double[] bloodPool = {0.05, 12};
        m.put("body", bloodPool);
        m.put("lung_left", bloodPool);
        m.put("lung_right", bloodPool);
        m.put("liver", new double[] {3, 100});
        m.put("spleen", new double[] {3, 90});
        m.put("kidney_left_cortex", new double[] {2, 60});
        m.put("kidney_left_medulla", new double[] {2, 50});
        m.put("kidney_right_cortex", new double[] {2, 60});
        m.put("kidney_right_medulla", new double[] {2, 50});
        m.put("spine_cortical", bloodPool);
        m.put("spine_spongiosa", bloodPool);
        m.put("tumour_1", new double[] {10, 120});
        m.put("tumour_2", new double[] {8, 110});
        m.put("tumour_3", new double[] {6, 100});
        return Collections.unmodifiableMap(m);
    }
}
