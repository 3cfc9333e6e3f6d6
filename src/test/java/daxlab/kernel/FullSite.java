package daxlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The main job as a user runs it, once for every test class that needs it: {@code daxlab
 * notebooks} with its defaults on the committed notebooks, writing target/site. The checkout is
 * recorded just before and just after (every file outside target/ by content, and
 * {@code git status}), so a test can tell whether the run touched it.
 */
final class FullSite {
    static final Path SITE = JupyterTools.ROOT.resolve("target/site");

    /** How the run went, and the checkout around it. */
    record Outcome(JupyterTools.Run run, Map<String, String> before, Map<String, String> after,
                   String gitBefore, String gitAfter) {
    }

    private static Outcome outcome;

    private FullSite() {
    }

    static synchronized Outcome run() throws Exception {
        if (outcome == null) {
            JupyterTools.jupyter();
            Chromium.deleteTree(SITE);
            String gitBefore = git("status", "--porcelain", "--untracked-files=all");
            Map<String, String> before = snapshot(JupyterTools.ROOT);
            JupyterTools.Run run = JupyterTools.run(JupyterTools.daxlab("notebooks", "--root",
                    JupyterTools.ROOT.toString(), "--jar", JupyterTools.JAR.toString()), 1200);
            System.out.println(run.err());
            outcome = new Outcome(run, before, snapshot(JupyterTools.ROOT), gitBefore,
                    git("status", "--porcelain", "--untracked-files=all"));
        }
        return outcome;
    }

    /** Every file of the project outside target/ and .git, by the SHA-256 of its content. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> files = s.filter(p -> {
                Path rel = root.relativize(p);
                return !rel.startsWith("target") && !rel.startsWith(".git") && Files.isRegularFile(p);
            }).collect(Collectors.toList());
            for (Path p : files) {
                out.put(root.relativize(p).toString(), sha256(p));
            }
        }
        return out;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code git ...} in the project; fails the test when git cannot say. */
    static String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        JupyterTools.Run r;
        try {
            r = JupyterTools.run(new ProcessBuilder(cmd).directory(JupyterTools.ROOT.toFile()), 60);
        } catch (IOException e) {
            return fail("git is needed to check the checkout (apt-get install git)", e);
        }
        if (r.exit() != 0) {
            fail("git " + String.join(" ", args) + " failed in " + JupyterTools.ROOT + ": " + r.err());
        }
        return r.out();
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
