package doseengine.transport;

import doseengine.geometry.BadInputException;

/**
 * Part {@code k} of {@code n} of a decay-count run: the batches {@code [floor((k-1) B / n), floor(k B / n))} of
 * the run's B batches, with the same batch boundaries and history indices as the whole run, so that its histories
 * draw the same random numbers and the parts' exact statistics add up to the whole run's bit for bit.
 */
public record RunPart(int k, int n) {
    public RunPart {
        if (n < 1 || k < 1 || k > n) {
            throw new BadInputException("--part K/N needs 1 <= K <= N, got " + k + "/" + n);
        }
    }

    /** Parses {@code K/N}. */
    public static RunPart parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new BadInputException("--part must be K/N (e.g. 2/4), got '" + text + "'");
        }
        try {
            return new RunPart(Integer.parseInt(t.substring(0, slash).strip()),
                    Integer.parseInt(t.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("--part must be K/N with whole numbers (e.g. 2/4), got '" + text + "'");
        }
    }

    /** First batch of this part among {@code batches}. */
    public int firstBatch(int batches) {
        return (int) ((long) (k - 1) * batches / n);
    }

    /** One past the last batch of this part among {@code batches}. */
    public int endBatch(int batches) {
        return (int) ((long) k * batches / n);
    }

    /** The file a part writes: {@code part-K-of-N.dep}. */
    public String fileName() {
        return "part-" + k + "-of-" + n + ".dep";
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
