package doseengine.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The CT calibration options (HU to density, HU to material) of every command that reads a CT, as one picocli mixin,
 * with how a report names them.
 */
public final class CalibrationOptions {
    @Option(names = "--calibration", paramLabel = "CSV",
            description = "HU to density table (columns HU,density_g_cm3) replacing Schneider et al. 2000.")
    Path density;

    @Option(names = "--material-calibration", paramLabel = "CSV",
            description = "HU to material table (columns hu_lower,hu_upper,material) replacing the collapsed "
                    + "Schneider 2000 bins.")
    Path material;

    /** The density table given, or null for the default. */
    public Path density() {
        return density;
    }

    /** The material table given, or null for the default. */
    public Path material() {
        return material;
    }

    /** Adds "HU to density" and "HU to material" to a report's inputs. */
    public void describe(Map<String, String> inputs) {
        inputs.put("HU to density", density == null ? "Schneider et al. 2000 (default)" : density.toString());
        inputs.put("HU to material", material == null ? "Schneider et al. 2000, collapsed (default)"
                : material.toString());
    }
}
