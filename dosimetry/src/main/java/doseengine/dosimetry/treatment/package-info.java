/**
 * A patient's treatment on plain numbers: from each structure's kinetic fit and Monte Carlo mean dose to the
 * cycle's dose-rate curve, BED and combined uncertainty ({@link doseengine.dosimetry.treatment.StructureCycle}),
 * the sums over cycles with their status against every limit
 * ({@link doseengine.dosimetry.treatment.CumulativeDose}), and the next cycle
 * ({@link doseengine.dosimetry.treatment.NextCyclePlanner}). It joins {@code kinetics} and {@code radiobiology},
 * which stay independent of each other. No transport.
 */
package doseengine.dosimetry.treatment;
