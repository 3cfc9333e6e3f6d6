package daxlab.axiomatic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelTest {
    private static Rel rel(int n, int... pairs) {
        Rel.Builder b = Rel.builder(n);
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    @Test
    void operators() {
        Rel a = rel(4, 0, 1, 1, 2);
        Rel b = rel(4, 1, 3, 2, 3);
        assertEquals(rel(4, 0, 3, 1, 3), a.seq(b));
        assertEquals(rel(4, 0, 1, 1, 2, 1, 3, 2, 3), a.union(b));
        assertEquals(rel(4), a.inter(b));
        assertEquals(rel(4, 1, 0, 2, 1), a.inverse());
        assertEquals(rel(4, 0, 1, 1, 2, 0, 2), a.plus());
        assertEquals(rel(4, 0, 0, 1, 1, 2, 2, 3, 3, 0, 1, 1, 2, 0, 2), a.star());
        assertEquals(rel(4, 0, 1), a.minus(rel(4, 1, 2)));
        assertEquals(rel(4, 1, 2), a.from(0b0110L));
        assertEquals(rel(4, 0, 1), a.to(0b0010L));
        assertEquals(0b0011L, a.domain());
        assertEquals(0b0110L, a.range());
        assertEquals(rel(4, 1, 1, 3, 3), Rel.id(4, 0b1010L));
        assertEquals(rel(4, 0, 2, 0, 3, 1, 2, 1, 3), Rel.product(4, 0b0011L, 0b1100L));
        assertEquals(rel(5, 4, 0, 4, 2, 0, 2), Rel.totalOrder(5, List.of(4, 0, 2)), "each before every later one");
        assertEquals(rel(3), Rel.totalOrder(3, List.of(1)));
    }

    @Test
    void cyclesAndChecks() {
        Rel chain = rel(64, 0, 1, 1, 2, 2, 63);
        assertTrue(chain.acyclic());
        assertTrue(chain.irreflexive());
        Rel loop = chain.union(rel(64, 63, 1));
        assertFalse(loop.acyclic());
        assertTrue(loop.irreflexive());
        assertFalse(loop.plus().irreflexive());
        assertEquals(List.of(1, 2, 63), loop.cycle());
        assertTrue(chain.cycle().isEmpty());
        assertTrue(rel(3).isEmpty());
    }
}
