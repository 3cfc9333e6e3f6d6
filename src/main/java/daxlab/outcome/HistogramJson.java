package daxlab.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON form tools read: {@code {"scenario", "variant", "model", "unit", "total",
 * "outcomes": [{"outcome": {field: value}, "count", "class", "label", "witness": [...]}]}}.
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
            if (e.witness() != null) {
                ArrayNode w = o.putArray("witness");
                e.witness().lines().forEach(w::add);
            }
        }
        ObjectNode facts = root.putObject("facts");
        h.facts().forEach(facts::put);
        return root;
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
