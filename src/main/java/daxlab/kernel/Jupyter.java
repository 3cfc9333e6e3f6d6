package daxlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Jupyter installation the pipeline drives: which Python (Debian's {@code /usr/bin/python3},
 * an active conda env, or {@code DAXLAB_PYTHON}), and a project-local Jupyter path
 * ({@code target/jupyter}) holding our kernelspec, so nothing outside the project is touched.
 */
public final class Jupyter {
    /** What Debian calls the packages the pipeline needs. */
    public static final String DEBIAN_PACKAGES =
            "jupyter-notebook python3-nbclient jupyter-nbconvert jupyter-client jupyter-nbformat";

    private final Path python;
    private final Path jupyterPath;

    private Jupyter(Path python, Path jupyterPath) {
        this.python = python;
        this.jupyterPath = jupyterPath;
    }

    /**
     * Finds Python with the Jupyter modules and installs our kernelspec under
     * {@code root/target/jupyter}, pointing at {@code jar}.
     *
     * @throws IllegalStateException with what to install when Jupyter is missing
     */
    public static Jupyter prepare(Path root, Path jar, String... modules) throws IOException {
        Path python = findPython();
        List<String> needed = new ArrayList<>(List.of("nbclient", "nbconvert", "nbformat", "jupyter_client"));
        needed.addAll(List.of(modules));
        String probe = "import " + String.join(", ", needed);
        if (run(List.of(python.toString(), "-c", probe), Map.of()) != 0) {
            throw new IllegalStateException("Jupyter is not installed for " + python + " (needs Python modules "
                    + needed + "). Run bin/daxlab notebooks (it installs them), .ci/run, or: apt-get install "
                    + DEBIAN_PACKAGES + " (or: conda env create -f environment.yml && conda activate daxlab)");
        }
        Path jupyterPath = root.resolve("target").resolve("jupyter").toAbsolutePath().normalize();
        Kernelspec.install(jupyterPath.resolve("kernels"), jar);
        return new Jupyter(python, jupyterPath);
    }

    /** DAXLAB_PYTHON, else an active conda env's python, else Debian's, else python3 on the PATH. */
    static Path findPython() {
        String explicit = System.getenv("DAXLAB_PYTHON");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        String conda = System.getenv("CONDA_PREFIX");
        if (conda != null && Files.isExecutable(Paths.get(conda, "bin", "python"))) {
            return Paths.get(conda, "bin", "python");
        }
        // Not the first python3 on the PATH: that may be a pyenv build without Debian's packages.
        Path debian = Paths.get("/usr/bin/python3");
        return Files.isExecutable(debian) ? debian : Paths.get("python3");
    }

    public Path python() {
        return python;
    }

    public Path jupyterPath() {
        return jupyterPath;
    }

    /** A process running {@code python args...} with our kernelspec visible. */
    public ProcessBuilder process(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(python.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        String existing = System.getenv("JUPYTER_PATH");
        pb.environment().put("JUPYTER_PATH", jupyterPath + (existing == null || existing.isBlank() ? "" : ":" + existing));
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return pb;
    }

    /** Copies a Python script shipped in the jar to target/jupyter, for python to run. */
    public Path script(String name) throws IOException {
        Path out = jupyterPath.resolve(name);
        try (InputStream in = Jupyter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource daxlab/kernel/" + name + " in the jar");
            }
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    private static int run(List<String> cmd, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
