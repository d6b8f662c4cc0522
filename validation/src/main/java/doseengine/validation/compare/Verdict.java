package doseengine.validation.compare;

/** The outcome of a comparison or of one of its points. */
public enum Verdict {
    /** Within the stated tolerance. */
    PASS,
    /** Outside it. */
    FAIL,
    /** Shown for information: no tolerance is stated for it. */
    INFORMATIONAL;

    /** FAIL if any is FAIL, else PASS if any is PASS, else INFORMATIONAL. */
    public static Verdict combine(Iterable<Verdict> verdicts) {
        boolean pass = false;
        for (Verdict v : verdicts) {
            if (v == FAIL) {
                return FAIL;
            }
            pass |= v == PASS;
        }
        return pass ? PASS : INFORMATIONAL;
    }
}
