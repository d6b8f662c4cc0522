package doseengine.kernels;

public interface UniformSource { float nextFloat(); }
