package daxlab.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A concurrent program in the shape of a litmus test: initial values of the shared locations,
 * threads, the observables an outcome reports, and an optional final condition.
 *
 * <p>Every engine takes one of these; none of them knows where it came from (a dax scenario, a
 * litmus file, a JShell cell).
 */
public record Program(String name, Map<String, Value> init, List<ThreadCode> threads,
                      List<Observable> observables, Condition condition, Filter filter) {

    /** A program without a filter (every program but some litmus tests). */
    public Program(String name, Map<String, Value> init, List<ThreadCode> threads, List<Observable> observables,
                   Condition condition) {
        this(name, init, threads, observables, condition, null);
    }

    public Program {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a program needs a name");
        }
        init = Collections.unmodifiableMap(new LinkedHashMap<>(init));
        threads = List.copyOf(threads);
        observables = List.copyOf(observables);
        validate(init, threads, observables, condition);
        if (filter != null) {
            validate(init, threads, filter.observables(), null);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The shared locations, in declaration order. */
    public List<String> locations() {
        return List.copyOf(init.keySet());
    }

    public Optional<Condition> finalCondition() {
        return Optional.ofNullable(condition);
    }

    public Optional<Filter> finalFilter() {
        return Optional.ofNullable(filter);
    }

    /** The same program with another name (a litmus test's name, say), filter and all. */
    public Program named(String newName) {
        return new Program(newName, init, threads, observables, condition, filter);
    }

    public ThreadCode thread(String threadName) {
        return threads.stream().filter(t -> t.name().equals(threadName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no thread " + threadName));
    }

    /** Registers written or read by one thread, in first-use order. */
    public static Set<String> registersOf(ThreadCode t) {
        Set<String> regs = new LinkedHashSet<>();
        Walk.each(t.body(), i -> {
            String dest = Walk.destination(i);
            if (dest != null) {
                regs.add(dest);
            }
            Walk.exprs(i, e -> e.collectRegisters(regs));
        });
        return regs;
    }

    /** SRCU domains named anywhere in the program. */
    public Set<String> srcuDomains() {
        Set<String> out = new LinkedHashSet<>();
        threads.forEach(t -> Walk.each(t.body(), i -> {
            if (i instanceof Instr.Srcu s) {
                out.add(s.domain());
            }
        }));
        return out;
    }

    private static void validate(Map<String, Value> init, List<ThreadCode> threads,
                                 List<Observable> observables, Condition condition) {
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("a program needs at least one thread");
        }
        Set<String> threadNames = new LinkedHashSet<>();
        for (ThreadCode t : threads) {
            if (!threadNames.add(t.name())) {
                throw new IllegalArgumentException("two threads are named " + t.name());
            }
            Walk.each(t.body(), i -> Walk.addresses(i, a -> {
                if (a instanceof Expr.Const) {
                    Value v = ((Expr.Const) a).value();
                    if (!(v instanceof Value.Addr)) {
                        throw new IllegalArgumentException(t.name() + ": '" + i.text()
                                + "' accesses " + v + ", which is not an address");
                    }
                    String loc = ((Value.Addr) v).location();
                    if (!init.containsKey(loc)) {
                        throw new IllegalArgumentException(t.name() + ": '" + i.text()
                                + "' uses location '" + loc + "', which is not declared; declared: "
                                + String.join(", ", init.keySet()));
                    }
                }
            }));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Observable o : observables) {
            if (!names.add(o.name())) {
                throw new IllegalArgumentException("two observables are named " + o.name());
            }
            if (o.ref() instanceof Observable.Loc) {
                String loc = ((Observable.Loc) o.ref()).location();
                if (!init.containsKey(loc)) {
                    throw new IllegalArgumentException("observable " + o.name() + " reads undeclared location '"
                            + loc + "'; declared: " + String.join(", ", init.keySet()));
                }
            } else {
                Observable.Register r = (Observable.Register) o.ref();
                if (!threadNames.contains(r.thread())) {
                    throw new IllegalArgumentException("observable " + o.name() + " reads thread '"
                            + r.thread() + "', which does not exist; threads: " + String.join(", ", threadNames));
                }
            }
        }
        if (condition != null) {
            Set<String> used = new LinkedHashSet<>();
            condition.proposition().collectFields(used);
            used.removeAll(names);
            if (!used.isEmpty()) {
                throw new IllegalArgumentException("the final condition names " + used
                        + ", which are not observables; observables: " + names);
            }
        }
    }

    /** Fluent construction, meant to read well in a notebook cell. */
    public static final class Builder {
        private final String name;
        private final Map<String, Value> init = new LinkedHashMap<>();
        private final List<ThreadCode> threads = new ArrayList<>();
        private final List<Observable> observables = new ArrayList<>();
        private Condition condition;

        private Builder(String name) {
            this.name = name;
        }

        /** Declares a shared location and its initial value. */
        public Builder init(String location, Value value) {
            Names.requireIdentifier(location, "location");
            init.put(location, value);
            return this;
        }

        public Builder init(String location, String value) {
            return init(location, Value.parse(value));
        }

        public Builder thread(String threadName, Consumer<Code> body) {
            Code code = new Code();
            body.accept(code);
            threads.add(new ThreadCode(threadName, code.instructions()));
            return this;
        }

        public Builder thread(ThreadCode t) {
            threads.add(t);
            return this;
        }

        /** Reports the final value of a location under its own name. */
        public Builder observe(String location) {
            observables.add(Observable.location(location));
            return this;
        }

        /** Reports the final value of a register under the given field name. */
        public Builder observe(String field, String threadName, String register) {
            observables.add(Observable.register(field, threadName, register));
            return this;
        }

        public Builder observe(Observable o) {
            observables.add(o);
            return this;
        }

        public Builder condition(Condition c) {
            this.condition = c;
            return this;
        }

        public Builder exists(Cond c) {
            return condition(Condition.exists(c));
        }

        public Program build() {
            return new Program(name, init, threads, observables, condition);
        }
    }
}
