package daxlab.verdict;

import daxlab.dax.DaxScenario;
import daxlab.dax.Scenarios;
import daxlab.outcome.Histogram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Candidates x properties x models: the thread's claims settled in one table.
 */
public record Matrix(List<Candidate> candidates, List<Property> properties, List<String> models, List<Cell> cells) {

    public Matrix {
        candidates = List.copyOf(candidates);
        properties = List.copyOf(properties);
        models = List.copyOf(models);
        cells = List.copyOf(cells);
    }

    /** Runs every scenario each property needs, for every candidate and model. */
    public static Matrix compute(List<Candidate> candidates, List<Property> properties, List<String> models,
                                 Engine engine) {
        List<Cell> cells = new ArrayList<>();
        for (Candidate c : candidates) {
            for (Property p : properties) {
                for (String m : models) {
                    cells.add(cell(c, p, m, engine));
                }
            }
        }
        return new Matrix(candidates, properties, models, cells);
    }

    private static Cell cell(Candidate c, Property p, String model, Engine engine) {
        BigInteger bad = BigInteger.ZERO;
        BigInteger total = BigInteger.ZERO;
        List<Histogram> runs = new ArrayList<>();
        Histogram.Entry firstBad = null;
        Histogram firstBadRun = null;
        for (var s : p.scenarios()) {
            DaxScenario d = Scenarios.build(s, c.put(), c.reader());
            Histogram h;
            try {
                h = engine.run(d, model);
            } catch (RuntimeException e) {
                return new Cell(c, p, model, BigInteger.ZERO, BigInteger.ZERO, runs, null, null,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            runs.add(h);
            total = total.add(h.total());
            for (Histogram.Entry e : h.entries()) {
                if (e.count().signum() > 0 && p.brokenBy(e.grade().label())) {
                    bad = bad.add(e.count());
                    if (firstBad == null) {
                        firstBad = e;
                        firstBadRun = h;
                    }
                }
            }
        }
        return new Cell(c, p, model, bad, total, runs, firstBad, firstBadRun, null);
    }

    public Cell cell(Candidate c, Property p, String model) {
        return cells.stream().filter(x -> x.candidate().equals(c) && x.property() == p && x.model().equals(model))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cell " + c + " / " + p + " / " + model));
    }

    /** The candidates that have every property under every model. */
    public List<Candidate> sound() {
        return soundExcept(List.of());
    }

    /** The candidates that have every property under every model but the given ones. */
    public List<Candidate> soundExcept(List<String> ignored) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (cells.stream().filter(x -> x.candidate().equals(c) && !ignored.contains(x.model()))
                    .allMatch(Cell::holds)) {
                out.add(c);
            }
        }
        return out;
    }

    public Optional<Cell> firstFailure(Candidate c) {
        return cells.stream().filter(x -> x.candidate().equals(c) && !x.holds() && x.error() == null).findFirst();
    }

    /**
     * One block per property: candidates down, models across, {@code ok} / {@code BAD} / {@code n/a},
     * at most {@code width} columns wide.
     */
    public String table(int width) {
        StringBuilder sb = new StringBuilder();
        int[] col = models.stream().mapToInt(m -> Math.max(4, m.length()) + 2).toArray();
        int cols = java.util.Arrays.stream(col).sum();
        int nameWidth = Math.min(candidates.stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2,
                width - 2 - cols);
        for (Property p : properties) {
            sb.append(Text.wrap(p.title() + ": " + p.claim(), width)).append('\n');
            sb.append("  ").append(pad("", nameWidth));
            for (int i = 0; i < models.size(); i++) {
                sb.append(pad(models.get(i), col[i]));
            }
            sb.setLength(sb.length() - trailing(sb));
            sb.append('\n');
            for (Candidate c : candidates) {
                sb.append("  ").append(pad(c.name(), nameWidth));
                for (int i = 0; i < models.size(); i++) {
                    sb.append(pad(cell(c, p, models.get(i)).mark(), col[i]));
                }
                sb.setLength(sb.length() - trailing(sb));
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int trailing(StringBuilder sb) {
        int n = 0;
        while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }

    private static String pad(String s, int w) {
        if (s.length() >= w) {
            return s.substring(0, Math.max(0, w - 1)) + " ";
        }
        return s + " ".repeat(w - s.length());
    }
}
