package daxlab.interleave;

import java.math.BigInteger;

/** An exact count: a long while it fits, a BigInteger after. */
final class Counter {
    private long small;
    private BigInteger big;

    Counter(long initial) {
        small = initial;
    }

    void add(Counter other) {
        if (big == null && other.big == null) {
            long r = small + other.small;
            // Overflow iff both operands have the sign opposite to the result's.
            if (((small ^ r) & (other.small ^ r)) >= 0) {
                small = r;
                return;
            }
        }
        big = value().add(other.value());
    }

    BigInteger value() {
        return big != null ? big : BigInteger.valueOf(small);
    }
}
