package daxlab.stress;

import daxlab.outcome.Histogram;

import java.util.Map;

/**
 * What one stress test did: the observations of all run modes together, and of each mode alone
 * (the double read behaves very differently interpreted and compiled).
 */
public record StressRun(StressTest test, Histogram histogram, Map<RunMode, Histogram> byMode) {
    public StressRun {
        byMode = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(byMode));
    }
}
