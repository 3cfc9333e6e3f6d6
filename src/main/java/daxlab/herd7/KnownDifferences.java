package daxlab.herd7;

import daxlab.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Differences between our engines and herd7 that are understood and documented, line for line,
 * in {@value #RESOURCE}. A difference is accepted only when an engine's difference lines on a
 * file are exactly the documented ones; one documented but no longer seen is itself a difference,
 * so the list cannot go stale.
 *
 * <p>Format: {@code reason ID TEXT} explains a reason once; then one line per difference line:
 * {@code FILE MODEL ENGINE ID: DIFFERENCE}, e.g.
 * {@code dax-kill-vs-reader+DOUBLE_READ.litmus lkmm lkmm srcu-struct: Positive: 0 Negative: 2, herd7: ...}.
 * {@code #} starts a comment line.
 */
public final class KnownDifferences {
    /** Where the documented differences are, on the class path and under src/main/resources. */
    public static final String RESOURCE = "/daxlab/herd7/known-differences.txt";

    /** The documented difference of one engine on one file under one herd7 model. */
    public record Entry(String file, Herd7Model model, Engine engine, String reason, String why, List<String> lines) {
        public Entry {
            lines = List.copyOf(lines);
        }
    }

    private record Key(String file, Herd7Model model, Engine engine) {
    }

    private final Map<Key, Entry> entries;

    private KnownDifferences(Map<Key, Entry> entries) {
        this.entries = entries;
    }

    /** No documented difference: every difference counts. */
    public static KnownDifferences none() {
        return new KnownDifferences(Map.of());
    }

    /** The project's documented differences. */
    public static KnownDifferences project() {
        try (InputStream in = KnownDifferences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KnownDifferences parse(String text, String source) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Map<Key, List<String>> lines = new LinkedHashMap<>();
        Map<Key, String> reasonOf = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("\r?\n", -1)) {
            n++;
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("reason ")) {
                String[] w = l.split("\\s+", 3);
                if (w.length < 3) {
                    throw error(source, n, "'reason ID TEXT'", l);
                }
                reasons.put(w[1], w[2]);
                continue;
            }
            String[] w = l.split("\\s+", 5);
            if (w.length < 5 || !w[3].endsWith(":")) {
                throw error(source, n, "'FILE MODEL ENGINE REASON: DIFFERENCE'", l);
            }
            Herd7Model model = null;
            for (Herd7Model m : Herd7Model.values()) {
                if (m.id().equals(w[1])) {
                    model = m;
                }
            }
            if (model == null) {
                throw error(source, n, "a herd7 model (lkmm, sc)", w[1]);
            }
            String reason = w[3].substring(0, w[3].length() - 1);
            if (!reasons.containsKey(reason)) {
                throw error(source, n, "a reason given above by 'reason " + reason + " ...'", reason);
            }
            Engine engine;
            try {
                engine = Engine.byName(w[2]);
            } catch (IllegalArgumentException e) {
                throw error(source, n, "an engine (" + String.join(", ", Engine.names()) + ")", w[2]);
            }
            Key k = new Key(w[0], model, engine);
            String before = reasonOf.putIfAbsent(k, reason);
            if (before != null && !before.equals(reason)) {
                throw error(source, n, "one reason per file, model and engine (" + before + ")", reason);
            }
            lines.computeIfAbsent(k, x -> new ArrayList<>()).add(w[4]);
        }
        Map<Key, Entry> entries = new LinkedHashMap<>();
        lines.forEach((k, ls) -> entries.put(k, new Entry(k.file(), k.model(), k.engine(), reasonOf.get(k),
                reasons.get(reasonOf.get(k)), ls)));
        return new KnownDifferences(entries);
    }

    private static IllegalArgumentException error(String source, int line, String expected, String found) {
        return new IllegalArgumentException(source + ":" + line + ":1: expected " + expected + " but found '" + found + "'");
    }

    /** The documented difference of {@code engine} on {@code file} under {@code model}, if any. */
    public Optional<Entry> of(String file, Herd7Model model, Engine engine) {
        return Optional.ofNullable(entries.get(new Key(file, model, engine)));
    }

    public Collection<Entry> all() {
        return entries.values();
    }
}
