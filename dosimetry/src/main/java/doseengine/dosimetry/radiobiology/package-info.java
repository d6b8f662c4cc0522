/**
 * Radiobiology on plain numbers: the linear-quadratic model with mono-exponential repair
 * ({@link doseengine.dosimetry.radiobiology.Bed}) for a dose rate ({@link doseengine.dosimetry.radiobiology.DoseRate})
 * that is a sum of exponentials ({@link doseengine.dosimetry.radiobiology.DoseRateCurve}) or piecewise linear with an
 * exponential tail ({@link doseengine.dosimetry.radiobiology.PiecewiseDoseRate}), the tissue parameters it needs
 * ({@link doseengine.dosimetry.radiobiology.TissueTable}), the limits and response thresholds a dose is held against
 * ({@link doseengine.dosimetry.radiobiology.LimitTable}, {@link doseengine.dosimetry.radiobiology.LimitStatus}), and
 * the largest activity of the next cycle ({@link doseengine.dosimetry.radiobiology.NextCycle}). No transport.
 */
package doseengine.dosimetry.radiobiology;
