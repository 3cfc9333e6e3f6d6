package daxlab.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job leaves the checkout as it found it: `daxlab notebooks` writes its executed copies
 * under target/ and nothing else, however the stress counts came out this time.
 */
class CheckoutCleanIT {
    @Test
    void theNotebooksRunChangesNoFileOutsideTarget() throws Exception {
        FullSite.Outcome o = FullSite.run();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : o.after().entrySet()) {
            String was = o.before().get(e.getKey());
            if (was == null) {
                changed.add("new: " + e.getKey());
            } else if (!was.equals(e.getValue())) {
                changed.add("changed: " + e.getKey());
            }
        }
        o.before().keySet().stream().filter(k -> !o.after().containsKey(k)).forEach(k -> changed.add("gone: " + k));
        assertTrue(changed.isEmpty(), "daxlab notebooks touched the checkout: " + changed);
        assertEquals(o.gitBefore(), o.gitAfter(), "git status before and after daxlab notebooks");
        assertTrue(o.before().keySet().stream().anyMatch(k -> k.endsWith(".ipynb")), "the notebooks were looked at");
        assertTrue(FullSite.SITE.resolve("01-the-bug.ipynb").toFile().isFile(), "the executed copies went to target/site");
    }
}
