package doseengine.transport;

import doseengine.geometry.BadInputException;
import doseengine.kernels.opencl.OpenClDeviceInfo;
import doseengine.kernels.opencl.OpenClDiscovery;
import doseengine.kernels.opencl.OpenClHistoryDriver;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.transport.HistoryDriver;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns {@code --backend auto|opencl|java} and {@code --device N} into the backend a run uses, in two steps.
 *
 * <p>{@link #resolve} decides from what OpenCL discovery reports, before any input is read: {@code java} is Java;
 * {@code auto} takes a GPU if there is one, else an OpenCL CPU device (PoCL), else Java, and its note says which
 * and why; {@code opencl} takes the device asked for (or the one {@code auto} would take) and refuses with a
 * one-line error when there is none. A device without {@value OpenClHistoryDriver#INT64_ATOMICS} (the tally's
 * 64-bit atomics) does not qualify.
 *
 * <p>{@link Resolved#open} then makes the run's history driver. What only shows then (the kernels failing to build on the
 * device, the problem not fitting its memory, the driver failing) makes {@code auto} fall back to Java with a
 * one-line warning naming the reason, and {@code opencl} stop with a one-line error (a {@link BadInputException},
 * non-zero exit).
 */
public final class BackendChoice {
    /** What the user asked for. */
    public enum Requested {
        AUTO, OPENCL, JAVA;

        public static Requested parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--backend must be auto, opencl or java, got '" + s + "'");
            }
        }
    }

    /**
     * The backend of a run.
     *
     * @param name           "java" or "opencl", written to organs.json as {@code backend}
     * @param device         what runs the transport, for the report (e.g. "Java, 8 threads")
     * @param note           why auto chose this backend, or what was ignored; null when there is nothing to say
     * @param openClDevice   the OpenCL device index ({@link OpenClDiscovery} numbering); -1 for Java
     * @param openClRequired OpenCL was asked for explicitly: failing to use it is an error, not a fallback
     */
    public record Resolved(String name, String device, String note, int openClDevice, boolean openClRequired) {
        public static final String JAVA = "java";
        public static final String OPENCL = "opencl";

        /** The Java backend. */
        public static Resolved java(int threads, String note) {
            return new Resolved(JAVA, javaDevice(threads), note, -1, false);
        }

        public boolean isOpenCl() {
            return OPENCL.equals(name);
        }

        /**
         * Makes the history driver of one run. OpenCL serves the Monte Carlo method; local deposition, which has no device
         * twin, runs in Java. When the OpenCL driver cannot be made, {@code auto} falls back to Java, passing one
         * line to {@code warnings}, and the returned backend says so; {@code opencl} throws. An OpenCL device with
         * room for only one voxel tally (no double buffering) also passes its one line to {@code warnings}.
         *
         * @param threads  Java worker threads, for the fallback's description
         * @param warnings receives the one-line fallback or single-tally warning
         * @throws BadInputException when {@code --backend opencl} cannot run (one line: the reason)
         */
        public BackendHistoryDriver open(TransportMethod method, PhysicsTables tables, VoxelGeometry geometry,
                                  DecaySource source, long seed, int threads, Consumer<String> warnings) {
            return open(method, tables, geometry, source, seed, threads, warnings, OpenClHistoryDrivers::monteCarlo);
        }

        /** {@link #open} with the OpenCL driver made by {@code openCl} (tests make it fail). */
        BackendHistoryDriver open(TransportMethod method, PhysicsTables tables, VoxelGeometry geometry, DecaySource source,
                           long seed, int threads, Consumer<String> warnings, OpenClOpener openCl) {
            if (isOpenCl() && method == TransportMethod.MONTE_CARLO) {
                try {
                    HistoryDriver k = openCl.open(openClDevice, tables, geometry, source, seed);
                    if (k instanceof OpenClHistoryDriver ocl && ocl.singleTallyNote() != null) {
                        warnings.accept(ocl.singleTallyNote());
                    }
                    return new BackendHistoryDriver(k, this);
                } catch (OpenClHistoryDrivers.Unusable e) {
                    if (openClRequired) {
                        throw new BadInputException("--backend opencl: " + e.getMessage(), e);
                    }
                    warnings.accept("OpenCL backend unusable, running Java instead: " + e.getMessage());
                    Resolved fallback = java(threads, "backend auto: fell back to Java (" + e.getMessage() + ")");
                    return new BackendHistoryDriver(JavaHistoryDrivers.factory(method).create(tables, geometry, source, seed),
                            fallback);
                }
            }
            Resolved used = isOpenCl() ? java(threads, (note == null ? "" : note + "; ") + "method "
                    + method.key() + " runs on the Java backend (it has no OpenCL kernel)") : this;
            return new BackendHistoryDriver(JavaHistoryDrivers.factory(method).create(tables, geometry, source, seed), used);
        }
    }

    /** Makes the OpenCL history driver of a run; throws {@link OpenClHistoryDrivers.Unusable} when the device cannot run it. */
    @FunctionalInterface
    interface OpenClOpener {
        HistoryDriver open(int device, PhysicsTables tables, VoxelGeometry geometry, DecaySource source, long seed);
    }

    /** A run's history driver and the backend that really runs it (Java after a fallback). Closing it frees the device. */
    public record BackendHistoryDriver(HistoryDriver driver, Resolved backend) implements AutoCloseable {
        @Override
        public void close() {
            if (driver instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("closing the " + backend.name() + " history driver failed", e);
                }
            }
        }
    }

    private BackendChoice() {}

    /**
     * @param device    the OpenCL device index asked for, or null
     * @param threads   Java worker threads
     * @param discovery lists OpenCL devices (not asked for {@code java})
     * @throws BadInputException for {@code opencl} without a usable device, or a device index that does not exist
     */
    public static Resolved resolve(Requested requested, Integer device, int threads,
                                   Supplier<OpenClDiscovery.Result> discovery) {
        if (device != null && device < 0) {
            throw new BadInputException("--device must be an OpenCL device index >= 0 (see 'doseengine devices'), got "
                    + device);
        }
        if (requested == Requested.JAVA) {
            return Resolved.java(threads, device == null ? null
                    : "--device " + device + " ignored: it selects an OpenCL device and the Java backend runs");
        }
        boolean required = requested == Requested.OPENCL;
        OpenClDiscovery.Result r = discovery.get();
        if (!r.available()) {
            return refuseOrFallBack(required, threads, "no OpenCL device: " + r.problem());
        }
        OpenClDeviceInfo chosen;
        if (device != null) {
            if (device >= r.devices().size()) {
                throw new BadInputException("--device " + device + ": no such OpenCL device (found "
                        + r.devices().size() + "; see 'doseengine devices')");
            }
            chosen = r.devices().get(device);
            if (!chosen.int64Atomics()) {
                return refuseOrFallBack(required, threads, describe(chosen) + " lacks "
                        + OpenClHistoryDriver.INT64_ATOMICS);
            }
        } else {
            List<OpenClDeviceInfo> candidates = candidates(r.devices(), required);
            if (candidates.isEmpty()) {
                return refuseOrFallBack(required, threads, required ? "no OpenCL GPU or CPU device"
                        : noGpuReason(r.devices()));
            }
            chosen = candidates.stream().filter(OpenClDeviceInfo::int64Atomics).findFirst().orElse(null);
            if (chosen == null) {
                return refuseOrFallBack(required, threads, describe(candidates.get(0)) + " lacks "
                        + OpenClHistoryDriver.INT64_ATOMICS);
            }
        }
        String note = required ? null : "backend auto: using OpenCL on " + describe(chosen);
        return new Resolved(Resolved.OPENCL, chosen.deviceName() + " (OpenCL " + chosen.deviceType().toLowerCase(
                Locale.ROOT) + ", device " + chosen.index() + ")", note, chosen.index(), required);
    }

    /**
     * The devices a run may take, in order. {@code auto} takes only GPUs: an OpenCL CPU device (PoCL) runs the same
     * transport slower than the Java backend on the same cores (docs/benchmarks.md), so auto is Java there. With
     * {@code opencl} asked for: GPUs, then CPU devices, then any other kind, each in discovery order.
     */
    private static List<OpenClDeviceInfo> candidates(List<OpenClDeviceInfo> devices, boolean required) {
        List<OpenClDeviceInfo> out = new ArrayList<>();
        devices.stream().filter(OpenClDeviceInfo::isGpu).forEach(out::add);
        if (required) {
            devices.stream().filter(d -> "CPU".equals(d.deviceType())).forEach(out::add);
            devices.stream().filter(d -> !out.contains(d)).forEach(out::add);
        }
        return out;
    }

    /** Why auto runs Java when OpenCL has devices but no GPU among them. */
    private static String noGpuReason(List<OpenClDeviceInfo> devices) {
        List<String> names = new ArrayList<>();
        devices.forEach(d -> names.add(describe(d)));
        return "no OpenCL GPU; " + String.join(", ", names) + " is slower than the Java backend on the same cores, "
                + "--backend opencl takes it";
    }

    private static Resolved refuseOrFallBack(boolean required, int threads, String reason) {
        if (required) {
            throw new BadInputException("--backend opencl: " + reason + "; use --backend java or auto");
        }
        return Resolved.java(threads, "backend auto: using Java (" + reason + ")");
    }

    private static String describe(OpenClDeviceInfo d) {
        return "device " + d.index() + " " + d.deviceName() + " (" + d.deviceType() + ")";
    }

    private static String javaDevice(int threads) {
        return "Java, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
