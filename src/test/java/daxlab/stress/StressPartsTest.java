package daxlab.stress;

import daxlab.dax.Scenario;
import daxlab.outcome.Outcome;
import daxlab.program.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner's parts that need no child JVM. */
class StressPartsTest {

    @Test
    void resultStringsBecomeEnumerationOutcomes() {
        Outcome o = Stress.outcome(List.of("holder_data", "holder_ops", "reader"), "A, NULL, OK(opsA,NULL)");
        assertEquals(Value.sym("A"), o.get("holder_data"));
        assertEquals(Value.NULL, o.get("holder_ops"));
        assertEquals(Value.sym("OK(opsA,NULL)"), o.get("reader"));
        assertEquals("holder_data=A; holder_ops=NULL; reader=OK(opsA,NULL)", o.text());
        assertEquals(Value.of(1), Stress.outcome(List.of("warn"), "1").get("warn"));
        StressException e = assertThrows(StressException.class, () -> Stress.outcome(List.of("a", "b"), "A"));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
    }

    @Test
    void runModesAreRecognisedFromTheirFlags() {
        for (RunMode m : RunMode.values()) {
            assertEquals(m, RunMode.of(m.jvmArgs()));
            assertEquals(m, RunMode.byName(m.name().toLowerCase()));
        }
        assertThrows(IllegalArgumentException.class, () -> RunMode.byName("C3"));
    }

    @Test
    void readerNames() {
        assertEquals(ReaderTwin.DOUBLE_READ_OPAQUE, ReaderTwin.byName("DOUBLE_READ"));
        assertEquals(ReaderTwin.READ_ONCE, ReaderTwin.byName("read-once"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReaderTwin.byName("TWICE"));
        assertTrue(e.getMessage().contains("DOUBLE_READ_PLAIN"), e.getMessage());
    }

    @Test
    void scenariosWithoutATwinSayWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StressTest.of(Scenario.KILL_VS_PUT, daxlab.dax.PutVariant.PATCH_V1, ReaderTwin.READ_ONCE));
        assertTrue(e.getMessage().contains("kill_dax() has no Java twin"), e.getMessage());
    }

    @Test
    void primitiveTableHasEveryRowOfDocsPrimitives() {
        String t = PrimitiveTable.table();
        assertEquals(PrimitiveTable.values().length + 2, t.split("\n").length);
        for (String s : List.of("getOpaque / setOpaque", "getAcquire / setRelease", "compareAndExchange",
                "LOCK CMPXCHG", "LDAR / STLR", "fullFence / storeStoreFence / loadLoadFence")) {
            assertTrue(t.contains(s), s);
        }
    }

    @Test
    void missingJavaIsACleanError() {
        StressOptions o = StressOptions.of(Duration.ofMillis(10)).withJava(Path.of("/nonexistent/bin/java"));
        StressTest t = StressTest.of(Scenario.PUT_VS_GET, daxlab.dax.PutVariant.ORIGINAL, null);
        StressException e = assertThrows(StressException.class, () -> Stress.run(t, o));
        assertTrue(e.getMessage().contains("no java executable at /nonexistent/bin/java"), e.getMessage());
    }

    @Test
    void missingJarIsACleanError() {
        StressOptions o = StressOptions.of(Duration.ofMillis(10)).withClasspath("/nonexistent/daxlab.jar");
        StressTest t = StressTest.of(Scenario.PUT_VS_GET, daxlab.dax.PutVariant.ORIGINAL, null);
        StressException e = assertThrows(StressException.class, () -> Stress.run(t, o));
        assertTrue(e.getMessage().contains("/nonexistent/daxlab.jar, which does not exist"), e.getMessage());
    }

    @Test
    void classpathFromClassesDirectoryIncludesJcstress() {
        String cp = Stress.classpath(StressOptions.of(Duration.ofMillis(10)));
        assertTrue(cp.contains("jcstress-core") || cp.endsWith(".jar"), cp);
    }
}
