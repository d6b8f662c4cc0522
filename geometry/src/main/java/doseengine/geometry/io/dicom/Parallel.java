package doseengine.geometry.io.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads files on every core: a series is hundreds of independent files, and parsing and decoding them is CPU
 * work. The first failure in file order is rethrown as it was thrown, so the user sees the same one-line
 * message whatever the scheduling, and no worker starts a new file after a failure.
 */
final class Parallel {
    private Parallel() {}

    /** {@code task(0..n-1)} in parallel, results in index order. */
    static <R> List<R> map(int n, IntFunction<R> task) {
        Object[] results = new Object[n];
        RuntimeException[] failures = new RuntimeException[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(Integer.MAX_VALUE);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n && i < failed.get(); i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    failures[i] = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    failed.accumulateAndGet(i, Math::min);
                }
            }
        };
        int threads = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        List<Thread> started = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread th = new Thread(worker, "dicom-read-" + t);
            th.setDaemon(true);
            th.start();
            started.add(th);
        }
        worker.run();
        for (Thread th : started) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading DICOM files", e);
            }
        }
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R cast = (R) r;
            out.add(cast);
        }
        return out;
    }
}
