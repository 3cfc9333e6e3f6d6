package daxlab.lab;

import daxlab.program.Instr;
import daxlab.program.Program;
import daxlab.program.ThreadCode;
import daxlab.program.Walk;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a program: each thread's shared-memory accesses in program order, as
 * {@code P1: load holder_ops, load holder_data}. Registers, values and orderings are left out,
 * so that a litmus test written by hand compares with the scenario it stands for.
 */
final class Accesses {
    private Accesses() {
    }

    /** {@code load}, {@code store}, {@code rmw} for the accesses to memory the shape lists; null for the rest. */
    private static final Instr.Visitor<String> KIND = new Instr.Visitor<>() {
        @Override
        public String load(Instr.Load i) {
            return "load";
        }

        @Override
        public String store(Instr.Store i) {
            return "store";
        }

        @Override
        public String rmw(Instr.Rmw i) {
            return "rmw";
        }

        @Override
        public String fence(Instr.Fence i) {
            return null;
        }

        @Override
        public String assign(Instr.Assign i) {
            return null;
        }

        @Override
        public String branch(Instr.If i) {
            return null;
        }

        @Override
        public String call(Instr.Call i) {
            return null;
        }

        @Override
        public String srcu(Instr.Srcu i) {
            return null;
        }

        @Override
        public String lock(Instr.Lock i) {
            return null;
        }
    };

    static List<String> of(Program p) {
        List<String> out = new ArrayList<>();
        for (ThreadCode t : p.threads()) {
            List<String> accesses = new ArrayList<>();
            Walk.each(t.body(), i -> {
                String kind = i.accept(KIND);
                if (kind != null) {
                    accesses.add(kind + " " + Instr.target(Walk.address(i)));
                }
            });
            out.add(t.name() + ": " + String.join(", ", accesses));
        }
        return out;
    }
}
