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
 * <li>{@code ctrl}: into a branch condition, to the events in the branch's body, as herd7's C
 *     semantics has it (the LKMM claims no order for what follows the {@code if});</li>
 * <li>{@code ctrlAfter}: the same, to every later event: a CPU's view, where everything after a
 *     conditional branch waits for it (ARMv8 uses this one).</li>
 * </ul>
 * Indices are positions in {@link #events}. A trace with a {@code fault} stopped at an access to
 * something that is not a location.
 */
public record ThreadTrace(int thread, List<Event> events, List<int[]> addr, List<int[]> data, List<int[]> ctrl,
                          List<int[]> ctrlAfter, List<int[]> rmw, Map<String, Value> registers, String fault) {
    public ThreadTrace {
        events = List.copyOf(events);
        addr = List.copyOf(addr);
        data = List.copyOf(data);
        ctrl = List.copyOf(ctrl);
        ctrlAfter = List.copyOf(ctrlAfter);
        rmw = List.copyOf(rmw);
        registers = Map.copyOf(registers);
    }
}
