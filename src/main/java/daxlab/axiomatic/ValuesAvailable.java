package daxlab.axiomatic;

import daxlab.program.Program;
import daxlab.program.Value;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether every value the chosen traces (one per thread) read is an initial value or stored by
 * one of them. Most combinations of traces fail this; rejecting them before building their
 * events is what keeps programs with many paths cheap. Lock reads are left out: they are
 * matched structurally ({@link LockChoices}).
 */
final class ValuesAvailable {
    /** A read of a data location and the value it returns, or a write and the value it stores. */
    private record Access(String location, Value value) {
    }

    /** What one trace reads and writes. */
    private record Accesses(Set<Access> reads, Set<Access> writes) {
    }

    private final Program program;
    private final Map<ThreadTrace, Accesses> accesses = new IdentityHashMap<>();

    ValuesAvailable(Program program) {
        this.program = program;
    }

    boolean test(List<ThreadTrace> chosen) {
        Set<Access> written = new HashSet<>();
        Skeleton.initialValues(program).forEach((l, v) -> written.add(new Access(l, v)));
        for (ThreadTrace t : chosen) {
            written.addAll(accessesOf(t).writes());
        }
        for (ThreadTrace t : chosen) {
            if (!written.containsAll(accessesOf(t).reads())) {
                return false;
            }
        }
        return true;
    }

    private Accesses accessesOf(ThreadTrace t) {
        return accesses.computeIfAbsent(t, k -> {
            Accesses a = new Accesses(new HashSet<>(), new HashSet<>());
            for (Event e : k.events()) {
                if (e.lock() != Event.LockPart.NONE) {
                    continue;
                }
                if (e.isRead()) {
                    a.reads().add(new Access(e.location(), e.value()));
                } else if (e.isWrite()) {
                    a.writes().add(new Access(e.location(), e.value()));
                }
            }
            return a;
        });
    }
}
