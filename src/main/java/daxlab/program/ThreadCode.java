package daxlab.program;

import java.util.List;

/** One thread of a program ({@code P0}, ...): a name and straight-line code with branches. */
public record ThreadCode(String name, List<Instr> body) {
    public ThreadCode {
        Names.requireIdentifier(name, "thread");
        body = List.copyOf(body);
    }
}
