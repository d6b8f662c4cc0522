package doseengine.kernels.opencl;

/** A run does not fit the OpenCL device's memory ({@link DeviceMemoryEstimate#requireFits}); one-line message. */
public final class InsufficientDeviceMemoryException extends RuntimeException {
    InsufficientDeviceMemoryException(String message) {
        super(message);
    }
}
