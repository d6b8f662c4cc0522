package doseengine.bench;

import doseengine.transport.DoseProblem;

/**
 * A benchmark problem built and ready to transport.
 *
 * @param spec         which problem
 * @param problem      what the transport runs
 * @param voxelMm      the (cubic) voxel size, mm
 * @param description  geometry, materials and source in one paragraph, for the report
 * @param buildSeconds time to render the phantom and assign materials (not part of the transport)
 */
public record BenchCase(BenchProblem spec, DoseProblem problem, double voxelMm, String description,
                        double buildSeconds) {}
