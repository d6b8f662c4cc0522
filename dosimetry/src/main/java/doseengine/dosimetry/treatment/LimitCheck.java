package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.LimitStatus;

/**
 * A cumulative value held against one limit or threshold.
 *
 * @param limit   the limit
 * @param valueGy the cumulative absorbed dose or BED, whichever the limit is on, Gy
 * @param sigmaGy its standard uncertainty, Gy
 * @param status  below, near (within 2 sigma, {@link LimitStatus#COVERAGE_FACTOR}) or above
 */
public record LimitCheck(Limit limit, double valueGy, double sigmaGy, LimitStatus status) {
    static LimitCheck of(Limit limit, double valueGy, double sigmaGy) {
        return new LimitCheck(limit, valueGy, sigmaGy, limit.statusOf(valueGy, sigmaGy));
    }
}
