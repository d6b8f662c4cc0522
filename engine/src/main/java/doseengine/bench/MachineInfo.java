package doseengine.bench;

import doseengine.transport.RunSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as the JVM and (on Linux) {@code /proc} describe it, and the backend it used.
 *
 * @param os              operating system name
 * @param osVersion       its version (the kernel release on Linux)
 * @param arch            CPU architecture as the JVM names it
 * @param cores           logical processors available to the JVM
 * @param cpuModel        the first {@code model name} of {@code /proc/cpuinfo}; "unknown" where there is none
 * @param javaVersion     {@code java.version}
 * @param javaVm          VM name and vendor
 * @param maxHeapMb       the JVM's maximum heap, MiB
 * @param loadAverage     one-minute system load average when the bench started; NaN where unavailable. On a
 *                        shared machine, a load near or above the core count means the figures are low.
 * @param backend         backend name ("java", later "opencl")
 * @param device          what ran the kernels ("Java, 2 threads", or the OpenCL device)
 * @param threads         Java worker threads
 */
public record MachineInfo(String os, String osVersion, String arch, int cores, String cpuModel, String javaVersion,
                          String javaVm, long maxHeapMb, double loadAverage, String backend, String device,
                          int threads) {

    public static MachineInfo detect(RunSettings s) {
        Runtime rt = Runtime.getRuntime();
        return new MachineInfo(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), rt.availableProcessors(),
                cpuModel(Path.of("/proc/cpuinfo")).orElse("unknown"), System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                rt.maxMemory() >> 20, currentLoadAverage(), s.backend().name(), s.backend().device(), s.threads());
    }

    /** The one-minute load average, NaN where the system has none (the JVM then answers a negative number). */
    static double currentLoadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l >= 0 ? l : Double.NaN;
    }

    /** The first {@code model name} line of a cpuinfo file, if it has one (x86 has; many ARM kernels do not). */
    static Optional<String> cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("model name")) {
                    String v = line.substring(colon + 1).strip();
                    return v.isEmpty() ? Optional.empty() : Optional.of(v);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (macOS, Windows) or unreadable: the model is simply unknown.
        }
        return Optional.empty();
    }
}
