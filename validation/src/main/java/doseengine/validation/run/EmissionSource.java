package doseengine.validation.run;

import doseengine.geometry.BadInputException;
import doseengine.kernels.EmissionArrays;
import doseengine.kernels.ParticleType;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.NuclideCatalog;
import doseengine.physics.decay.RadiationType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one decay of a benchmark source emits: the chosen radiation kinds of a nuclide (ICRP 107), or one electron
 * of a fixed kinetic energy. Both end as the flat {@link EmissionArrays} the transport samples.
 */
public sealed interface EmissionSource {
    /** Highest kinetic energy (MeV) of a monoenergetic electron source: the engine's tables reach 3 MeV. */
    double MAX_ELECTRON_MEV = 3.0;
    /** Lowest kinetic energy (MeV): the engine's electron physics starts at 1 keV. */
    double MIN_ELECTRON_MEV = 0.001;

    /** The engine's emission table of this source, which the transport's physics tables carry. */
    EmissionTable table();

    /** The arrays the kernels sample. */
    default EmissionArrays emissionArrays() {
        return table().arrays();
    }

    /** Mean energy (MeV) emitted per decay as the given particle ({@link ParticleType}). */
    double emittedEnergyPerDecayMeV(int particleType);

    /** Mean energy (MeV) emitted per decay, all particles. */
    default double emittedEnergyPerDecayMeV() {
        return emittedEnergyPerDecayMeV(ParticleType.ELECTRON) + emittedEnergyPerDecayMeV(ParticleType.PHOTON);
    }

    /** How the command line names it: {@code Lu-177} or {@code e-:0.1}. */
    String key();

    /** For reports: {@code Lu-177 (electrons: beta, ic, auger)} or {@code e- 0.1 MeV}. */
    String title();

    /** For file names: letters, digits, '-', '_' and '.' only. */
    default String fileStem() {
        return key().replace(":", "_").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The emissions as discrete energies with their number per decay, the beta spectrum cut into its sampling
     * intervals (each at its mean energy): what the X90 estimate of a dose point kernel integrates over.
     */
    List<Component> components();

    /** One energy of the source and how many particles of it one decay emits on average. */
    record Component(int particleType, double energyMeV, double perDecay) {
    }

    /**
     * Parses the {@code --source} of {@code validate dpk}: a nuclide ({@code Lu-177}, {@code 177Lu}, ...) or
     * {@code e-:E} with E the kinetic energy in MeV.
     *
     * @param kinds the radiation kinds of a nuclide to emit; ignored for an electron
     */
    static EmissionSource parse(String text, Set<RadiationType> kinds) {
        String t = text == null ? "" : text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("e-:")) {
            String e = t.substring(3).strip();
            double mev;
            try {
                mev = Double.parseDouble(e);
            } catch (NumberFormatException ex) {
                throw new BadInputException("source '" + text + "': '" + e + "' is not an electron energy in MeV "
                        + "(write e.g. e-:0.1 for 100 keV)");
            }
            return new MonoenergeticElectron(mev);
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("e-")) {
            throw new BadInputException("source '" + text + "': write a monoenergetic electron as e-:MeV, e.g. e-:0.1");
        }
        NuclideEmissions n;
        try {
            n = new NuclideEmissions(NuclideCatalog.get(t), kinds);
        } catch (BadInputException ex) {
            throw new BadInputException("source '" + text + "' is neither a known nuclide ("
                    + String.join(", ", NuclideCatalog.names()) + ") nor e-:MeV");
        }
        if (!(n.emittedEnergyPerDecayMeV() > 0)) {
            throw new BadInputException(n.nuclide().name() + " emits nothing of the kinds asked for ("
                    + String.join(", ", kinds.stream().map(RadiationType::key).toList()) + ")");
        }
        return n;
    }

    /** The chosen radiation kinds of a nuclide. */
    record NuclideEmissions(Nuclide nuclide, Set<RadiationType> kinds) implements EmissionSource {
        public NuclideEmissions {
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException("a nuclide source needs at least one radiation kind");
            }
            kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        }

        /** Every kind the nuclide emits. */
        public static NuclideEmissions all(Nuclide nuclide) {
            return new NuclideEmissions(nuclide, EnumSet.allOf(RadiationType.class));
        }

        /** The electron or the photon kinds only. */
        public NuclideEmissions only(int particleType) {
            EnumSet<RadiationType> k = EnumSet.noneOf(RadiationType.class);
            kinds.stream().filter(r -> r.particleType() == particleType).forEach(k::add);
            return new NuclideEmissions(nuclide, k);
        }

        @Override
        public EmissionTable table() {
            return EmissionTable.of(nuclide, kinds);
        }

        @Override
        public double emittedEnergyPerDecayMeV(int particleType) {
            return kinds.stream().anyMatch(k -> k.particleType() == particleType)
                    ? table().expectedEnergyPerDecayMeV(particleType) : 0.0;
        }

        @Override
        public String key() {
            return nuclide.name();
        }

        @Override
        public String title() {
            if (kinds.size() == RadiationType.values().length) {
                return nuclide.name() + " (all emissions)";
            }
            return nuclide.name() + " (" + String.join(", ", kinds.stream().map(RadiationType::key).toList()) + ")";
        }

        @Override
        public List<Component> components() {
            EmissionArrays a = emissionArrays();
            List<Component> out = new ArrayList<>();
            float[] e = a.betaEnergyMeV();
            float[] cdf = a.betaCdf();
            float[] f = a.betaDensity();
            for (int k = 0; k + 1 < e.length; k++) {
                double p = (double) cdf[k + 1] - cdf[k];
                if (p > 0) {
                    double h = (double) e[k + 1] - e[k];
                    // Mean of a linear density from f0 to f1 over the interval (EmissionTable.expectedBetaEnergyMeV).
                    double mean = e[k] + h * ((double) f[k] + 2.0 * f[k + 1]) / (3.0 * ((double) f[k] + f[k + 1]));
                    out.add(new Component(ParticleType.ELECTRON, mean, p));
                }
            }
            for (int i = 0; i < a.fixedType().length; i++) {
                out.add(new Component(a.fixedType()[i], a.fixedEnergyMeV()[i], 1.0));
            }
            for (int i = 0; i < a.chanceType().length; i++) {
                out.add(new Component(a.chanceType()[i], a.chanceEnergyMeV()[i], a.chanceProbability()[i]));
            }
            return out;
        }
    }

    /** One electron of kinetic energy {@code energyMeV} per decay. */
    record MonoenergeticElectron(double energyMeV) implements EmissionSource {
        public MonoenergeticElectron {
            if (!(energyMeV >= MIN_ELECTRON_MEV && energyMeV <= MAX_ELECTRON_MEV)) {
                throw new BadInputException(String.format(Locale.ROOT,
                        "electron energy %s MeV must be between %s and %s MeV (the range of the engine's physics)",
                        energyMeV, MIN_ELECTRON_MEV, MAX_ELECTRON_MEV));
            }
        }

        /** One fixed electron line of this energy, no beta ({@link EmissionTable#monoenergetic}). */
        @Override
        public EmissionTable table() {
            return EmissionTable.monoenergetic(ParticleType.ELECTRON, energyMeV);
        }

        @Override
        public double emittedEnergyPerDecayMeV(int particleType) {
            return particleType == ParticleType.ELECTRON ? (float) energyMeV : 0.0;
        }

        @Override
        public String key() {
            return "e-:" + plain(energyMeV);
        }

        @Override
        public String title() {
            return "e- " + plain(energyMeV) + " MeV";
        }

        @Override
        public List<Component> components() {
            return List.of(new Component(ParticleType.ELECTRON, energyMeV, 1.0));
        }

        private static String plain(double v) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
    }
}
