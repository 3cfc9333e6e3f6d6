package daxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs fuzz cases through {@code daxlab litmus} in a child JVM with a small heap
 * ({@link FuzzHarness}) and sorts what each did: a result, a clean error (exit 2, a message, no
 * stack trace, the heap never filled), a stack trace, a hang (no answer within the time allowed;
 * the child is then killed and restarted after that case), or something else (another exit
 * status, the heap filled up). The properties the fuzz tests assert are that every case is a
 * result or a clean error.
 */
final class FuzzRun {
    /** How a case ended. */
    enum Verdict { RESULT, CLEAN_ERROR, TRACE, HANG, OTHER }

    /** One case's ending, with what it printed on its error stream. */
    record Ending(LitmusFuzz.Case c, Verdict verdict, int code, long ms, String err) {
        @Override
        public String toString() {
            return c + ": " + verdict + " (exit " + code + ", " + ms + " ms)" + (err.isEmpty() ? "" : "\n" + err.strip());
        }
    }

    /** The heap of the child JVM: the memory bound every case must stay within. */
    static final String HEAP = "-Xmx384m";
    private static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Exception in thread|^Caused by: "
            + "|^java\\.lang\\.\\w+(Error|Exception)");

    private FuzzRun() {
    }

    /**
     * Runs every case with {@code litmusOptions}; each case may take {@code perCase}.
     */
    static List<Ending> run(List<LitmusFuzz.Case> cases, Path dir, Duration perCase, String... litmusOptions)
            throws IOException, InterruptedException {
        List<Path> files = LitmusFuzz.write(cases, dir);
        List<Ending> endings = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        int next = 0;
        while (next < cases.size()) {
            List<LitmusFuzz.Case> rest = cases.subList(next, cases.size());
            Path list = FuzzHarness.caseList(dir, rest, files.subList(next, files.size()));
            List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP, "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                    FuzzHarness.class.getName(), list.toString()));
            cmd.addAll(List.of(litmusOptions));
            // The harness prints nothing on its own stderr; the JVM's own complaints land in a file.
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("harness-stderr.txt").toFile())).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // the child was killed
                } finally {
                    lines.add("EOF");
                }
            }, "fuzz-reader");
            reader.setDaemon(true);
            reader.start();
            int started = -1;
            boolean restart = false;
            while (true) {
                String l = lines.poll(started < 0 ? 120 : perCase.toSeconds(), TimeUnit.SECONDS);
                if (l == null || l.equals("EOF")) {
                    if (started >= 0) {
                        // No answer in time, or the JVM died under this case.
                        endings.add(new Ending(cases.get(next + started), Verdict.HANG, -1, perCase.toMillis(),
                                l == null ? "no answer within " + perCase.toSeconds() + " s" : "the JVM died"));
                        next += started + 1;
                        restart = true;
                    } else if (l == null) {
                        throw new IllegalStateException("the fuzz harness did not start: " + cmd);
                    }
                    break;
                }
                if (l.startsWith("START ")) {
                    started = Integer.parseInt(l.substring(6));
                } else if (l.startsWith("{")) {
                    JsonNode j = mapper.readTree(l);
                    endings.add(judge(cases.get(next + j.get("i").asInt()), j, perCase));
                    started = -1;
                } else if (l.equals("END")) {
                    next = cases.size();
                    break;
                }
            }
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            if (!restart && next < cases.size()) {
                throw new IllegalStateException("the fuzz harness stopped early after " + endings.size() + " cases");
            }
        }
        return endings;
    }

    private static Ending judge(LitmusFuzz.Case c, JsonNode j, Duration perCase) {
        int code = j.get("code").asInt();
        long ms = j.get("ms").asLong();
        String err = j.get("err").asText() + j.get("systemErr").asText()
                + (j.has("escaped") ? j.get("escaped").asText() : "");
        Verdict v;
        if (j.has("escaped") || TRACE.matcher(err).find()) {
            v = Verdict.TRACE;
        } else if (ms > perCase.toMillis()) {
            v = Verdict.HANG;
        } else if (code == 0) {
            v = Verdict.RESULT;
        } else if (code == 2 && !err.isBlank() && !err.contains("heap filled up")) {
            v = Verdict.CLEAN_ERROR;
        } else {
            v = Verdict.OTHER;
        }
        return new Ending(c, v, code, ms, err);
    }

    /** {@code inputs N, results N, clean errors N, traces N, hangs N, other N}, and the slowest case. */
    static String summary(List<Ending> endings) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        endings.forEach(e -> n.merge(e.verdict(), 1, Integer::sum));
        Ending slowest = endings.stream().max(java.util.Comparator.comparingLong(Ending::ms)).orElse(null);
        return "inputs " + endings.size() + ", results " + n.get(Verdict.RESULT) + ", clean errors "
                + n.get(Verdict.CLEAN_ERROR) + ", traces " + n.get(Verdict.TRACE) + ", hangs " + n.get(Verdict.HANG)
                + ", other " + n.get(Verdict.OTHER)
                + (slowest == null ? "" : "; slowest " + slowest.c().name() + " " + slowest.ms() + " ms");
    }
}
