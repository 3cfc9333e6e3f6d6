package daxlab.stress;

import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.ReaderVariant;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One jcstress test of our jar: a scenario with a put twin and (when the scenario has a reader) a
 * reader twin. The class lives in {@code daxlab.stress.tests}, one outer class per scenario and a
 * nested class per variant: {@code daxlab.stress.tests.PutVsReader.PATCH_V1__DOUBLE_READ_OPAQUE}.
 *
 * @param reader the reader twin, or null when the scenario has no reader
 */
public record StressTest(Scenario scenario, PutTwin put, ReaderTwin reader) {
    /** The package of the generated jcstress tests. */
    public static final String PACKAGE = "daxlab.stress.tests";

    /** The scenarios stress covers: every one with concurrency and without SRCU. */
    public static final Set<Scenario> SCENARIOS = EnumSet.of(Scenario.PUT_VS_GET, Scenario.PUT_VS_READER,
            Scenario.PUT_VS_OBSERVER, Scenario.PUT_VS_GET_VS_READER, Scenario.WRONG_HOLDER_PUT, Scenario.WRONG_HOLDER_VS_GET);

    public StressTest {
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("stress does not run " + scenario + " (" + whyNot(scenario)
                    + "); stress scenarios: " + scenarioIds());
        }
        if (scenario.usesReader() != (reader != null)) {
            throw new IllegalArgumentException(scenario + (reader == null ? " needs a reader" : " has no reader"));
        }
    }

    /** What one thread of a scenario runs. */
    public enum Role {
        /** {@code fs_put_dax(dev, holder)} with the test's put twin. */
        PUT("fs_put_dax"),
        /** {@code fs_dax_get(dev, holder, ops of holder)}. */
        GET("fs_dax_get"),
        /** {@code dax_holder_notify_failure(dev, ...)} with the test's reader twin. */
        READER("dax_holder_notify_failure"),
        /** Loads holder_data, then holder_ops, with the test's reader twin's modes (put-vs-observer). */
        OBSERVER("observer");

        private final String function;

        Role(String function) {
            this.function = function;
        }

        /** The kernel function the IR program's thread calls. */
        public String function() {
            return function;
        }
    }

    /** One thread: its role and the holder it acts for (null for the reader). */
    public record Actor(Role role, Holder holder) {
    }

    /**
     * The threads, P0 first, as {@code daxlab.dax.Scenarios} builds them; {@code StressTwinsTest}
     * checks this against each program's threads.
     */
    public List<Actor> actors() {
        switch (scenario) {
            case PUT_VS_GET:
                return List.of(new Actor(Role.PUT, Holder.A), new Actor(Role.GET, Holder.B));
            case PUT_VS_READER:
                return List.of(new Actor(Role.PUT, Holder.A), new Actor(Role.READER, null));
            case PUT_VS_OBSERVER:
                return List.of(new Actor(Role.PUT, Holder.A), new Actor(Role.OBSERVER, null));
            case PUT_VS_GET_VS_READER:
                return List.of(new Actor(Role.PUT, Holder.A), new Actor(Role.GET, Holder.B),
                        new Actor(Role.READER, null));
            case WRONG_HOLDER_PUT:
                return List.of(new Actor(Role.PUT, Holder.C), new Actor(Role.READER, null));
            case WRONG_HOLDER_VS_GET:
                return List.of(new Actor(Role.PUT, Holder.C), new Actor(Role.GET, Holder.B));
            default:
                throw new AssertionError(scenario);
        }
    }

    /** Who holds the device when the threads start; null for a free device. */
    public Holder initialHolder() {
        return scenario == Scenario.WRONG_HOLDER_VS_GET ? null : Holder.A;
    }

    /** Every test the jar holds, in a fixed order. */
    public static List<StressTest> all() {
        List<StressTest> out = new ArrayList<>();
        for (Scenario s : SCENARIOS) {
            for (PutTwin p : PutTwin.values()) {
                if (s.usesReader()) {
                    for (ReaderTwin r : ReaderTwin.values()) {
                        out.add(new StressTest(s, p, r));
                    }
                } else {
                    out.add(new StressTest(s, p, null));
                }
            }
        }
        return out;
    }

    /** The test for a scenario and variants; {@code reader} is ignored when the scenario has none. */
    public static StressTest of(Scenario s, PutVariant put, ReaderTwin reader) {
        return new StressTest(s, PutTwin.of(put), s.usesReader() ? reader : null);
    }

    /** The IR program this test twins, with the classifier that grades its outcomes. */
    public DaxScenario daxScenario() {
        return Scenarios.build(scenario, put.variant(), reader == null ? ReaderVariant.DOUBLE_READ : reader.variant());
    }

    /** Whether the reader runs inside dax_read_lock(): the put variants that wait for readers need it. */
    public boolean readerUnderSrcu() {
        return reader != null && scenario != Scenario.PUT_VS_OBSERVER && put.variant().usesSrcu();
    }

    /** {@code PutVsGet} for put-vs-get. */
    public static String outerClassName(Scenario s) {
        StringBuilder sb = new StringBuilder();
        for (String part : s.name().toLowerCase(Locale.ROOT).split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** {@code PATCH_V1__DOUBLE_READ_OPAQUE}, or {@code PATCH_V1} without a reader. */
    public String nestedClassName() {
        return put.name() + (reader == null ? "" : "__" + reader.name());
    }

    /** The jcstress test name, as {@code -l} lists it: the nested class's name with dots. */
    public String testName() {
        return PACKAGE + "." + outerClassName(scenario) + "." + nestedClassName();
    }

    /** {@code put=ORIGINAL reader=DOUBLE_READ_OPAQUE}, naming what this test runs. */
    public String variantLabel() {
        return "put=" + put + (reader == null ? "" : " reader=" + reader);
    }

    /** The test whose jcstress name is {@code name}. */
    public static Optional<StressTest> byName(String name) {
        return all().stream().filter(t -> t.testName().equals(name)).findFirst();
    }

    public static String scenarioIds() {
        return String.join(", ", SCENARIOS.stream().map(Scenario::id).toArray(String[]::new));
    }

    private static String whyNot(Scenario s) {
        switch (s) {
            case KILL_VS_PUT:
            case KILL_VS_READER:
                return "kill_dax() has no Java twin yet";
            case WRONG_HOLDER_PUT_SEQ:
                return "it has one thread: nothing to stress; enumerate it";
            default:
                return "not a stress scenario";
        }
    }
}
