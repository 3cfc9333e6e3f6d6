package daxlab.cli;

import daxlab.kernel.Kernelspec;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the project is and which jar the kernel runs: shared by the Jupyter commands. */
final class JupyterOptions {
    @Option(names = "--root", description = "the project directory (default: $DAXLAB_ROOT, set by bin/daxlab, or .)")
    Path root;

    @Option(names = "--jar", description = "the daxlab jar the kernel runs (default: the running one)")
    Path jar;

    Path root() {
        if (root != null) {
            return root.toAbsolutePath().normalize();
        }
        String env = System.getenv("DAXLAB_ROOT");
        return Paths.get(env == null || env.isBlank() ? "." : env).toAbsolutePath().normalize();
    }

    Path jar() {
        return jar != null ? jar.toAbsolutePath().normalize() : Kernelspec.ownJar();
    }
}
