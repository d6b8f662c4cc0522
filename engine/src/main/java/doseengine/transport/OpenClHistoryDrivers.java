package doseengine.transport;

import doseengine.kernels.opencl.InsufficientDeviceMemoryException;
import doseengine.kernels.opencl.KernelBuildException;
import doseengine.kernels.opencl.OpenClHistoryDriver;
import doseengine.kernels.opencl.OpenClUnavailableException;
import doseengine.kernels.source.DecaySource;
import doseengine.kernels.transport.VoxelGeometry;
import doseengine.physics.PhysicsTables;
import org.jocl.CLException;

/**
 * The OpenCL backend's history driver: the one place where {@link OpenClHistoryDriver} is wired in, and where the ways it
 * can fail on a machine (driver, compiler, memory, missing extension) become one line for the user.
 */
public final class OpenClHistoryDrivers {
    private OpenClHistoryDrivers() {}

    /** The OpenCL history driver cannot run this problem on this device; the message is one line naming the reason. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Coupled photon-electron transport on OpenCL device {@code device}; close the driver after the run.
     *
     * @throws Unusable when the device cannot run it
     */
    public static OpenClHistoryDriver monteCarlo(int device, PhysicsTables tables, VoxelGeometry geometry,
                                                   DecaySource source, long seed) {
        try {
            return OpenClHistoryDriver.open(device, TransportProblems.of(tables, geometry, source, seed));
        } catch (KernelBuildException e) {
            throw new Unusable("the transport kernels failed to build: " + firstLine(e.buildLog()), e);
        } catch (InsufficientDeviceMemoryException | OpenClUnavailableException e) {
            throw new Unusable(e.getMessage(), e);
        } catch (CLException e) {
            throw new Unusable("OpenCL driver error " + firstLine(e.getMessage()), e);
        } catch (UnsatisfiedLinkError e) {
            throw new Unusable("no OpenCL library could be loaded: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "(no message)";
        }
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
