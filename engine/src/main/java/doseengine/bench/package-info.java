/**
 * The benchmark of {@code doseengine bench} (DESIGN.md 4): named, fixed problems, each transported for a fixed
 * number of decays (decays per second of the transport alone) or until a region reaches a target uncertainty
 * (time to target), with the machine they ran on; and two problems without transport: the fast methods' convolution
 * on a CT-sized grid, timed stage by stage ({@link doseengine.bench.ConvolutionBench}), and the read of a
 * clinical-sized DICOM CT series ({@link doseengine.bench.DicomCtBench}). Speed is measured here, never in unit
 * tests.
 */
package doseengine.bench;
