package doseengine.validation.run;

import java.util.ServiceLoader;

/** Where the validation commands get their {@link BenchmarkRunner}. */
public final class BenchmarkRunners {
    private BenchmarkRunners() {
    }

    /**
     * The first runner registered in {@code META-INF/services/doseengine.validation.run.BenchmarkRunner}, or an
     * {@link UnavailableBenchmarkRunner} when none is.
     */
    public static BenchmarkRunner standard() {
        return ServiceLoader.load(BenchmarkRunner.class).findFirst().orElseGet(UnavailableBenchmarkRunner::new);
    }
}
