package daxlab.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site of the notebooks as a reader sees it: every page in headless Chromium at 1280 px,
 * screenshots in target/site-check/screenshots, and nothing cut off, blank, overlapping, or
 * scrolling sideways; every page linked to its neighbours and the index.
 */
class SiteBrowserIT {
    @Test
    void everyPageOfTheSiteRendersWholeInChromium() throws Exception {
        JupyterTools.Run run = FullSite.run().run();
        assertEquals(0, run.exit(), "daxlab notebooks failed:\n" + run.err());
        SiteCheck.Report r = SiteCheck.check(FullSite.SITE, JupyterTools.ROOT.resolve("target/site-check"));
        System.out.println("site check: " + r.summary());
        assertEquals(10, r.pages(), "index, the seven notebooks of the thread, the exercises and their solutions");
        assertEquals(r.pages(), r.screenshots().size());
        for (Path shot : r.screenshots()) {
            assertTrue(Files.size(shot) > 10_000, "screenshot " + shot + " is " + Files.size(shot) + " bytes");
        }
        // The notebooks draw at least a dozen charts (the rest of their evidence is text tables).
        assertTrue(r.images() >= 12 && r.svgs() >= 12, "the notebooks' charts: " + r.summary());
        assertTrue(r.problems().isEmpty(), r.summary() + "\n" + String.join("\n", r.problems()));

        String index = FullSite.text(FullSite.SITE.resolve("index.html"));
        assertTrue(index.contains("<a href=\"01-the-bug.html\">01 — The bug: a late <code>holder_ops = NULL</code>"
                + " wipes the next holder's ops</a>"), "the index names each notebook by its heading");
        assertTrue(index.contains("9 notebooks, all ran."), index);
    }
}
