package doseengine.physics.decay;

import doseengine.kernels.ParticleType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decay data of one radionuclide from ICRP Publication 107: half-life, beta-minus spectrum and branches,
 * and the discrete gamma, X-ray, internal-conversion and Auger lines. Immutable.
 *
 * <p>Energy per decay is given two ways for the beta part. {@link #energyPerDecayMeV(RadiationType)} with
 * {@code BETA} is ICRP's number: the sum over branches of mean energy times yield (ICRP-07.RAD), the value the
 * ICRP and MIRD tables quote. The sampler instead draws from the tabulated spectrum (ICRP-07.BET), whose mean
 * {@link BetaSpectrum#meanEnergyMeV()} differs from ICRP's by a few parts in 10^4 (the spectrum's coarse grid);
 * {@link EmissionTable#expectedEnergyPerDecayMeV(int)} gives what the sampler reproduces.
 */
public final class Nuclide {
    private final String name;
    private final double halfLifeValue;
    private final String halfLifeUnit;
    private final double halfLifeSeconds;
    private final BetaSpectrum betaSpectrum;
    private final List<BetaBranch> betaBranches;
    private final Map<RadiationType, List<DiscreteLine>> lines;

    /**
     * @param lines discrete lines of kinds other than {@code BETA}; kept sorted by energy within each kind
     */
    public Nuclide(String name, double halfLifeValue, String halfLifeUnit, double halfLifeSeconds,
            BetaSpectrum betaSpectrum, List<BetaBranch> betaBranches, List<DiscreteLine> lines) {
        this.name = name;
        this.halfLifeValue = halfLifeValue;
        this.halfLifeUnit = halfLifeUnit;
        this.halfLifeSeconds = halfLifeSeconds;
        this.betaSpectrum = betaSpectrum;
        this.betaBranches = List.copyOf(betaBranches);
        Map<RadiationType, List<DiscreteLine>> byType = new EnumMap<>(RadiationType.class);
        for (RadiationType t : RadiationType.values()) {
            if (t != RadiationType.BETA) {
                byType.put(t, new ArrayList<>());
            }
        }
        for (DiscreteLine line : lines) {
            byType.get(line.type()).add(line);
        }
        byType.replaceAll((t, list) -> {
            list.sort(Comparator.comparingDouble(DiscreteLine::energyMeV));
            return List.copyOf(list);
        });
        this.lines = Collections.unmodifiableMap(byType);
    }

    /** Canonical name, e.g. {@code Lu-177}. */
    public String name() {
        return name;
    }

    public double halfLifeSeconds() {
        return halfLifeSeconds;
    }

    /** Half-life in the unit ICRP tabulates it ({@link #halfLifeUnit()}). */
    public double halfLifeValue() {
        return halfLifeValue;
    }

    /** ICRP's unit symbol: {@code d}, {@code h}, ... */
    public String halfLifeUnit() {
        return halfLifeUnit;
    }

    /** The beta-minus spectrum; {@code null} for a nuclide without beta-minus decay. */
    public BetaSpectrum betaSpectrum() {
        return betaSpectrum;
    }

    public List<BetaBranch> betaBranches() {
        return betaBranches;
    }

    /** Betas per decay: the sum of the branch intensities (1 for Lu-177, Y-90 and I-131). */
    public double betaYield() {
        return betaBranches.stream().mapToDouble(BetaBranch::yieldPerDecay).sum();
    }

    /** The lines of one kind (not {@code BETA}), sorted by energy. */
    public List<DiscreteLine> lines(RadiationType type) {
        if (type == RadiationType.BETA) {
            throw new IllegalArgumentException("beta particles form a spectrum, not lines");
        }
        return lines.get(type);
    }

    /** Every discrete line, kind by kind. */
    public List<DiscreteLine> allLines() {
        List<DiscreteLine> all = new ArrayList<>();
        lines.values().forEach(all::addAll);
        return all;
    }

    /** ICRP's energy per decay (MeV) of one kind; for {@code BETA} the sum of branch mean energy times yield. */
    public double energyPerDecayMeV(RadiationType type) {
        if (type == RadiationType.BETA) {
            return betaBranches.stream().mapToDouble(b -> b.meanEnergyMeV() * b.yieldPerDecay()).sum();
        }
        return lines.get(type).stream().mapToDouble(DiscreteLine::energyPerDecayMeV).sum();
    }

    /** ICRP's energy per decay (MeV) of all kinds that are the given particle ({@link ParticleType}). */
    public double energyPerDecayMeV(int particleType) {
        double sum = 0;
        for (RadiationType t : RadiationType.values()) {
            if (t.particleType() == particleType) {
                sum += energyPerDecayMeV(t);
            }
        }
        return sum;
    }

    /** Betas, conversion and Auger electrons: ICRP's electron energy per decay (MeV). */
    public double electronEnergyPerDecayMeV() {
        return energyPerDecayMeV(ParticleType.ELECTRON);
    }

    /** Gamma and X-rays: ICRP's photon energy per decay (MeV). */
    public double photonEnergyPerDecayMeV() {
        return energyPerDecayMeV(ParticleType.PHOTON);
    }

    public double totalEnergyPerDecayMeV() {
        return electronEnergyPerDecayMeV() + photonEnergyPerDecayMeV();
    }

    @Override
    public String toString() {
        return name + " (T1/2 = " + halfLifeValue + " " + halfLifeUnit + ")";
    }
}
