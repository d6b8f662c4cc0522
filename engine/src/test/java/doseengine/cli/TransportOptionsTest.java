package doseengine.cli;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import doseengine.kernels.TransportParameters;
import doseengine.transport.BackendChoice;
import doseengine.transport.RunSettings;
import doseengine.transport.StopRule;
import doseengine.transport.TransportMethod;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shared transport mixin on its own: defaults, spellings, and one line naming the option for a bad value. */
class TransportOptionsTest {
    private static TransportOptions parse(String... args) {
        TransportOptions o = new TransportOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void defaultsLeaveTheCutoffsAbsentAndGiveTheEngineDefaults() {
        TransportOptions o = parse();
        assertEquals(BackendChoice.Requested.AUTO, o.backend());
        assertEquals(OptionalInt.empty(), o.device());
        assertEquals(OptionalInt.empty(), o.threads());
        assertEquals(RunSettings.DEFAULT_SEED, o.seed());
        assertEquals(OptionalDouble.empty(), o.electronCutoffKeV());
        assertEquals(OptionalDouble.empty(), o.photonCutoffKeV());
        RunSettings s = o.settings(new StopRule.DecayCount(10), TransportMethod.MONTE_CARLO);
        assertEquals(TransportParameters.defaults(), s.parameters());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.threads());
    }

    @Test
    void valuesAreReadWithTheCountSpellingsAndTheCutoffsBecomeMeVFloats() {
        TransportOptions o = parse("--backend", "java", "--threads", "2", "--seed", "1e3", "--device", "0",
                "--electron-cutoff-kev", "5", "--photon-cutoff-kev", "2.5");
        assertEquals(BackendChoice.Requested.JAVA, o.backend());
        assertEquals(OptionalInt.of(2), o.threads());
        assertEquals(OptionalInt.of(0), o.device());
        assertEquals(1000, o.seed());
        assertEquals(OptionalDouble.of(5), o.electronCutoffKeV());
        RunSettings s = o.settings(new StopRule.DecayCount(10), TransportMethod.LOCAL_DEPOSITION);
        assertEquals(TransportMethod.LOCAL_DEPOSITION, s.method());
        assertEquals(1000, s.seed());
        assertEquals(2, s.threads());
        assertEquals((float) (5 / 1000.0), s.parameters().electronCutoffMeV());
        assertEquals((float) (2.5 / 1000.0), s.parameters().photonCutoffMeV());
        assertEquals(TransportParameters.defaults().withElectronCutoffAndThresholdsMeV((float) (5 / 1000.0))
                .withPhotonCutoffMeV((float) (2.5 / 1000.0)), s.parameters());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--threads|0|--threads must be a positive number of threads, got 0",
        "--threads|1.5|--threads '1.5' is not a whole number",
        "--device|-1|--device must be an OpenCL device index >= 0 (see 'doseengine devices'), got -1",
        "--seed|x|--seed 'x' is not a whole number",
        "--backend|cuda|--backend must be auto, opencl or java, got 'cuda'",
        "--electron-cutoff-kev|0.5|--electron-cutoff-kev must be between 1 and 100 keV, got 0.5",
        "--photon-cutoff-kev|250|--photon-cutoff-kev must be between 1 and 100 keV, got 250.0",
        "--photon-cutoff-kev|NaN|--photon-cutoff-kev 'NaN' is not a finite number",
    })
    void aBadValueIsOneLineNamingTheOption(String option, String value, String message) {
        TransportOptions o = parse(option, value);
        BadInputException e = assertThrows(BadInputException.class,
                () -> o.settings(new StopRule.DecayCount(10), TransportMethod.MONTE_CARLO));
        assertEquals(message, e.getMessage());
    }

    @Test
    void methodOptionDefaultsToMonteCarloAndRefusesAnUnknownOne() {
        MethodOption m = new MethodOption();
        new CommandLine(m).parseArgs();
        assertEquals(TransportMethod.MONTE_CARLO, m.method());
        new CommandLine(m).parseArgs("--method", "led");
        assertEquals(TransportMethod.LOCAL_DEPOSITION, m.method());
        new CommandLine(m).parseArgs("--method", "fast");
        assertThrows(BadInputException.class, m::method);
    }
}
