package daxlab.axiomatic;

/**
 * Which reads of a candidate take a value some write determines, as herd7's equations do. A
 * write's value is determined when it is an initial write or every read it depends on (its data
 * dependencies, and the read of its own RMW for the arithmetic ones) is; a read's, when the write
 * it reads from is. What is left is a cycle of copies (r0 = *x; *y = r0 against r1 = *y;
 * *x = r1, each reading the other's write): herd7 leaves its value a symbol, {@code S8}. The
 * engines enumerate values, so the same cycle comes once with {@link daxlab.program.Value.Undetermined#S}
 * and once per number the locations may hold; only the first is herd7's execution.
 */
final class Grounding {
    private Grounding() {
    }

    /** Whether every read whose value no write determines reads the undetermined value, as in herd7. */
    static boolean asHerd7(Skeleton sk, Rel rf) {
        if (!sk.copiesValues) {
            return true;
        }
        long grounded = sk.inits | sk.groundedWrites;
        long reads = sk.reads;
        Rel from = rf.inverse();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (long bits = reads & ~grounded; bits != 0; bits &= bits - 1) {
                int r = Long.numberOfTrailingZeros(bits);
                long source = from.row(r);
                if (source != 0 ? (source & ~grounded) == 0 : sk.events[r].lock() != Event.LockPart.NONE) {
                    grounded |= 1L << r;
                    grew = true;
                }
            }
            for (long bits = sk.writes & ~grounded; bits != 0; bits &= bits - 1) {
                int w = Long.numberOfTrailingZeros(bits);
                if ((sk.valueDeps[w] & ~grounded) == 0) {
                    grounded |= 1L << w;
                    grew = true;
                }
            }
        }
        for (long bits = reads & ~grounded; bits != 0; bits &= bits - 1) {
            int r = Long.numberOfTrailingZeros(bits);
            if (sk.events[r].value().isDetermined()) {
                return false;
            }
        }
        return true;
    }
}
