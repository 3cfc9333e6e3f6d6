package daxlab.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON form tools read: {@code {"scenario", "variant", "model", "unit", "total",
 * "outcomes": [{"outcome": {field: value}, "count", "class", "label", "witness": [...]}], "facts"}};
 * a run with LKMM data races adds {@code "racy"} to every outcome (its executions that race) and
 * {@code "races": [{"location", "first", "second", "executions"}]}, each side
 * {@code {"thread", "function", "code", "op", "plain"}}.
 * Values are their symbolic names ({@code "NULL"}, {@code "opsB"}).
 */
public final class HistogramJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HistogramJson() {
    }

    public static ObjectNode toNode(Histogram h) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", h.scenario());
        root.put("variant", h.variant());
        root.put("model", h.model());
        root.put("unit", h.unit());
        root.put("total", h.total());
        ArrayNode outcomes = root.putArray("outcomes");
        for (Histogram.Entry e : h.entries()) {
            ObjectNode o = outcomes.addObject();
            ObjectNode fields = o.putObject("outcome");
            e.outcome().fields().forEach((k, v) -> fields.put(k, v.toString()));
            o.put("count", e.count());
            o.put("class", e.outcomeClass().name());
            if (!e.grade().label().isEmpty()) {
                o.put("label", e.grade().label());
            }
            if (!h.races().isEmpty()) {
                o.put("racy", e.racy());
            }
            if (e.witness() != null) {
                ArrayNode w = o.putArray("witness");
                e.witness().lines().forEach(w::add);
            }
        }
        ObjectNode facts = root.putObject("facts");
        h.facts().forEach(facts::put);
        if (!h.races().isEmpty()) {
            ArrayNode races = root.putArray("races");
            for (Race r : h.races()) {
                ObjectNode n = races.addObject();
                n.put("location", r.location());
                access(n.putObject("first"), r.first());
                access(n.putObject("second"), r.second());
                n.put("executions", r.executions());
            }
        }
        return root;
    }

    private static void access(ObjectNode n, Race.Access a) {
        n.put("thread", a.thread());
        a.function().ifPresent(f -> n.put("function", f));
        n.put("code", a.code());
        n.put("op", a.op().word());
        n.put("plain", a.plain());
    }

    public static String toJson(Histogram h) {
        return write(toNode(h));
    }

    public static String toJson(List<Histogram> hs) {
        ArrayNode arr = MAPPER.createArrayNode();
        hs.forEach(h -> arr.add(toNode(h)));
        return write(arr);
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
