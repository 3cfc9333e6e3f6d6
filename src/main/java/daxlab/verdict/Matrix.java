package daxlab.verdict;

import daxlab.engine.Engine;
import daxlab.dax.Accessors;
import daxlab.dax.DaxScenario;
import daxlab.dax.PutVariant;
import daxlab.dax.PutVersion;
import daxlab.dax.ReaderVariant;
import daxlab.dax.ReaderVersion;
import daxlab.dax.Scenario;
import daxlab.dax.Scenarios;
import daxlab.dax.export.DaxExport;
import daxlab.outcome.Histogram;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Candidates x properties x models: the thread's claims settled in one table. Runs are shared
 * between cells: a scenario that calls no fs_put_dax() runs once for every put version.
 */
public record Matrix(List<Candidate> candidates, List<Property> properties, List<Engine> models, List<Cell> cells) {

    public Matrix {
        candidates = List.copyOf(candidates);
        properties = List.copyOf(properties);
        models = List.copyOf(models);
        cells = List.copyOf(cells);
    }

    /** What one run depends on: the scenario, the variants it uses, the accessors, the model. */
    private record Key(Scenario scenario, PutVersion put, ReaderVersion reader, Accessors accessors, Engine model) {
    }

    /** Runs every scenario each property needs, for every candidate and model. */
    public static Matrix compute(List<Candidate> candidates, List<Property> properties, List<Engine> models,
                                 ScenarioRunner engine) {
        Map<Key, Object> runs = new HashMap<>();
        List<Cell> cells = new ArrayList<>();
        for (Candidate c : candidates) {
            for (Property p : properties) {
                for (Engine m : models) {
                    cells.add(cell(c, p, m, engine, runs));
                }
            }
        }
        return new Matrix(candidates, properties, models, cells);
    }

    private static Cell cell(Candidate c, Property p, Engine model, ScenarioRunner engine, Map<Key, Object> cache) {
        BigInteger bad = BigInteger.ZERO;
        BigInteger total = BigInteger.ZERO;
        List<Cell.Run> runs = new ArrayList<>();
        Set<String> races = new LinkedHashSet<>();
        boolean race = false;
        Histogram.Entry firstBad = null;
        Cell.Run firstBadRun = null;
        Cell.Run firstRacy = null;
        for (Scenario s : p.scenarios()) {
            PutVersion put = s.usesPut() ? c.put() : PutVariant.PATCH_V1;
            ReaderVersion reader = s.usesReader() ? c.reader() : ReaderVariant.DOUBLE_READ;
            DaxScenario d = Scenarios.build(s, put, reader, c.accessors());
            Object result = cache.computeIfAbsent(new Key(s, put, reader, c.accessors(), model), k -> {
                try {
                    return engine.run(d, model);
                } catch (RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            });
            if (result instanceof String) {
                return new Cell(c, p, model, BigInteger.ZERO, BigInteger.ZERO, false, List.of(), runs, null, null,
                        litmus(d, model), (String) result);
            }
            Histogram h = (Histogram) result;
            Cell.Run run = new Cell.Run(d, h);
            runs.add(run);
            total = total.add(h.total());
            if (Races.flagged(h)) {
                race = true;
                races.addAll(Races.named(h));
                if (firstRacy == null) {
                    firstRacy = run;
                }
            }
            for (Histogram.Entry e : h.entries()) {
                if (e.count().signum() > 0 && p.brokenBy(e.grade())) {
                    bad = bad.add(e.count());
                    if (firstBad == null) {
                        firstBad = e;
                        firstBadRun = run;
                    }
                }
            }
        }
        Cell.Run decides = firstBadRun != null ? firstBadRun : firstRacy != null ? firstRacy : runs.get(0);
        return new Cell(c, p, model, bad, total, race, new ArrayList<>(races), runs, firstBad, firstBadRun,
                litmus(decides.scenario(), model), null);
    }

    /** The exported litmus file behind a cell: the marked form for lkmm-once, as written otherwise. */
    static String litmus(DaxScenario d, Engine model) {
        DaxExport.Form form = model == Engine.LKMM_ONCE ? DaxExport.Form.ONCE : DaxExport.Form.PLAIN;
        return DaxExport.testName(d, form) + ".litmus";
    }

    public Cell cell(Candidate c, Property p, Engine model) {
        return cells.stream().filter(x -> x.candidate().equals(c) && x.property() == p && x.model() == model)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cell " + c + " / " + p + " / " + model));
    }

    /** The marks of one candidate and property, model by model. */
    List<String> marks(Candidate c, Property p) {
        List<String> out = new ArrayList<>();
        for (Engine m : models) {
            out.add(cell(c, p, m).mark());
        }
        return out;
    }

    /** The candidates that have every property under every model, with no data race. */
    public List<Candidate> sound() {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (cells.stream().filter(x -> x.candidate().equals(c)).allMatch(Cell::holds)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The candidate to propose: the first sound one that somebody in the thread or this project
     * would write (not a hypothetical row, not a participant's), in the order of
     * {@link #candidates}. Empty when none is sound.
     */
    public Optional<Candidate> recommended() {
        return sound().stream().filter(c -> !c.hypothetical() && !c.participant()).findFirst();
    }

    /** The candidates with a participant's version in them, in order. */
    public List<Candidate> participants() {
        return candidates.stream().filter(Candidate::participant).toList();
    }

    /**
     * What the matrix shows, as its chart is titled: claims, models, candidates, and the
     * participant's versions by name when there are any.
     */
    public String title() {
        Set<String> yours = new LinkedHashSet<>();
        for (Candidate c : participants()) {
            if (c.put().participant()) {
                yours.add(c.put().label());
            }
            if (c.reader().participant()) {
                yours.add(c.reader().label());
            }
        }
        return "Verdict" + (yours.isEmpty() ? "" : " with " + String.join(", ", yours)) + ": " + properties.size()
                + " claims x " + models.size() + " models, " + candidates.size() + " candidates";
    }

    public Optional<Cell> firstFailure(Candidate c) {
        return cells.stream().filter(x -> x.candidate().equals(c) && !x.holds() && x.error() == null).findFirst();
    }

    /** How a property's rows are grouped: along fs_put_dax(), the reader, or both. */
    public Rows.Layout layout(Property p) {
        return Rows.layout(this, p);
    }

    /**
     * One block per property, its rows grouped along the axis the claim depends on (see
     * {@link Rows}), models across, at most {@code width} columns wide.
     */
    public String table(int width) {
        return Tables.all(this, width);
    }
}
