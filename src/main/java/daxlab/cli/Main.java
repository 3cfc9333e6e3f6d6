package daxlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code daxlab}: the command line. Each subcommand is one job; see {@code daxlab help}. */
@Command(name = "daxlab", mixinStandardHelpOptions = true, version = "daxlab 0.1.0",
        description = "Executable commentary on the fs_put_dax()/fs_dax_get() patch review.",
        subcommands = {EnumerateCommand.class, StressCommand.class, LitmusCommand.class, ConformanceCommand.class,
                ReportCommand.class, ReplyCommand.class,
                BenchCommand.class, NotebooksCommand.class, LabCommand.class, InstallKernelCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 bad input. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof UsageError) {
                line.getErr().println("daxlab: " + ex.getMessage());
                return 2;
            }
            line.getErr().println("daxlab: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Bad input from the user: exit 2 with a message that says what would have been valid. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
