package daxlab.herd7;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A herd7 to run: its executable, the directory of the LKMM's files (the kernel's
 * {@code tools/memory-model}: {@code linux-kernel.cfg}, {@code .bell}, {@code .cat}, {@code .def},
 * {@code lock.cat}) and what {@code herd7 -version} says. herd7 is never part of the project: the
 * user brings their own (herdtools7), so everything here fails with one line saying what to give.
 */
public record Herd7(Path executable, Path lkmmDir, String version) {

    /** The LKMM's files herd7 reads through {@code linux-kernel.cfg}. */
    public static final List<String> LKMM_FILES = List.of("linux-kernel.cfg", "linux-kernel.bell", "linux-kernel.cat",
            "linux-kernel.def", "lock.cat");

    /** herd7 or the LKMM's files cannot be found or run; the message is one line saying how to give them. */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /**
     * Finds herd7: {@code herd7} if given, else {@code $HERD7}, else {@code herd7} on the
     * {@code PATH}; and the LKMM's files: {@code lkmmDir} if given, else the current directory when
     * it holds {@code linux-kernel.cfg} (herd7 is usually run from {@code tools/memory-model}), else
     * {@code lkmm/} beside the herd7 executable. Runs {@code herd7 -version} to make sure it runs.
     */
    public static Herd7 locate(Path herd7, Path lkmmDir, Map<String, String> env) {
        Path exe = herd7;
        if (exe == null && env.get("HERD7") != null && !env.get("HERD7").isBlank()) {
            exe = Path.of(env.get("HERD7"));
        }
        if (exe == null) {
            exe = onPath("herd7", env.getOrDefault("PATH", ""));
        }
        if (exe == null) {
            throw new NotFound("herd7 not found: give --herd7 PATH to herdtools7's herd7, or set HERD7, "
                    + "or put herd7 on the PATH");
        }
        if (Files.isDirectory(exe)) {
            exe = exe.resolve("herd7");
        }
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            throw new NotFound(exe + ": no executable herd7 there; give --herd7 PATH to herdtools7's herd7, or set HERD7");
        }
        Path dir = lkmmDir;
        if (dir == null) {
            Path here = Path.of("").toAbsolutePath();
            Path beside = exe.toAbsolutePath().getParent().resolve("lkmm");
            dir = Files.isRegularFile(here.resolve("linux-kernel.cfg")) ? here
                    : Files.isRegularFile(beside.resolve("linux-kernel.cfg")) ? beside : null;
        }
        if (dir == null) {
            throw new NotFound("the LKMM's files (linux-kernel.cfg, .bell, .cat, .def, lock.cat) not found: "
                    + "give --lkmm-dir with the kernel's tools/memory-model directory");
        }
        List<String> missing = new ArrayList<>();
        for (String f : LKMM_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new NotFound(dir + ": no " + String.join(", ", missing)
                    + " there; give --lkmm-dir with the kernel's tools/memory-model directory");
        }
        return new Herd7(exe.toAbsolutePath(), dir.toAbsolutePath(), version(exe));
    }

    private static Path onPath(String name, String path) {
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String version(Path exe) {
        Path out = null;
        try {
            out = Files.createTempFile("daxlab-herd7-version", ".txt");
            Process p = new ProcessBuilder(exe.toString(), "-version").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                kill(p);
                throw new NotFound(exe + " -version did not answer within 30 s; give --herd7 PATH to herdtools7's herd7");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8).strip();
            String first = text.lines().findFirst().orElse("");
            if (p.exitValue() != 0 || first.isEmpty()) {
                throw new NotFound(exe + " -version failed (status " + p.exitValue() + (first.isEmpty() ? "" : ": " + first)
                        + "); give --herd7 PATH to herdtools7's herd7");
            }
            return first;
        } catch (IOException e) {
            throw new NotFound(exe + ": cannot run: " + e.getMessage() + "; give --herd7 PATH to herdtools7's herd7");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotFound(exe + " -version interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The command that runs {@code litmus} under {@code model}. */
    public List<String> command(Herd7Model model, Path litmus) {
        List<String> c = new ArrayList<>();
        c.add(executable.toString());
        c.addAll(model.options(lkmmDir));
        c.add(litmus.toString());
        return c;
    }

    /**
     * Runs herd7 on one file; stdout and stderr go to files beside it ({@code NAME.lkmm.out},
     * {@code .err}), so that a long output cannot block the process. Past {@code timeout} herd7
     * and whatever it started are killed and the run says so.
     */
    public Herd7Run run(Herd7Model model, Path litmus, Duration timeout) throws IOException, InterruptedException {
        List<String> command = command(model, litmus);
        String base = model.recordName(litmus.getFileName().toString());
        Path out = litmus.resolveSibling(base + ".out");
        Path err = litmus.resolveSibling(base + ".err");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (!finished) {
            kill(p);
        }
        return new Herd7Run(model, litmus, command, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), finished ? p.exitValue() : -1, !finished, timeout, elapsed);
    }

    /** Kills a process we started and everything it started. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
