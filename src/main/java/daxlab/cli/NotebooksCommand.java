package daxlab.cli;

import daxlab.kernel.Jupyter;
import daxlab.kernel.NotebookRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code daxlab notebooks}: run every notebook headless and write the HTML site. bin/daxlab
 * installs Jupyter first when it is missing (bin/ensure-jupyter). The checkout stays as it is:
 * executed notebooks go to the site, and only {@code --update-committed} writes them back.
 */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = {"Execute every notebook in notebooks/, then notebooks/solutions/, with the",
                "Java (daxlab) kernel and write the site: target/site/index.html (each",
                "notebook's title and what it settles), a page per notebook linked to the",
                "previous and the next, and the executed notebooks. The committed notebooks",
                "are left as they are unless --update-committed. Exit status 1 when any",
                "notebook failed."})
final class NotebooksCommand implements Callable<Integer> {
    @Mixin
    JupyterOptions jupyter;

    @Option(names = "--dir", description = "notebook directory, relative to the project (default: ${DEFAULT-VALUE})",
            defaultValue = "notebooks")
    String dir;

    @Option(names = "--site", description = "where the site goes, relative to the project (default: ${DEFAULT-VALUE})",
            defaultValue = "target/site")
    String site;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "seconds one cell may run (default: ${DEFAULT-VALUE})",
            defaultValue = "900", converter = OptionTypes.PositiveInt.class)
    int timeout;

    @Option(names = "--update-committed", description = {"also write each notebook that ran without error back",
            "into --dir, outputs included (to commit them)"})
    boolean updateCommitted;

    /** The default since the committed notebooks stopped being rewritten; still accepted. */
    @Option(names = "--no-save", hidden = true)
    boolean noSave;

    @Override
    public Integer call() throws Exception {
        if (noSave && updateCommitted) {
            throw new Main.UsageError("--no-save and --update-committed contradict each other");
        }
        Path root = jupyter.root();
        List<Path> notebooks = NotebookRun.notebooks(root.resolve(dir));
        if (notebooks.isEmpty()) {
            throw new Main.UsageError("no .ipynb files in " + root.resolve(dir));
        }
        Path out = root.resolve(site);
        List<String> unwritable = NotebookRun.unwritable(out, notebooks, updateCommitted);
        if (!unwritable.isEmpty()) {
            throw new Main.UsageError("nothing was run: the results could not be written\n  "
                    + String.join("\n  ", unwritable)
                    + (updateCommitted ? "" : "\n(without --update-committed only the site is written)"));
        }
        Jupyter j;
        try {
            j = Jupyter.prepare(root, jupyter.jar());
        } catch (IllegalStateException e) {
            throw new Main.UsageError(e.getMessage());
        }
        System.err.printf("daxlab: executing %d notebook(s) with %s (kernelspec in %s)%s%n", notebooks.size(),
                j.python(), j.jupyterPath(), updateCommitted ? "; updating the committed notebooks" : "");
        long started = System.nanoTime();
        List<NotebookRun.Result> results = NotebookRun.execute(j, notebooks, out, timeout, updateCommitted, System.err);
        long failed = results.stream().filter(r -> !r.ok()).count();
        System.err.printf(Locale.ROOT, "daxlab: %d notebook(s) in %.1f s, %d failed; site: %s%n", results.size(),
                (System.nanoTime() - started) / 1e9, failed, out.resolve("index.html"));
        if (failed > 0) {
            System.err.println("daxlab: failed: " + results.stream().filter(r -> !r.ok())
                    .map(r -> r.notebook().getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return failed == 0 ? 0 : 1;
    }
}
