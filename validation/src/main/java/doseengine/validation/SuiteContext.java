package doseengine.validation;

import doseengine.validation.run.BenchmarkRunner;
import doseengine.validation.run.TransportSettings;
import java.util.Locale;

/**
 * What every benchmark run of one command shares: the runner, the transport settings and the program version
 * (for the report).
 */
public record SuiteContext(BenchmarkRunner runner, TransportSettings settings, String version) {
    /** The settings in one line, for the report's header. */
    public String settingsLine() {
        TransportSettings s = settings;
        return String.format(Locale.ROOT, "decays %d, seed %d, backend %s%s%s, electron cutoff %.3g keV, "
                + "photon cutoff %.3g keV", s.decays(), s.seed(), s.backend().key(),
                s.device().isPresent() ? ", device " + s.device().getAsInt() : "",
                s.threads().isPresent() ? ", threads " + s.threads().getAsInt() : "",
                s.electronCutoffKeV(), s.photonCutoffKeV());
    }
}
