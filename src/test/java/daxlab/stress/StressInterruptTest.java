package daxlab.stress;

import daxlab.dax.PutVariant;
import daxlab.dax.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interrupting the caller ends a run at once, child JVM and jcstress forks included. */
class StressInterruptTest {

    @Test
    void interruptKillsTheChildAndItsForks() throws Exception {
        StressTest t = StressTest.of(Scenario.PUT_VS_GET, PutVariant.ORIGINAL, null);
        CountDownLatch started = new CountDownLatch(1);
        StressOptions o = StressOptions.of(Duration.ofMinutes(10)).withModes(List.of(RunMode.C2))
                .withProgress(line -> started.countDown());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                Stress.run(t, o);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        caller.start();
        assertTrue(started.await(30, TimeUnit.SECONDS));
        // Let the child get as far as starting a fork.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ProcessHandle.current().descendants().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(ProcessHandle.current().descendants().count() >= 1, "a child is running");
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!caller.isAlive(), "the run returned after the interrupt");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no child or fork left behind");
    }
}
