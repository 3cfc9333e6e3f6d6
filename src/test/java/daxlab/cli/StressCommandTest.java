package daxlab.cli;

import daxlab.stress.StressTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code daxlab stress} without running stress: listing, the table, and clear errors. */
class StressCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void listNamesEveryTest() {
        Result r = run("stress", "--list");
        assertEquals(0, r.code());
        assertEquals(StressTest.all().size(), r.out().strip().split("\n").length);
        assertTrue(r.out().contains("daxlab.stress.tests.PutVsGet.ORIGINAL  put-vs-get [put=ORIGINAL]"), r.out());
    }

    @Test
    void primitivesPrintsTheMappingTable() {
        Result r = run("stress", "--primitives");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("READ_ONCE / WRITE_ONCE"), r.out());
    }

    @Test
    void badInputSaysWhatIsValid() {
        Result none = run("stress");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("stress scenarios: put-vs-get"), none.err());
        Result kill = run("stress", "--scenario", "kill-vs-reader");
        assertEquals(2, kill.code());
        assertTrue(kill.err().contains("kill_dax() has no Java twin"), kill.err());
        Result reader = run("stress", "--scenario", "put-vs-reader", "--reader", "TWICE");
        assertEquals(2, reader.code());
        assertTrue(reader.err().contains("valid readers"), reader.err());
        Result mode = run("stress", "--scenario", "put-vs-get", "--modes", "C3");
        assertEquals(2, mode.code());
        assertTrue(mode.err().contains("INTERPRETER, C1, C2, C2_STRESS"), mode.err());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(200), StressCommand.parseDuration("200ms"));
        assertEquals(Duration.ofMillis(1500), StressCommand.parseDuration("1.5s"));
        assertEquals(Duration.ofMinutes(2), StressCommand.parseDuration("2m"));
        assertEquals(Duration.ofMillis(300), StressCommand.parseDuration("300"));
        assertThrows(Main.UsageError.class, () -> StressCommand.parseDuration("soon"));
        assertThrows(Main.UsageError.class, () -> StressCommand.parseDuration("0ms"));
    }
}
