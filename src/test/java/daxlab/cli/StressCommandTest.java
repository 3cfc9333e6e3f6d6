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

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void listNamesEveryTest() {
        CliRun r = run("stress", "--list");
        assertEquals(0, r.code());
        assertEquals(StressTest.all().size(), r.out().strip().split("\n").length);
        assertTrue(r.out().contains("daxlab.stress.tests.PutVsGet.ORIGINAL  put-vs-get [put=ORIGINAL]"), r.out());
    }

    @Test
    void primitivesPrintsTheMappingTable() {
        CliRun r = run("stress", "--primitives");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("READ_ONCE / WRITE_ONCE"), r.out());
    }

    @Test
    void badInputSaysWhatIsValid() {
        CliRun none = run("stress");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("stress scenarios: put-vs-get"), none.err());
        CliRun kill = run("stress", "--scenario", "kill-vs-reader");
        assertEquals(2, kill.code());
        assertTrue(kill.err().contains("kill_dax() has no Java twin"), kill.err());
        CliRun reader = run("stress", "--scenario", "put-vs-reader", "--reader", "TWICE");
        assertEquals(2, reader.code());
        assertTrue(reader.err().contains("valid readers"), reader.err());
        CliRun mode = run("stress", "--scenario", "put-vs-get", "--modes", "C3");
        assertEquals(2, mode.code());
        assertTrue(mode.err().contains("INTERPRETER, C1, C2, C2_STRESS"), mode.err());
    }

    @Test
    void durations() {
        OptionTypes.StressTime time = new OptionTypes.StressTime();
        assertEquals(Duration.ofMillis(200), time.convert("200ms"));
        assertEquals(Duration.ofMillis(1500), time.convert("1.5s"));
        assertEquals(Duration.ofMinutes(2), time.convert("2m"));
        assertEquals(Duration.ofMillis(300), time.convert("300"));
        assertThrows(CommandLine.TypeConversionException.class, () -> time.convert("soon"));
        assertThrows(CommandLine.TypeConversionException.class, () -> time.convert("0ms"));
        CliRun r = run("stress", "--scenario", "put-vs-get", "--time", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Invalid value for option '--time': bad duration 'soon'; write e.g. 200ms"),
                r.err());
    }
}
