package daxlab.kernel;

import jdk.jshell.SourceCodeAnalysis;

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
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The Jupyter kernel: jjava-jupyter speaks the protocol, {@link JavaRepl} runs the Java, and the
 * renderers draw daxlab's results.
 *
 * <p>All Java runs on one thread of its own ("daxlab-cell"), never on the ZeroMQ loops. That is
 * what makes interrupts safe: an interrupt request arrives on the control channel's thread and
 * interrupts the cell thread; the socket threads never see an interrupt flag.
 */
public final class DaxlabKernel extends BaseKernel {
    public static final String NAME = "java";
    public static final String DISPLAY_NAME = "Java (daxlab)";

    /** JShell starts on the cell thread while the sockets come up; the first cell waits for it. */
    private final Future<JavaRepl> repl;
    private final History history;
    private final KernelIO kernelIO;
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "daxlab-cell");
        t.setDaemon(true);
        return t;
    });

    private DaxlabKernel(History history, KernelIO io, List<String> classPath) {
        super("daxlab", version(), languageInfo(), List.of(
                        new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history, io, new CommManager(), new Renderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(),
                false, errorStyler());
        this.history = history;
        this.kernelIO = io;
        Renderers.register(getRenderer());
        this.repl = cellThread.submit(() -> new JavaRepl(classPath));
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

    /**
     * Runs a cell: magics first, then the Java. The value of a trailing expression goes back as the
     * cell's result (a chart for a histogram); failures are {@link CellFailure}s.
     */
    @Override
    public Object evalRaw(String code) {
        int cell = executionCount.get() - 1;
        return onCellThread(() -> {
            Magics.Parsed parsed = Magics.parse(code);
            for (List<String> magic : parsed.magics()) {
                String out = Magics.run(magic, repl());
                if (!out.isEmpty()) {
                    System.out.println(out);
                }
            }
            Optional<Object> value = repl().eval(cell, parsed.javaCode());
            System.out.flush();
            System.err.flush();
            return value.orElse(null);
        });
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = onCellThread(() -> repl().documentation(code, at, true));
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
        JavaRepl.Completions c = onCellThread(() -> repl().complete(code, at));
        return new ReplacementOptions(c.names(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        String verdict = onCellThread(() -> repl().completeness(code));
        switch (verdict) {
            case "complete":
                return IS_COMPLETE_YES;
            case "invalid":
                return IS_COMPLETE_BAD;
            default:
                return "    "; // incomplete: the indent to continue with
        }
    }

    /** Jupyter's interrupt (message mode): stop the running cell, cooperatively. */
    @Override
    public void interrupt() {
        if (repl.isDone() && !repl.isCancelled()) {
            repl().interrupt();
        }
    }

    /** The Java session; waits for JShell to start. Call from the cell thread (or after start). */
    private JavaRepl repl() {
        try {
            return repl.get();
        } catch (ExecutionException e) {
            throw new CellFailure("KernelError", "JShell did not start: " + e.getCause(),
                    List.of(Styles.red("KernelError") + ": JShell did not start: " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellFailure("Interrupted", "interrupted while JShell was starting", List.of());
        }
    }

    /** Waits until JShell is up (for timing the start). */
    public void awaitJava() {
        repl();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        cellThread.shutdownNow();
        if (repl.isDone()) {
            repl().close();
        }
    }

    /**
     * jjava's execute handler, with errors reported as the user's exception (class, message, cell
     * lines) rather than the kernel's wrapper, and each cell kept for history requests.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        kernelIO.attach(env, request.isStdinEnabled());
        String output = null;
        try {
            DisplayData out = eval(request.getCode());
            if (out != null) {
                Object text = out.getData(MIMEType.TEXT_PLAIN);
                output = text == null ? null : text.toString();
                env.publish(new PublishExecuteResult(count, out));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (CellFailure f) {
            fail(env, count, f.ename(), f.evalue(), f.traceback());
        } catch (RuntimeException e) {
            fail(env, count, e.getClass().getName(), String.valueOf(e.getMessage()), formatError(e));
        } finally {
            if (request.shouldStoreHistory()) {
                history.add(count, request.getCode(), output);
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
        System.out.flush();
        ErrorReply error = new ErrorReply(ename, evalue, traceback);
        error.setExecutionCount(count);
        env.publish(new PublishError(ename, evalue, traceback));
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
    }

    /** Runs {@code task} on the cell thread and waits; a stale interrupt flag is cleared first. */
    private <T> T onCellThread(Callable<T> task) {
        try {
            return cellThread.submit(() -> {
                Thread.interrupted();
                return task.call();
            }).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cell thread", e);
        }
    }
}
