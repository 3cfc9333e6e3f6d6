package daxlab.cli;

import daxlab.kernel.DaxlabKernel;
import daxlab.kernel.Kernelspec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code daxlab install-kernel}: the kernelspec, for a Jupyter of your own. */
@Command(name = "install-kernel", mixinStandardHelpOptions = true,
        description = {"Install the Java (daxlab) kernelspec (kernel name 'daxlab'; an IJava 'java' kernel is left alone).",
                "Default: into the project's target/jupyter (use with JUPYTER_PATH=target/jupyter);",
                "--user: into your Jupyter data directory, for every Jupyter you start."})
final class InstallKernelCommand implements Callable<Integer> {
    @Mixin
    JupyterOptions jupyter;

    @Option(names = "--user", description = "install for the current user ($JUPYTER_DATA_DIR or ~/.local/share/jupyter)")
    boolean user;

    @Option(names = "--kernels-dir", paramLabel = "DIR", description = "install into this kernels directory instead")
    Path kernelsDir;

    @Override
    public Integer call() throws Exception {
        Path kernels = kernelsDir != null ? kernelsDir
                : user ? Kernelspec.userKernels()
                : jupyter.root().resolve("target").resolve("jupyter").resolve("kernels");
        Kernelspec.Installed installed;
        try {
            installed = Kernelspec.install(kernels, jupyter.jar());
        } catch (java.io.IOException e) {
            throw new Main.UsageError((kernelsDir != null ? "--kernels-dir " : "") + kernels
                    + ": cannot install the kernelspec there: " + Main.describe(e));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage()); // no jar where --jar (or the running one) says
        }
        System.out.println("installed kernel '" + DaxlabKernel.NAME + "' (" + DaxlabKernel.DISPLAY_NAME + ") in "
                + installed.dir());
        installed.replacedOldName().ifPresent(old -> System.out.println("removed " + old
                + ": daxlab's kernelspec under its old name 'java' (another kernel named 'java' would have been left alone)"));
        if (!user && kernelsDir == null) {
            System.out.println("use it with: JUPYTER_PATH=" + kernels.getParent() + " jupyter notebook");
        }
        return 0;
    }
}
