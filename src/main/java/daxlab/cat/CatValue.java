package daxlab.cat;

import daxlab.axiomatic.Rel;

import java.util.List;

/**
 * What a cat expression evaluates to. Sets of events are bit masks over the execution's events
 * and relations are {@link Rel}s, as in the hand-written models; sets of other values (of
 * relations, for {@code with co from ...}) are ordinary sets.
 */
sealed interface CatValue {

    /** {@code set of events}, {@code relation}, {@code function}, ... for messages. */
    String kind();

    /** An empty set or relation (or {@code 0}). */
    default boolean isEmpty() {
        return false;
    }

    /** {@code 0} and {@code {}}: empty, as whatever set or relation the context needs. */
    record Empty() implements CatValue {
        @Override
        public String kind() {
            return "empty";
        }

        @Override
        public boolean isEmpty() {
            return true;
        }
    }

    /** {@code _}: every event, or every pair. */
    record Universe() implements CatValue {
        @Override
        public String kind() {
            return "universe";
        }
    }

    record Events(long bits) implements CatValue {
        @Override
        public String kind() {
            return "set of events";
        }

        @Override
        public boolean isEmpty() {
            return bits == 0;
        }
    }

    record Relation(Rel rel) implements CatValue {
        @Override
        public String kind() {
            return "relation";
        }

        @Override
        public boolean isEmpty() {
            return rel.isEmpty();
        }
    }

    /** One event: an element of a set of events ({@code map f S}, {@code {e}}). */
    record Event(int id) implements CatValue {
        @Override
        public String kind() {
            return "event";
        }
    }

    /** One pair: an element of a relation. */
    record Pair(int from, int to) implements CatValue {
        @Override
        public String kind() {
            return "pair of events";
        }
    }

    /** {@code 'ONCE} of {@code enum Accesses}. */
    record Tag(String type, String name) implements CatValue {
        @Override
        public String kind() {
            return "tag";
        }
    }

    /** A set of values that are not events: of relations, of sets, of tags. Iteration order is insertion order. */
    record Values(java.util.Set<CatValue> elements) implements CatValue {
        @Override
        public String kind() {
            return "set of values";
        }

        @Override
        public boolean isEmpty() {
            return elements.isEmpty();
        }
    }

    record Tuple(List<CatValue> elements) implements CatValue {
        @Override
        public String kind() {
            return "tuple";
        }
    }

    /** A function written in cat, with the bindings it saw where it was written. */
    record Closure(Compiler.FunNode function, Frame frame, Run run) implements CatValue {
        @Override
        public String kind() {
            return "function";
        }
    }

    /** A function the interpreter provides ({@code domain}, {@code linearisations}, ...). */
    record Builtin(String name, Primitive apply) implements CatValue {
        @Override
        public String kind() {
            return "function";
        }
    }

    /** The body of a {@link Builtin}: its argument (a tuple for several), and where it was called. */
    interface Primitive {
        CatValue apply(CatPos pos, CatValue argument);
    }

    CatValue EMPTY = new Empty();
    CatValue UNIVERSE = new Universe();

    /** A cell of an environment: a value, or an expression still to evaluate (cat binds lazily, as herd7 does). */
    final class Cell {
        private CatValue value;
        private Compiler.Node node;
        private Frame frame;
        private Run run;
        private boolean forcing;

        Cell(CatValue value) {
            this.value = value;
        }

        Cell(Compiler.Node node, Frame frame, Run run) {
            this.node = node;
            this.frame = frame;
            this.run = run;
        }

        CatValue get() {
            if (value == null) {
                if (forcing) {
                    throw new CatException(node.pos(), "this definition depends on itself; use let rec");
                }
                forcing = true;
                try {
                    value = node.eval(frame, run);
                } finally {
                    forcing = false;
                }
                node = null;
                frame = null;
                run = null;
            }
            return value;
        }

        void set(CatValue v) {
            value = v;
            node = null;
            frame = null;
            run = null;
        }
    }

    /** The local bindings of a function call or a {@code let ... in}: cells, and the frame around them. */
    record Frame(Cell[] cells, Frame parent) {
    }
}
