package daxlab.stress;

import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.TestExecutor;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskWriteCollector;
import org.openjdk.jcstress.infra.collectors.MuxCollector;
import org.openjdk.jcstress.infra.collectors.SerializedBufferCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.collectors.TestResultCollector;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.infra.runners.TestList;
import org.openjdk.jcstress.os.SchedulingClass;
import org.openjdk.jcstress.os.Scheduler;
import org.openjdk.jcstress.os.topology.Topology;
import org.openjdk.jcstress.vm.CompileMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the child JVM that {@link Stress} starts: it runs the named jcstress tests,
 * one fork per test and run mode, and writes jcstress's own result file.
 *
 * <p>Why not {@code org.openjdk.jcstress.Main}: before its first test, jcstress 0.16 probes the
 * JVM by starting some 30 short-lived JVMs (which options exist, which configurations work).
 * That costs seconds on an idle machine and most of a minute on a busy 2-core one, for answers
 * that daxlab already knows: it picks the run modes itself ({@link RunMode}), in unified
 * compilation (no per-actor split), with no affinity. The forks, the scheduling, the stress loop
 * and the result file are jcstress's own, through its public classes.
 *
 * <p>Usage: {@code StressChild RESULT_FILE TIME_MS MODE[,MODE...] TEST...}. Prints one line
 * {@code daxlab-stress: done TEST MODE SAMPLES MILLIS} per finished fork, for the parent.
 */
public final class StressChild {
    /** The prefix of the progress lines the parent reads. */
    public static final String DONE = "daxlab-stress: done ";

    private StressChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: StressChild RESULT_FILE TIME_MS MODE[,MODE...] TEST...");
            System.exit(2);
        }
        String resultFile = args[0];
        String timeMs = args[1];
        List<RunMode> modes = new ArrayList<>();
        for (String m : args[2].split(",")) {
            modes.add(RunMode.valueOf(m));
        }
        List<String> tests = Arrays.asList(args).subList(3, args.length);

        skipCpuBurn();
        Options opts = new Options(new String[] {"-time", timeMs, "-iters", "1", "-f", "1", "-fsm", "1",
                "-sc", "false", "-af", "NONE"});
        if (!opts.parse()) {
            System.exit(2);
        }
        System.out.println();
        Topology topology = Topology.get();
        Scheduler scheduler = new Scheduler(topology, opts.getCPUCount());

        List<TestConfig> configs = new ArrayList<>();
        for (String test : tests) {
            TestInfo info = TestList.getInfo(test);
            if (info == null) {
                System.err.println("no jcstress test " + test + " in " + System.getProperty("java.class.path"));
                System.exit(3);
            }
            List<SchedulingClass> classes = scheduler.scheduleClasses(info.threads(), opts.getCPUCount(),
                    opts.affinityMode());
            if (classes.isEmpty()) {
                System.err.println(test + " has " + info.threads() + " threads; jcstress runs a test only when each"
                        + " thread has a core of its own, and this machine has " + topology.totalCores());
                System.exit(4);
            }
            for (RunMode m : modes) {
                configs.add(new TestConfig(opts, info, 0, m.jvmArgs(), CompileMode.UNIFIED, classes.get(0)));
            }
        }

        DiskWriteCollector disk = new DiskWriteCollector(resultFile);
        TestResultCollector progress = StressChild::report;
        SerializedBufferCollector sink = new SerializedBufferCollector(MuxCollector.of(progress, disk));
        TestExecutor executor = new TestExecutor(opts.verbosity(), sink, scheduler);
        last = System.nanoTime();
        executor.runAll(configs);
        sink.close();
        disk.close();
        // jcstress leaves non-daemon helpers behind; the results are on disk.
        System.exit(0);
    }

    /**
     * jcstress's option parsing first spins every CPU for a second or more to count them, a guard
     * against CPUs that are offline until loaded. The JVM's count is good enough here and the second
     * matters for a short run, so the count is set where jcstress 0.16 caches it. If a later jcstress
     * has no such field, it burns as before.
     */
    private static void skipCpuBurn() {
        try {
            java.lang.reflect.Field f = org.openjdk.jcstress.vm.VMSupport.class.getDeclaredField("HOT_CPUS");
            f.setAccessible(true);
            f.setInt(null, Runtime.getRuntime().availableProcessors());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // jcstress counts the CPUs itself
        }
    }

    /** When the previous fork finished (or the first started). */
    private static long last;

    /**
     * A fork finished: its test, mode, samples, and milliseconds since the previous one finished.
     * A test's threads take every core, so forks run one after another and the gap is this fork's
     * time, JVM start-up included (jcstress records no duration of its own).
     */
    private static synchronized void report(TestResult r) {
        long now = System.nanoTime();
        long millis = (now - last) / 1_000_000;
        last = now;
        System.out.println(DONE + r.getName() + " " + RunMode.of(r.getConfig().jvmArgs) + " " + r.getTotalCount()
                + " " + millis);
        System.out.flush();
    }
}
