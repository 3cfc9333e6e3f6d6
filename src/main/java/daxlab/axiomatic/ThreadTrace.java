package daxlab.axiomatic;

import daxlab.program.Value;

import java.util.List;
import java.util.Map;

/**
 * One way a thread can run, once the value of each of its reads is fixed: its events in program
 * order and the dependencies between them. The dependencies come from the registers each
 * instruction's expressions read ({@code Expr.registers()}), followed through assignments:
 * <ul>
 * <li>{@code addr}: a read's value flows into a later access's address;</li>
 * <li>{@code data}: into a later write's value;</li>
 * <li>{@code ctrl}: into a branch condition; it then reaches every later event, as herd7 has it.</li>
 * </ul>
 * Indices are positions in {@link #events}.
 */
public record ThreadTrace(int thread, List<Event> events, List<int[]> addr, List<int[]> data, List<int[]> ctrl,
                          List<int[]> rmw, Map<String, Value> registers) {
    public ThreadTrace {
        events = List.copyOf(events);
        addr = List.copyOf(addr);
        data = List.copyOf(data);
        ctrl = List.copyOf(ctrl);
        rmw = List.copyOf(rmw);
        registers = Map.copyOf(registers);
    }
}
