package daxlab.cli;

import daxlab.kernel.Jupyter;
import daxlab.kernel.NotebookRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code daxlab notebooks}: run every notebook headless and write the HTML site. bin/daxlab
 * installs Jupyter first when it is missing (bin/ensure-jupyter).
 */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Execute every notebook in notebooks/ with the Java (daxlab) kernel (outputs saved into the",
                "notebooks) and write target/site/index.html linking each rendered notebook."})
final class NotebooksCommand implements Callable<Integer> {
    @Mixin
    JupyterOptions jupyter;

    @Option(names = "--dir", description = "notebook directory, relative to the project (default: ${DEFAULT-VALUE})",
            defaultValue = "notebooks")
    String dir;

    @Option(names = "--site", description = "where the HTML goes, relative to the project (default: ${DEFAULT-VALUE})",
            defaultValue = "target/site")
    String site;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "seconds one cell may run (default: ${DEFAULT-VALUE})",
            defaultValue = "900", converter = OptionTypes.PositiveInt.class)
    int timeout;

    @Option(names = "--no-save", description = "leave the notebooks as they are; executed copies go to the site only")
    boolean noSave;

    @Override
    public Integer call() throws Exception {
        Path root = jupyter.root();
        Jupyter j;
        try {
            j = Jupyter.prepare(root, jupyter.jar());
        } catch (IllegalStateException e) {
            throw new Main.UsageError(e.getMessage());
        }
        List<Path> notebooks = NotebookRun.notebooks(root.resolve(dir));
        if (notebooks.isEmpty()) {
            throw new Main.UsageError("no .ipynb files in " + root.resolve(dir));
        }
        Path out = root.resolve(site);
        System.err.printf("daxlab: executing %d notebook(s) with %s (kernelspec in %s)%n", notebooks.size(),
                j.python(), j.jupyterPath());
        long started = System.nanoTime();
        List<NotebookRun.Result> results = NotebookRun.execute(j, notebooks, out, timeout, !noSave, System.err);
        long failed = results.stream().filter(r -> !r.ok()).count();
        System.err.printf("daxlab: %d notebook(s) in %.1f s, %d failed; site: %s%n", results.size(),
                (System.nanoTime() - started) / 1e9, failed, out.resolve("index.html"));
        return failed == 0 ? 0 : 1;
    }
}
