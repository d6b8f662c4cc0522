/**
 * Radiobiology on plain numbers: the linear-quadratic model with mono-exponential repair for a dose rate that is
 * a sum of exponentials ({@link doseengine.dosimetry.radiobiology.DoseRateCurve},
 * {@link doseengine.dosimetry.radiobiology.Bed}), the tissue parameters it needs
 * ({@link doseengine.dosimetry.radiobiology.TissueTable}), the limits and response thresholds a dose is held against
 * ({@link doseengine.dosimetry.radiobiology.LimitTable}, {@link doseengine.dosimetry.radiobiology.LimitStatus}), and
 * the largest activity of the next cycle ({@link doseengine.dosimetry.radiobiology.NextCycle}). No transport.
 */
package doseengine.dosimetry.radiobiology;
