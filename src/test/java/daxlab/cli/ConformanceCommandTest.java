package daxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import daxlab.herd7.Herd7;
import daxlab.herd7.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code daxlab conformance} against a stand-in herd7 that prints herd7's recorded answers (or
 * tampered ones, or nothing in time), so that the command's lines, summary, exit codes, timeout,
 * recording and JSON are tested without herd7.
 */
class ConformanceCommandTest {

    private static Path recorded() throws URISyntaxException {
        return Path.of(ConformanceCommandTest.class.getResource("/daxlab/herd7/dax/" + Recording.README).toURI()).getParent();
    }

    /** A herd7 that answers NAME.litmus under sc.cat or the LKMM with the recorded answer, through {@code filter}. */
    private static Path fakeHerd7(Path dir, String filter) throws IOException, URISyntaxException {
        Path p = dir.resolve("herd7");
        Files.writeString(p, "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo '7.58, Rev: stand-in'; exit 0; fi\n"
                + "model=lkmm\n"
                + "for a; do case \"$a\" in sc.cat) model=sc;; esac; last=\"$a\"; done\n"
                + "name=$(basename \"$last\" .litmus)\n"
                + filter.replace("ANSWER", "'" + recorded() + "'/\"$name.$model.herd7\"") + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static Path lkmm(Path dir) throws IOException {
        Path d = Files.createDirectories(dir.resolve("memory-model"));
        for (String f : Herd7.LKMM_FILES) {
            Files.writeString(d.resolve(f), f.equals("linux-kernel.cfg") ? "variant lkmmv2\n" : "");
        }
        return d;
    }

    private static CliRun run(Path dir, String filter, String... args) throws IOException, URISyntaxException {
        List<String> all = new java.util.ArrayList<>(List.of("conformance", "--herd7", fakeHerd7(dir, filter).toString(),
                "--lkmm-dir", lkmm(dir).toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(new String[0]));
    }

    @Test
    void oneLinePerFileAndModelInHerd7sTermsAndASummary(@TempDir Path dir) throws Exception {
        CliRun r = run(dir, "cat ANSWER", "-j", "2", "dax-put-vs-get+ORIGINAL", "dax-put-vs-reader+CHECK_HOLDER_SRCU+READ_ONCE.");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertTrue(lines.get(0).startsWith("herd7: " + dir.resolve("herd7") + " (7.58, Rev: stand-in), LKMM files in "), lines.get(0));
        assertEquals("3 litmus files x lkmm, sc, -j 2, timeout 60.0 s per herd7 run", lines.get(1));
        assertTrue(lines.get(2).matches("agree +lkmm dax-put-vs-get\\+ORIGINAL +herd7: Sometimes 1 2, Flag data-race, 3 states"),
                lines.get(2));
        assertTrue(lines.get(3).matches("agree +sc +dax-put-vs-get\\+ORIGINAL +herd7: Sometimes 1 2, 3 states"), lines.get(3));
        assertTrue(lines.get(4).matches("agree +lkmm dax-put-vs-get\\+ORIGINAL\\+once +herd7: Sometimes 1 2, 3 states"),
                lines.get(4));
        // sc.cat does not wait for SRCU readers: herd7 reaches a state our SC engines do not.
        assertTrue(lines.get(7).matches("within +sc +dax-put-vs-reader\\+CHECK_HOLDER_SRCU\\+READ_ONCE +herd7: Sometimes 1 2,"
                + " 3 states; sc.cat has no grace periods \\(synchronize_srcu\\); sc: Never, 2 states; sc-axiomatic: Never 0 2,"
                + " 2 states"), lines.get(7));
        assertTrue(lines.get(8).matches("lkmm: 3 files: 3 agree, 0 differ; herd7 [0-9.]+ s \\(CPU by its Time lines [0-9.]+ s\\),"
                + " daxlab [0-9.]+ s \\(CPU [0-9.]+ s; lkmm\\)"), lines.get(8));
        assertTrue(lines.get(9).startsWith("sc: 3 files: 3 agree (1 by inclusion: sc.cat is weaker there), 0 differ; herd7 "),
                lines.get(9));
        assertTrue(lines.get(10).matches("daxlab: 6 agree, 0 differ; herd7 [0-9.]+ s, daxlab [0-9.]+ s: herd7 took [0-9.]+ times as long"
                + " \\(CPU: [0-9.]+ s, [0-9.]+ s, [0-9.]+ times\\)"), lines.get(10));
        assertEquals(11, lines.size(), r.out());
    }

    @Test
    void srcuStructCountsAgreeWithHerd7AndStrictChangesNothingThen(@TempDir Path dir) throws Exception {
        // Two threads in SRCU sections: srcu_read_lock/unlock are a load and a store of the
        // srcu_struct, as herd7's linux-kernel.def makes them, so the counts are herd7's (once a
        // documented difference, srcu-struct).
        CliRun r = run(dir, "cat ANSWER", "--model", "lkmm", "dax-kill-vs-reader+READ_ONCE.");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*agree +lkmm dax-kill-vs-reader\\+READ_ONCE +herd7: Never 0 8, 2 states\n.*"), r.out());
        assertTrue(r.out().contains("daxlab: 1 agree, 0 differ"), r.out());
        assertEquals(0, run(dir, "cat ANSWER", "--model", "lkmm", "--strict", "dax-kill-vs-reader+READ_ONCE.").code());
    }

    @Test
    void aDifferenceIsListedUnderItsFileAndExits1(@TempDir Path dir) throws Exception {
        CliRun r = run(dir, "sed 's/^Positive: 1 Negative: 2$/Positive: 1 Negative: 3/' ANSWER", "dax-put-vs-get+ORIGINAL.");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DIFFERS    lkmm dax-put-vs-get+ORIGINAL  herd7: Sometimes 1 2, Flag data-race, 3 states\n"
                + "    lkmm: Positive: 1 Negative: 2, herd7: Positive: 1 Negative: 3\n"), r.out());
        // Our SC interleavings count something else: only sc-axiomatic's counts are compared.
        assertTrue(r.out().contains("DIFFERS    sc   dax-put-vs-get+ORIGINAL  herd7: Sometimes 1 2, 3 states\n"
                + "    sc-axiomatic: Positive: 1 Negative: 2, herd7: Positive: 1 Negative: 3\n"), r.out());
        assertTrue(r.out().contains("daxlab: 0 agree, 2 differ;"), r.out());
    }

    @Test
    void aHerd7RunPastTheTimeoutIsNamedAndExits1(@TempDir Path dir) throws Exception {
        CliRun r = run(dir, "sleep 30", "--timeout", "0.5", "--model", "sc", "dax-put-vs-get+ORIGINAL.");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("not-run    sc   dax-put-vs-get+ORIGINAL  herd7 did not finish within 0.5 s (raise --timeout)"),
                r.out());
        assertTrue(r.out().contains("daxlab: 0 agree, 0 differ, 1 not run (no answer from herd7);"), r.out());
    }

    @Test
    void badUsageExits2WithOneLine(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("conformance", "--herd7", dir.resolve("no-herd7").toString());
        assertEquals(2, missing.code());
        assertEquals("daxlab: " + dir.resolve("no-herd7") + ": no executable herd7 there; give --herd7 PATH to herdtools7's"
                + " herd7, or set HERD7\n", missing.err());
        assertEquals(2, run(dir, "cat ANSWER", "-j", "0").code());
        assertEquals(2, run(dir, "cat ANSWER", "--model", "arm").code());
        CliRun none = run(dir, "cat ANSWER", "no-such-scenario");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no exported dax litmus file's name contains no-such-scenario"), none.err());
        assertEquals(2, run(dir, "cat ANSWER", "--record", dir.resolve("rec").toString(), "put-vs-get").code());
    }

    @Test
    void recordWritesHerd7sOutputUnchangedWithAManifestAndReadme(@TempDir Path dir) throws Exception {
        Path rec = Files.createDirectories(dir.resolve("rec"));
        Files.writeString(rec.resolve("dax-gone.lkmm.herd7"), "stale");
        CliRun r = run(dir, "cat ANSWER", "-j", "2", "--record", rec.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Recording.recorded(recorded()), Recording.recorded(rec), "every answer, and nothing stale");
        for (String n : Recording.recorded(rec)) {
            assertEquals(Files.readString(recorded().resolve(n)), Files.readString(rec.resolve(n)), n);
        }
        assertEquals(Files.readString(recorded().resolve(Recording.MANIFEST)), Files.readString(rec.resolve(Recording.MANIFEST)));
        String readme = Files.readString(rec.resolve(Recording.README));
        assertTrue(readme.contains("`herd7 -version`: `7.58, Rev: stand-in`"), readme);
        assertTrue(readme.contains("`linux-kernel.cfg` settings: `variant lkmmv2`."), readme);
        assertTrue(!readme.contains(dir.toString()), "no path of this machine in the README");
    }

    @Test
    void jsonHasEveryCheckWithHerd7sAnswerAndOurs(@TempDir Path dir) throws Exception {
        CliRun r = run(dir, "cat ANSWER", "--json", "--model", "lkmm", "dax-put-vs-get+ORIGINAL.");
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("7.58, Rev: stand-in", root.get("herd7").get("version").asText());
        JsonNode c = root.get("checks").get(0);
        assertEquals("dax-put-vs-get+ORIGINAL.litmus", c.get("file").asText());
        assertEquals("agree", c.get("status").asText());
        assertEquals("Sometimes", c.get("herd7Answer").get("observation").asText());
        assertEquals("data-race", c.get("herd7Answer").get("flags").get(0).asText());
        JsonNode e = c.get("engines").get(0);
        assertEquals("lkmm", e.get("engine").asText());
        assertEquals(3, e.get("answer").get("states").size());
        assertEquals(1, root.get("summary").get("agree").asInt());
        assertTrue(r.err().contains("daxlab: 1 agree, 0 differ;"), r.err());
    }
}
