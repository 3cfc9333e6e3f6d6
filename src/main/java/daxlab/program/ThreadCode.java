package daxlab.program;

import java.util.List;

/**
 * One thread of a program ({@code P0}, ...): a name and straight-line code with branches. SRCU
 * indices left unnamed are named here ({@link SrcuIndices}), so every engine sees each
 * {@code srcu_read_unlock()} pass back the index of a {@code srcu_read_lock()}.
 */
public record ThreadCode(String name, List<Instr> body) {
    public ThreadCode {
        Names.requireIdentifier(name, "thread");
        body = List.copyOf(SrcuIndices.name(body));
    }
}
