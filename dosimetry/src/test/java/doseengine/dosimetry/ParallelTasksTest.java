package doseengine.dosimetry;

import static org.junit.jupiter.api.Assertions.*;

import doseengine.geometry.BadInputException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {
    @Test
    void everyTaskRunsOnceWithOneWorkerPerThread() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        AtomicInteger workers = new AtomicInteger();
        ParallelTasks.run(1000, 3, () -> {
            workers.incrementAndGet();
            return runs::incrementAndGet;
        });
        for (int t = 0; t < 1000; t++) {
            assertEquals(1, runs.get(t), "task " + t);
        }
        assertEquals(3, workers.get());
    }

    /** A user-input error inside a task reaches the caller as itself, so that the command prints its one line. */
    @Test
    void aTaskFailureIsRethrownUnchanged() {
        BadInputException e = assertThrows(BadInputException.class, () -> ParallelTasks.run(50, 2, () -> t -> {
            if (t == 17) {
                throw new BadInputException("task 17 is bad");
            }
        }));
        assertEquals("task 17 is bad", e.getMessage());
    }
}
