package daxlab.herd7;

import daxlab.dax.export.DaxExport;
import daxlab.litmus.Herd7Result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * herd7's answers kept in the project (src/main/resources/daxlab/herd7/dax), so that the build checks our
 * engines against herd7 without herd7: one file per exported litmus file and model, herd7's output
 * unchanged ({@code NAME.lkmm.herd7}, {@code NAME.sc.herd7}); {@value #MANIFEST}, the sha256 of
 * each exported file they answer (in {@code sha256sum} format), so that an export that changed
 * since is caught; and a README saying which herd7 and LKMM produced them and how to re-record.
 */
public final class Recording {
    public static final String MANIFEST = "litmus.sha256";
    public static final String README = "README.md";
    /** The recordings' place in the project, for messages and the README. */
    public static final String PROJECT_DIR = "src/main/resources/daxlab/herd7/dax";
    /** The same, as a class-path resource directory: the jar carries them, and the reply quotes them. */
    public static final String RESOURCE_DIR = "daxlab/herd7/dax";
    /** The command that re-records them, from the project's root. */
    public static final String RECORD_COMMAND = "bin/daxlab conformance --herd7 PATH/TO/herd7 "
            + "--lkmm-dir PATH/TO/linux/tools/memory-model -j 2 --record " + PROJECT_DIR;

    private Recording() {
    }

    /**
     * Replaces the recordings in {@code dir} by this run's: every {@code *.herd7} there is removed
     * first (a scenario renamed or dropped leaves nothing behind), then herd7's output of every
     * check that has one is written, with the manifest of {@code exports} and the README.
     * Returns the number of answers written.
     */
    public static int write(Path dir, Herd7 herd7, List<DaxExport.Export> exports, List<Conformance.Check> checks)
            throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old.filter(p -> p.getFileName().toString().endsWith(".herd7"))::iterator) {
                Files.delete(p);
            }
        }
        int written = 0;
        for (Conformance.Check c : checks) {
            if (c.run().isPresent() && c.herd7().isPresent()) {
                Files.writeString(dir.resolve(c.name()), c.run().get().stdout(), StandardCharsets.UTF_8);
                written++;
            }
        }
        StringBuilder manifest = new StringBuilder();
        for (DaxExport.Export e : exports) {
            manifest.append(sha256(e.text())).append("  ").append(e.fileName()).append('\n');
        }
        Files.writeString(dir.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(README), readme(herd7, exports.size()), StandardCharsets.UTF_8);
        return written;
    }

    /** The recorded answer for an exported file under a model, if there is one. */
    public static Optional<Herd7Result> read(Path dir, DaxExport.Export e, Herd7Model model) throws IOException {
        Path p = dir.resolve(model.recordName(e.fileName()));
        return Files.isRegularFile(p) ? Optional.of(Herd7Result.parse(p)) : Optional.empty();
    }

    /** The manifest: litmus file name to the sha256 of the text herd7 answered. */
    public static Map<String, String> manifest(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path p = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(p)) {
            return out;
        }
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String[] w = l.strip().split("\\s+", 2);
            if (w.length == 2) {
                out.put(w[1], w[0]);
            }
        }
        return out;
    }

    /** The recorded answers' file names in {@code dir}. */
    public static List<String> recorded(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".herd7")).sorted().forEach(out::add);
        }
        return out;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The README: which herd7 and which LKMM files answered, and how to re-record. No paths of this machine. */
    static String readme(Herd7 herd7, int files) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# herd7's answers on the dax litmus files\n\n");
        sb.append("Written by `daxlab conformance --record`; do not edit. For each of the ").append(files)
                .append(" litmus files `DaxExport` writes\n(`bin/daxlab litmus --export-dax DIR`: every scenario and variant, ")
                .append("as written and `+once`), herd7's\noutput, unchanged, under two models:\n\n");
        for (Herd7Model m : Herd7Model.values()) {
            sb.append("- `NAME.").append(m.id()).append(".herd7`: `herd7 ").append(m.optionsText()).append(" NAME.litmus`\n");
        }
        sb.append("\nwhere `LKMM` is the directory of the Linux-kernel memory model's files (the kernel's\n")
                .append("`tools/memory-model`). `sc.cat` is herdtools7's: sequential consistency over memory accesses,\n")
                .append("without the LKMM's grace periods or lock.cat, so on files that call `synchronize_srcu()` it\n")
                .append("may allow more than our SC engines do (the conformance compares those by inclusion).\n\n");
        sb.append("`").append(MANIFEST).append("` is the sha256 of each litmus file answered (`sha256sum -c ").append(MANIFEST)
                .append("` in a\ndirectory written by `bin/daxlab litmus --export-dax`).\n\n");
        sb.append("## Which herd7 and which LKMM\n\n");
        sb.append("`herd7 -version`: `").append(herd7.version()).append("`\n\n");
        sb.append("The LKMM's files, sha256:\n\n```\n");
        for (String f : Herd7.LKMM_FILES) {
            sb.append(sha256(herd7.lkmmDir().resolve(f))).append("  ").append(f).append('\n');
        }
        sb.append("```\n\n`linux-kernel.cfg` settings:");
        for (String l : Files.readAllLines(herd7.lkmmDir().resolve("linux-kernel.cfg"), StandardCharsets.UTF_8)) {
            String s = l.strip();
            if (s.matches("(macros|bell|model|cat|variant)\\s.*")) {
                sb.append(" `").append(s).append('`');
            }
        }
        sb.append(".\n\n## Checked on every build, re-recorded in one command\n\n");
        sb.append("`daxlab.herd7.RecordedHerd7Test` (part of `mvn verify`, no herd7 needed) checks that for every file\n")
                .append("`DaxExport` exports, our engines (`lkmm` for `.lkmm.herd7`; `sc` and `sc-axiomatic` for\n")
                .append("`.sc.herd7`) give exactly these answers: verdict, flags, final states, and the Positive/Negative\n")
                .append("counts of executions; that every exported file has its answers; and that no file changed since.\n")
                .append("Differences that are understood are documented line for line in\n")
                .append("`src/main/resources").append(KnownDifferences.RESOURCE).append("`.\n\n");
        sb.append("After adding or changing a scenario, re-record from the project's root (herd7 from herdtools7,\n")
                .append("the LKMM's files from a kernel tree):\n\n```\n").append(RECORD_COMMAND).append("\n```\n");
        return sb.toString();
    }
}
