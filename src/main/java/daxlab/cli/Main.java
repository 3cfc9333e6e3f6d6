package daxlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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

    /**
     * Runs the CLI and returns its exit code: 0 ok; 1 a difference found by a check (herd7's
     * answers, conformance, failed notebooks); 2 bad input: an option's value (picocli's "Invalid
     * value" and the usage), a file or directory that cannot be read or written, a program too
     * large for its budget or for the heap.
     */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** {@link CommandLine#execute}, with the errors picocli lets through turned into messages. */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli lets errors through; a stack trace is no answer to an input too large.
            cl.getErr().println("daxlab: the " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB heap filled up; give it more with -Xmx (DAXLAB_JAVA_OPTS) or make the input smaller");
            cl.getErr().flush();
            return 2;
        } catch (StackOverflowError e) {
            cl.getErr().println("daxlab: the input is nested too deeply (the stack overflowed); make it flatter");
            cl.getErr().flush();
            return 2;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof UsageError) {
                line.getErr().println("daxlab: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof IOException io) {
                // A path from the command line that cannot be used: say which and why.
                line.getErr().println("daxlab: " + describe(io));
                return 2;
            }
            line.getErr().println("daxlab: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl;
    }

    /**
     * An I/O failure as a sentence: the path and the reason ({@code AccessDeniedException}'s
     * message is the bare path, which tells a user nothing).
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof FileAlreadyExistsException ? "a file is in the way"
                    : e instanceof DirectoryNotEmptyException ? "directory not empty"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + why
                    + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
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
