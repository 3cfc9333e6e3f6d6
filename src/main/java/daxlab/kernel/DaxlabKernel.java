package daxlab.kernel;

import jdk.jshell.SourceCodeAnalysis;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The Jupyter kernel: jjava-jupyter speaks the protocol, {@link JavaRepl} runs the Java, and the
 * renderers draw daxlab's results.
 *
 * <p>All Java runs on a thread of its own ({@link CellRunner}), never on the ZeroMQ loops. An
 * interrupt request arrives on the control channel's thread and stops the cell (through the
 * checkpoints in cell code, the thread's interrupt flag, and, if the cell is stuck in code that
 * ignores both, by giving its thread up). While a cell runs, the shell thread keeps answering
 * completion and inspection ({@link GuardedConnection}) and holds further execute requests.
 * Output is batched ({@link CellOutput}).
 */
public final class DaxlabKernel extends BaseKernel {
    /** The kernelspec's name: not "java", which IJava and others install under. */
    public static final String NAME = "daxlab";
    public static final String DISPLAY_NAME = "Java (daxlab)";
    /** How long the shell thread waits for a message between checks that the cell has ended. */
    private static final long SERVE_ASIDE_MS = 10;
    /** How long completion and inspection wait for JShell to start. */
    private static final long ANALYSIS_START_WAIT_MS = 10_000;

    private final CellRunner runner;
    private final History history;
    private final KernelIO kernelIO;
    private final CellOutput output = new CellOutput();
    private volatile GuardedConnection connection;

    private DaxlabKernel(History history, KernelIO io, List<String> classPath) {
        super("daxlab", version(), languageInfo(), List.of(
                        new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, io, new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(),
                false, errorStyler());
        this.history = history;
        this.kernelIO = io;
        Renderers.register(getRenderer());
        this.runner = new CellRunner(classPath);
    }

    /** A kernel whose Java sees {@code classPath} (by default, the kernel's own: daxlab.jar). */
    public static DaxlabKernel start(List<String> classPath) {
        return new DaxlabKernel(new History(), new KernelIO(StandardCharsets.UTF_8), classPath);
    }

    private static String version() {
        String v = DaxlabKernel.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                "java", "java", "script");
    }

    private static StringStyler errorStyler() {
        return new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG)
                .addSecondaryStyle(TextColor.BOLD_RED_FG).addHighlightStyle(TextColor.BOLD_RESET_FG).build();
    }

    @Override
    public String getBanner() {
        return DISPLAY_NAME + " on Java " + Runtime.version() + ": JShell in-process, daxlab on the class path";
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection c) {
        super.becomeHandlerForConnection(c);
        if (c instanceof GuardedConnection) {
            connection = (GuardedConnection) c;
        }
    }

    /** Runs a cell and waits for it (the execute handler does the same while serving aside). */
    @Override
    public Object evalRaw(String code) {
        return await(runCell(code, executionCount.get() - 1, false));
    }

    /**
     * Starts a cell on the cell thread: a {@code %%litmus} cell runs the test; otherwise the line
     * magics run, then the Java. The future holds the value of a trailing expression (rendered
     * when {@code render}, on the cell thread, so that the shell thread stays free) or fails with
     * a {@link CellFailure}.
     */
    private CompletableFuture<Object> runCell(String code, int cell, boolean render) {
        Magics.Parsed parsed = Magics.parse(code);
        boolean java = parsed.cellMagic().isEmpty();
        return runner.submit(repl -> {
            Object value;
            if (!java) {
                value = Magics.runCell(parsed.cellMagic().get(), cell);
            } else {
                for (List<String> magic : parsed.magics()) {
                    String out = Magics.run(magic, repl);
                    if (!out.isEmpty()) {
                        System.out.println(out);
                    }
                }
                value = repl.eval(cell, parsed.javaCode()).orElse(null);
            }
            if (value == null || !render) {
                return value;
            }
            return value instanceof DisplayData ? value : getRenderer().render(value);
        }, java);
    }

    /** The cell's value; while it runs, the shell channel answers completion and inspection. */
    private Object await(CompletableFuture<Object> cell) {
        GuardedConnection c = connection;
        while (!cell.isDone()) {
            if (c != null) {
                c.serveShellAside(SERVE_ASIDE_MS);
            } else {
                try {
                    return cell.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the cell", e);
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        try {
            return cell.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        JavaRepl repl = runner.replWithin(ANALYSIS_START_WAIT_MS);
        List<SourceCodeAnalysis.Documentation> docs = repl == null ? List.of() : repl.documentation(code, at, true);
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.signature() + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n\n" + d.javadoc().strip()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JavaRepl repl = runner.replWithin(ANALYSIS_START_WAIT_MS);
        if (repl == null) {
            return new ReplacementOptions(List.of(), at, at);
        }
        JavaRepl.Completions c = repl.complete(code, at);
        return new ReplacementOptions(c.names(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        if (Magics.isCellMagic(code)) {
            return IS_COMPLETE_YES;
        }
        JavaRepl repl = runner.replWithin(ANALYSIS_START_WAIT_MS);
        String verdict = repl == null ? "unknown" : repl.completeness(code);
        switch (verdict) {
            case "complete":
                return IS_COMPLETE_YES;
            case "invalid":
                return IS_COMPLETE_BAD;
            case "unknown":
                return IS_COMPLETE_MAYBE;
            default:
                return "    "; // incomplete: the indent to continue with
        }
    }

    /** Jupyter's interrupt (message mode): stop the running cell (see {@link CellRunner}). */
    @Override
    public void interrupt() {
        runner.interrupt();
    }

    /** Waits until JShell is up (for timing the start). */
    public void awaitJava() {
        runner.repl();
    }

    /** display() mid-cell: the text printed before it goes out first. */
    @Override
    public void display(DisplayData data) {
        output.flush();
        super.display(data);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        output.close();
        runner.close();
    }

    /** The cell's stdout and stderr go to {@link CellOutput}, batched; stdin to the notebook. */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        System.setOut(output.out());
        System.setErr(output.err());
        System.setIn(kernelIO.in);
        env.defer(() -> {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        });
    }

    /**
     * jjava's execute handler, with errors reported as the user's exception (class, message, cell
     * lines) rather than the kernel's wrapper, output batched and flushed before the result, and
     * each cell kept for history requests.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        output.attach((stream, text) -> env.getIopub().sendMessage(
                new Message<>(env.getContext(), PublishStream.MESSAGE_TYPE, new PublishStream(stream, text))));
        kernelIO.attach(env, request.isStdinEnabled());
        String text = null;
        try {
            Object value = await(runCell(request.getCode(), count, true));
            output.finish();
            if (value != null) {
                DisplayData out = (DisplayData) value;
                Object plain = out.getData(MIMEType.TEXT_PLAIN);
                text = plain == null ? null : plain.toString();
                env.publish(new PublishExecuteResult(count, out));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellFailure f) {
            output.finish();
            fail(env, count, f.ename(), f.evalue(), f.traceback());
        } catch (RuntimeException | Error e) {
            output.finish();
            fail(env, count, e.getClass().getName(), String.valueOf(e.getMessage()), formatError(e));
        } finally {
            if (request.shouldStoreHistory()) {
                history.add(count, request.getCode(), text);
            }
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkReplies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        switch (request.getAccessType()) {
            case TAIL:
                entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
                break;
            case RANGE:
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
                break;
            default:
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
                break;
        }
        // Raw: the reply's content is our own tuple-shaped object, not jjava's HistoryReply.
        env.reply(new Message(message, MessageType.HISTORY_REPLY, new OkReplies.History(entries)));
    }

    private void fail(ShellReplyEnvironment env, int count, String ename, String evalue, List<String> traceback) {
        ErrorReply error = new ErrorReply(ename, evalue, traceback);
        error.setExecutionCount(count);
        env.publish(new PublishError(ename, evalue, traceback));
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }
}
