package daxlab.verdict;

import daxlab.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code daxlab report --json}: every candidate (exactly one recommended, when one is sound) and
 * every cell, each naming its litmus file.
 * <pre>
 * {"models": [...], "properties": [{"id", "title", "claim", "scenarios"}],
 *  "candidates": [{"name", "put", "reader", "accessors", "hypothetical", "participant", "recommended"}],
 *  "cells": [{"candidate", "property", "model", "verdict": "ok"|"BAD", "race", "races", "bad", "total",
 *             "unit", "litmus"}]}
 * </pre>
 */
public final class Json {
    private Json() {
    }

    public static String of(Review r) {
        Matrix m = r.matrix();
        Candidate rec = m.recommended().orElse(null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("models", m.models().stream().map(Engine::id).toArray());
        List<Object> properties = new ArrayList<>();
        for (Property p : m.properties()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", p.id());
            o.put("title", p.title());
            o.put("claim", p.claim());
            o.put("scenarios", p.scenarios().stream().map(Object::toString).toArray());
            properties.add(o);
        }
        root.put("properties", properties);
        List<Object> candidates = new ArrayList<>();
        for (Candidate c : m.candidates()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", c.name());
            o.put("put", c.put().id());
            o.put("reader", c.reader().id());
            o.put("accessors", c.accessors().name());
            o.put("hypothetical", c.hypothetical());
            o.put("participant", c.participant());
            o.put("recommended", c.equals(rec));
            candidates.add(o);
        }
        root.put("candidates", candidates);
        List<Object> cells = new ArrayList<>();
        for (Cell c : m.cells()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("candidate", c.candidate().name());
            o.put("property", c.property().id());
            o.put("model", c.model().id());
            o.put("verdict", c.verdict());
            o.put("race", c.race());
            o.put("races", c.races());
            o.put("bad", c.bad());
            o.put("total", c.total());
            o.put("unit", c.runs().isEmpty() ? null : c.runs().get(0).histogram().unit());
            o.put("litmus", c.litmus());
            if (c.error() != null) {
                o.put("error", c.error());
            }
            cells.add(o);
        }
        root.put("cells", cells);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
