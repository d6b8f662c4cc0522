package doseengine.dosimetry.treatment;

import doseengine.dosimetry.radiobiology.Limit;
import doseengine.dosimetry.radiobiology.LimitStatus;
import doseengine.dosimetry.radiobiology.LimitTable;
import doseengine.geometry.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A limit whose {@code over} is minimum or mean, held against one value for all the structures it applies to (a
 * trial's lesion threshold is a condition on the patient: LUMEN's on the smallest lesion dose, LUTADOSE's on the mean
 * tumour dose). Each structure keeps its own check in {@link CumulativeDose#checks()}.
 *
 * <p>Minimum: the value is the smallest structure value and its sigma that structure's. The status is that of the
 * minimum of the true values: below when any structure is below (the minimum is at most that structure's value), above
 * only when every structure is above, else near. So a structure that is not the smallest but has a wide uncertainty
 * can make the minimum near; {@code statusBy} names the structure that decides. The smallest of several uncertain
 * values is biased low (the order statistic of noisy values); with a handful of lesions at 10 to 20 % uncertainty
 * that bias is of the order of the uncertainty, which the near band already spans.
 *
 * <p>Mean: the plain mean of the structures' mean doses, each lesion counting once whatever its mass. LUTADOSE's own
 * definition of "mean tumour dose" was not found; the plain mean is chosen because a lesion threshold is about the
 * lesions as targets: a mass-weighted mean is the dose to the whole tumour burden and lets one large lesion hide
 * the small ones, and it would carry the segmentation uncertainty of every mass. Its standard uncertainty is
 * {@code sqrt(sum sigma_i^2) / n}, the lesions' errors taken as independent (separate regions of the same images);
 * a calibration error common to all of them would add linearly, which this understates, as for the cycles.
 *
 * @param limit      the limit
 * @param structures the structures aggregated, in study order
 * @param valueGy    the minimum or mean, Gy; null when it cannot be checked ({@code note} says why)
 * @param sigmaGy    its standard uncertainty, Gy; null with valueGy
 * @param status     below, near or above; null with valueGy
 * @param minimumBy  over minimum: the structure with the smallest value; else null
 * @param statusBy   over minimum: the structure whose own status decides the minimum's; else null
 * @param note       "" or why there is no value
 */
public record AggregateCheck(Limit limit, List<String> structures, Double valueGy, Double sigmaGy,
        LimitStatus status, String minimumBy, String statusBy, String note) {
    public AggregateCheck {
        structures = List.copyOf(structures);
        note = note == null ? "" : note;
    }

    /** One structure's value under the limit: its dose (or BED) summed over the cycles the limit says. */
    public record Member(String name, double valueGy, double sigmaGy) {
        public Member {
            if (!Double.isFinite(valueGy) || !(sigmaGy >= 0) || !Double.isFinite(sigmaGy)) {
                throw new BadInputException(name + ": value and standard uncertainty must be finite, sigma >= 0, got "
                        + valueGy + " and " + sigmaGy + " Gy");
            }
        }
    }

    /** Every limit of the table with {@code over} minimum or mean, in table order, held against its structures. */
    public static List<AggregateCheck> over(List<CumulativeDose> sums, LimitTable limits, int cycles) {
        List<AggregateCheck> out = new ArrayList<>();
        for (Limit l : limits.all()) {
            if (l.over() == Limit.Over.EACH) {
                continue;
            }
            List<Member> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (CumulativeDose c : sums) {
                if (!l.appliesTo(c.kind().key(), c.name())) {
                    continue;
                }
                names.add(c.name());
                for (LimitCheck k : c.checks()) {
                    if (k.limit().equals(l)) {
                        members.add(new Member(c.name(), k.valueGy(), k.sigmaGy()));
                    }
                }
            }
            if (names.isEmpty()) {
                out.add(unchecked(l, names, "no structure of kind or name \"" + l.structure() + "\""));
            } else if (!l.cumulative() && l.afterCycle() > cycles) {
                out.add(unchecked(l, names, "needs cycle " + l.afterCycle() + "; the study has " + cycles));
            } else if (members.size() < names.size()) {
                out.add(unchecked(l, names, "BED missing for " + (names.size() - members.size()) + " of "
                        + names.size() + " structures"));
            } else {
                out.add(of(l, members));
            }
        }
        return out;
    }

    /** The aggregate of {@code members} (at least one) under {@code limit}, whose {@code over} is minimum or mean. */
    public static AggregateCheck of(Limit limit, List<Member> members) {
        if (members == null || members.isEmpty()) {
            throw new BadInputException("limit for " + limit.structure() + ": no structure to aggregate over");
        }
        List<String> names = members.stream().map(Member::name).toList();
        return switch (limit.over()) {
            case MINIMUM -> minimum(limit, members, names);
            case MEAN -> mean(limit, members, names);
            case EACH -> throw new BadInputException("limit for " + limit.structure()
                    + ": \"over\": \"each\" is checked per structure, not aggregated");
        };
    }

    private static AggregateCheck minimum(Limit limit, List<Member> members, List<String> names) {
        Member min = members.get(0);
        Member firstBelow = null;
        Member firstNear = null;
        for (Member m : members) {
            if (m.valueGy() < min.valueGy()) {
                min = m;
            }
            LimitStatus s = limit.statusOf(m.valueGy(), m.sigmaGy());
            if (s == LimitStatus.BELOW && (firstBelow == null || m.valueGy() < firstBelow.valueGy())) {
                firstBelow = m;
            } else if (s == LimitStatus.NEAR && (firstNear == null || m.valueGy() < firstNear.valueGy())) {
                firstNear = m;
            }
        }
        LimitStatus status = firstBelow != null ? LimitStatus.BELOW
                : firstNear != null ? LimitStatus.NEAR : LimitStatus.ABOVE;
        Member by = firstBelow != null ? firstBelow : firstNear != null ? firstNear : min;
        return new AggregateCheck(limit, names, min.valueGy(), min.sigmaGy(), status, min.name(), by.name(), "");
    }

    private static AggregateCheck mean(Limit limit, List<Member> members, List<String> names) {
        double sum = 0;
        double var = 0;
        for (Member m : members) {
            sum += m.valueGy();
            var += m.sigmaGy() * m.sigmaGy();
        }
        int n = members.size();
        double mean = sum / n;
        double sigma = Math.sqrt(var) / n;
        return new AggregateCheck(limit, names, mean, sigma, limit.statusOf(mean, sigma), null, null, "");
    }

    private static AggregateCheck unchecked(Limit l, List<String> names, String why) {
        return new AggregateCheck(l, names, null, null, null, null, null, why);
    }
}
