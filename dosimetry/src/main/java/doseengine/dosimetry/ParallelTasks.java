package doseengine.dosimetry;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs tasks {@code 0..n-1} on a fixed number of threads. Each thread first makes its own worker (which owns its
 * scratch buffers, so nothing is shared but the task counter) and then takes the next task until none is left:
 * tasks of unequal cost balance themselves. The first exception thrown by a task stops the other threads after
 * their current task and is rethrown to the caller unchanged.
 */
public final class ParallelTasks {
    private ParallelTasks() {}

    /** The number of threads to use by default: every processor the JVM may use. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param tasks     number of tasks
     * @param threads   threads to use (at least 1; never more than the tasks)
     * @param newWorker makes one worker per thread; the worker runs a task given its index
     */
    public static void run(int tasks, int threads, Supplier<? extends IntConsumer> newWorker) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = Math.min(threads, tasks);
        if (n <= 1) {
            // No thread for a single worker: small problems (and the tests) stay cheap.
            IntConsumer worker = newWorker.get();
            for (int t = 0; t < tasks; t++) {
                worker.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] pool = new Thread[n];
        for (int w = 0; w < n; w++) {
            pool[w] = new Thread(() -> {
                try {
                    IntConsumer worker = newWorker.get();
                    for (int t; failure.get() == null && (t = next.getAndIncrement()) < tasks; ) {
                        worker.accept(t);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "parallel-task-" + w);
            pool[w].setDaemon(true);
            pool[w].start();
        }
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                failure.compareAndSet(null, e); // the others stop after their current task
                Thread.currentThread().interrupt();
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        } else if (e instanceof Error err) {
            throw err;
        } else if (e != null) {
            throw new IllegalStateException("parallel task interrupted", e);
        }
    }
}
