package daxlab.cli;

import daxlab.kernel.Jupyter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code daxlab lab}: Jupyter Notebook on notebooks/, with the Java (daxlab) kernel. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Start Jupyter Notebook on notebooks/ with the Java (daxlab) kernel (Ctrl-C stops it).")
final class LabCommand implements Callable<Integer> {
    @Mixin
    JupyterOptions jupyter;

    @Option(names = "--port", paramLabel = "PORT", description = "port to serve on, 1..65535 (default: ${DEFAULT-VALUE})",
            defaultValue = "8888", converter = OptionTypes.Port.class)
    int port;

    @Option(names = "--no-browser", description = "do not open a browser")
    boolean noBrowser;

    @Override
    public Integer call() throws Exception {
        Jupyter j;
        try {
            j = Jupyter.prepare(jupyter.root(), jupyter.jar(), "notebook");
        } catch (IllegalStateException e) {
            throw new Main.UsageError(e.getMessage());
        }
        List<String> args = new ArrayList<>(List.of("-m", "notebook",
                "--notebook-dir=" + jupyter.root().resolve("notebooks"), "--ip=127.0.0.1", "--port=" + port));
        if (noBrowser) {
            args.add("--no-browser");
        }
        if (isRoot()) {
            args.add("--allow-root");
        }
        Process p = j.process(args).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        return p.waitFor();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
