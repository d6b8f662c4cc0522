package doseengine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.kernels.ParticleType;
import doseengine.physics.decay.BetaSpectrum;
import doseengine.physics.decay.DiscreteLine;
import doseengine.physics.decay.EmissionTable;
import doseengine.physics.decay.Nuclide;
import doseengine.physics.decay.RadiationType;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The emission summary that {@code doseengine nuclide} prints, as text or JSON. Energies per decay are ICRP's
 * (the beta part from ICRP-07.RAD's branch means); the {@code sampled_*} figures are the exact expectation of
 * the emission table that the transport samples (its beta part from the tabulated spectrum).
 */
final class NuclideReport {
    static final int PHOTON_LINES_SHOWN = 8;
    static final int ELECTRON_LINES_SHOWN = 5;
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double SECONDS_PER_DAY = 86400.0;

    private final Nuclide nuclide;
    private final EmissionTable table;

    NuclideReport(Nuclide nuclide) {
        this.nuclide = nuclide;
        this.table = EmissionTable.of(nuclide);
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("nuclide", nuclide.name());
        root.put("data", "ICRP Publication 107");
        ObjectNode halfLife = root.putObject("half_life");
        halfLife.put("value", nuclide.halfLifeValue());
        halfLife.put("unit", nuclide.halfLifeUnit());
        root.put("half_life_s", nuclide.halfLifeSeconds());

        ObjectNode energy = root.putObject("energy_per_decay_MeV");
        ObjectNode yields = mapper.createObjectNode();
        for (RadiationType t : RadiationType.values()) {
            energy.put(t.key(), nuclide.energyPerDecayMeV(t));
            yields.put(t.key(), yieldPerDecay(t));
        }
        energy.put("electrons", nuclide.electronEnergyPerDecayMeV());
        energy.put("photons", nuclide.photonEnergyPerDecayMeV());
        energy.put("total", nuclide.totalEnergyPerDecayMeV());
        root.set("yield_per_decay", yields);

        ObjectNode sampled = root.putObject("sampled_energy_per_decay_MeV");
        double electrons = table.expectedEnergyPerDecayMeV(ParticleType.ELECTRON);
        double photons = table.expectedEnergyPerDecayMeV(ParticleType.PHOTON);
        sampled.put("electrons", electrons);
        sampled.put("photons", photons);
        sampled.put("total", electrons + photons);

        BetaSpectrum spectrum = nuclide.betaSpectrum();
        if (spectrum != null) {
            ObjectNode beta = root.putObject("beta_spectrum");
            beta.put("endpoint_MeV", spectrum.endpointMeV());
            beta.put("points", spectrum.points());
            beta.put("betas_per_decay", spectrum.integral());
            beta.put("mean_energy_MeV", spectrum.meanEnergyMeV());
            beta.put("icrp_mean_energy_MeV", nuclide.energyPerDecayMeV(RadiationType.BETA) / nuclide.betaYield());
        }

        ArrayNode lines = root.putArray("lines");
        for (DiscreteLine line : nuclide.allLines()) {
            ObjectNode l = lines.addObject();
            l.put("type", line.type().key());
            l.put("E_MeV", line.energyMeV());
            l.put("yield", line.yieldPerDecay());
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        StringBuilder s = new StringBuilder();
        double t = nuclide.halfLifeSeconds();
        s.append(nuclide.name()).append(" (ICRP Publication 107)\n");
        String other = nuclide.halfLifeUnit().equals("d")
                ? significant(t / SECONDS_PER_HOUR) + " h" : significant(t / SECONDS_PER_DAY) + " d";
        s.append(format("half-life  %s %s = %s s = %s%n", plain(nuclide.halfLifeValue()), nuclide.halfLifeUnit(),
                plain(t), other));
        s.append("energy per decay (MeV; beta: ICRP mean of the branches)\n");
        for (RadiationType type : RadiationType.values()) {
            s.append(format("  %-10s %-11.6g (%.5g per decay)%n", type.key(), nuclide.energyPerDecayMeV(type),
                    yieldPerDecay(type)));
        }
        s.append(format("  %-10s %.6g%n", "electrons", nuclide.electronEnergyPerDecayMeV()));
        s.append(format("  %-10s %.6g%n", "photons", nuclide.photonEnergyPerDecayMeV()));
        s.append(format("  %-10s %.6g%n", "total", nuclide.totalEnergyPerDecayMeV()));
        BetaSpectrum spectrum = nuclide.betaSpectrum();
        if (spectrum != null) {
            s.append(format("beta spectrum: endpoint %s MeV, %d points; mean beta energy %.6f MeV as sampled from "
                    + "the spectrum, %.6f MeV by ICRP's branch means%n", plain(spectrum.endpointMeV()),
                    spectrum.points(), spectrum.meanEnergyMeV(),
                    nuclide.energyPerDecayMeV(RadiationType.BETA) / nuclide.betaYield()));
        }
        s.append(format("sampled per decay (MeV): electrons %.6g, photons %.6g%n",
                table.expectedEnergyPerDecayMeV(ParticleType.ELECTRON),
                table.expectedEnergyPerDecayMeV(ParticleType.PHOTON)));
        appendLines(s, "photon", strongest(ParticleType.PHOTON, PHOTON_LINES_SHOWN));
        appendLines(s, "electron", strongest(ParticleType.ELECTRON, ELECTRON_LINES_SHOWN));
        return s.toString();
    }

    private double yieldPerDecay(RadiationType type) {
        if (type == RadiationType.BETA) {
            return nuclide.betaYield();
        }
        return nuclide.lines(type).stream().mapToDouble(DiscreteLine::yieldPerDecay).sum();
    }

    /** The lines of one particle carrying the most energy per decay, strongest first. */
    private List<DiscreteLine> strongest(int particleType, int count) {
        return nuclide.allLines().stream()
                .filter(l -> l.type().particleType() == particleType)
                .sorted(Comparator.comparingDouble(DiscreteLine::energyPerDecayMeV).reversed())
                .limit(count)
                .toList();
    }

    private static void appendLines(StringBuilder s, String particle, List<DiscreteLine> lines) {
        s.append("main ").append(particle).append(" lines (largest energy per decay): type, keV, per decay\n");
        for (DiscreteLine l : lines) {
            s.append(format("  %-6s %10.3f  %.4g%n", l.type().key(), l.energyMeV() * 1000, l.yieldPerDecay()));
        }
    }

    /** The shortest decimal that reads back as v, without exponent or trailing zeros. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Six significant digits, trailing zeros dropped. */
    private static String significant(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
