package daxlab.outcome;

import daxlab.program.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One final state as the observables of a program report it: {@code holder_data=B; holder_ops=NULL; get=OK}.
 * Field order is the program's observable order; equality ignores order.
 */
public record Outcome(Map<String, Value> fields) implements Comparable<Outcome> {

    public Outcome {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Value get(String field) {
        Value v = fields.get(field);
        if (v == null) {
            throw new IllegalArgumentException("no field '" + field + "'; fields: " + fields.keySet());
        }
        return v;
    }

    /** herd7's way of writing a state: {@code holder_data=B; holder_ops=NULL;}. */
    public String text() {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public int compareTo(Outcome o) {
        return text().compareTo(o.text());
    }
}
