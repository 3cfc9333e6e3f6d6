package daxlab.herd7;

import daxlab.herd7.Conformance.Check;
import daxlab.herd7.Conformance.EngineCheck;
import daxlab.herd7.Conformance.Status;
import daxlab.dax.export.DaxExport;
import daxlab.litmus.Herd7Result;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * herd7's recorded answers (src/main/resources/daxlab/herd7/dax, written by {@code daxlab conformance
 * --record}) against our engines, on every file {@link DaxExport} exports today: the comparison
 * {@code daxlab conformance} makes against live herd7, without herd7. The files come from
 * DaxExport, never from a list, so a new scenario without recorded answers fails here with the
 * command that records them.
 */
class RecordedHerd7Test {
    private static final String RECORD = "record herd7's answers with: " + Recording.RECORD_COMMAND;

    private static Path dir() {
        URL readme = RecordedHerd7Test.class.getResource("/daxlab/herd7/dax/" + Recording.README);
        if (readme == null) {
            fail("no recorded herd7 answers in " + Recording.PROJECT_DIR + "; " + RECORD);
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExportedFileGetsHerd7sRecordedAnswerFromOurEngines() throws IOException {
        Path dir = dir();
        Map<String, String> manifest = Recording.manifest(dir);
        KnownDifferences known = KnownDifferences.project();
        List<DynamicTest> tests = new ArrayList<>();
        for (DaxExport.Export e : DaxExport.all()) {
            for (Herd7Model m : Herd7Model.values()) {
                tests.add(DynamicTest.dynamicTest(m.recordName(e.fileName()), () -> check(dir, manifest, known, e, m)));
            }
        }
        return tests.stream();
    }

    private static void check(Path dir, Map<String, String> manifest, KnownDifferences known, DaxExport.Export e,
                              Herd7Model m) throws IOException {
        String name = m.recordName(e.fileName());
        Optional<Herd7Result> herd7 = Recording.read(dir, e, m);
        assertTrue(herd7.isPresent(), () -> "no herd7 answer recorded for " + e.fileName() + " under " + m.id()
                + " (" + Recording.PROJECT_DIR + "/" + name + "); " + RECORD);
        assertEquals(manifest.get(e.fileName()), Recording.sha256(e.text()),
                () -> e.fileName() + " is not the file herd7 answered (" + Recording.PROJECT_DIR + "/" + Recording.MANIFEST
                        + "): the export changed since; " + RECORD);
        Check c = Conformance.compare(e, m, herd7.get(), Optional.empty(), known);
        assertEquals(m.engines(), c.engines().stream().map(EngineCheck::engine).collect(Collectors.toList()));
        for (EngineCheck x : c.engines()) {
            assertTrue(x.status() == Status.AGREE || x.status() == Status.WITHIN || x.status() == Status.DOCUMENTED,
                    () -> name + ": " + x.engine() + " differs from herd7:\n  " + String.join("\n  ", x.differences()));
            if (x.status() == Status.WITHIN) {
                // Inclusion only where herd7's model is the weaker one, and then strictly weaker.
                assertTrue(c.weaker().isPresent(), name);
                assertTrue(herd7.get().outcomes().containsAll(x.ours().orElseThrow().outcomes()), name);
            }
        }
        if (m == Herd7Model.LKMM) {
            assertTrue(c.weaker().isEmpty(), "herd7's LKMM is compared exactly");
        }
    }

    @Test
    void everyRecordingAndManifestLineIsForAFileExportedToday() throws IOException {
        Path dir = dir();
        Set<String> expected = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (DaxExport.Export e : DaxExport.all()) {
            files.add(e.fileName());
            for (Herd7Model m : Herd7Model.values()) {
                expected.add(m.recordName(e.fileName()));
            }
        }
        List<String> stale = Recording.recorded(dir).stream().filter(n -> !expected.contains(n)).collect(Collectors.toList());
        assertTrue(stale.isEmpty(), () -> "recorded answers for files DaxExport no longer exports: " + stale + "; " + RECORD);
        assertEquals(files, Recording.manifest(dir).keySet(), () -> Recording.MANIFEST + " is stale; " + RECORD);
    }

    @Test
    void everyDocumentedDifferenceIsAboutAFileExportedToday() {
        Set<String> files = DaxExport.all().stream().map(DaxExport.Export::fileName).collect(Collectors.toSet());
        for (KnownDifferences.Entry k : KnownDifferences.project().all()) {
            assertTrue(files.contains(k.file()), () -> KnownDifferences.RESOURCE + " documents " + k.file()
                    + ", which DaxExport no longer exports: remove it there");
            assertTrue(k.model().engines().contains(k.engine()), k.engine() + " does not answer for " + k.model().id());
            assertFalse(k.why().isBlank());
        }
    }

    @Test
    void theReadmeSaysWhichHerd7AndHowToRecordAgain() throws IOException {
        String readme = java.nio.file.Files.readString(dir().resolve(Recording.README));
        assertTrue(readme.contains("`herd7 -version`: `"), readme);
        for (String f : Herd7.LKMM_FILES) {
            assertTrue(readme.matches("(?s).*[0-9a-f]{64}  " + java.util.regex.Pattern.quote(f) + "\n.*"), f);
        }
        assertTrue(readme.contains(Recording.RECORD_COMMAND), readme);
    }
}
