package daxlab.kernel;

import daxlab.kernel.guard.CellInterrupted;
import daxlab.kernel.guard.Checkpoints;
import daxlab.kernel.guard.ExitRefused;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Java, one cell at a time: JShell with the in-process engine. Evaluates a cell snippet by
 * snippet, returns the value of a trailing expression as a real object, and turns every failure
 * into a {@link CellFailure} that points at the cell's own lines. Not thread-safe: the kernel
 * calls it from one thread.
 */
final class JavaRepl implements AutoCloseable {
    /** Imports every cell starts with: the JDK's usual suspects, the library, {@code display()}. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import java.math.BigInteger;",
            "import java.nio.file.*;",
            "import static daxlab.lab.Lab.*;",
            "import static daxlab.dax.Scenario.*;",
            "import static daxlab.dax.PutVariant.*;",
            "import static daxlab.dax.ReaderVariant.*;",
            "import static daxlab.dax.Accessors.*;",
            "import static daxlab.kernel.Notebook.*;");

    /**
     * daxlab's packages, imported when the jar has them (a package that does not exist yet is
     * skipped, so the list can name every package the design has).
     */
    static final List<String> DAXLAB_PACKAGES = List.of("program", "outcome", "interleave", "dax", "chart",
            "litmus", "axiomatic", "stress", "verdict", "lab", "engine");

    /**
     * Held while JShell compiles or loads (the cell thread, in {@link #eval}); released while a
     * snippet's code runs ({@link InProcessExecution}). Completion and inspection take it from
     * other threads, so they answer while a cell computes but never race JShell's compiler.
     */
    private final ReentrantLock session = new ReentrantLock();
    private final InProcessExecution.Provider engine = new InProcessExecution.Provider(session);
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    /** Where each snippet came from: cell number and first line, for stack traces ("#12:3"). */
    private final Map<String, Placement> placements = new HashMap<>();
    private final Set<String> classPath = new LinkedHashSet<>();
    /** Set by an interrupt that finds no snippet running (JShell was compiling): stop before the next. */
    private volatile boolean stopRequested;

    private record Placement(int cell, CellSnippets.Piece piece, CellSnippets source) {
    }

    JavaRepl(List<String> startupClassPath) {
        shell = JShell.builder().executionEngine(engine, Map.of()).build();
        analysis = shell.sourceCodeAnalysis();
        for (String entry : startupClassPath) {
            addToClassPath(entry);
        }
        for (String imp : DEFAULT_IMPORTS) {
            for (SnippetEvent e : shell.eval(imp)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("startup import failed: " + imp + ": " + diagnostics(e.snippet()));
                }
            }
        }
        for (String pkg : DAXLAB_PACKAGES) {
            if (JavaRepl.class.getClassLoader().getResource("daxlab/" + pkg + "/") != null
                    || JavaRepl.class.getClassLoader().getResource("daxlab/" + pkg) != null) {
                shell.eval("import daxlab." + pkg + ".*;");
            }
        }
    }

    /** The class path the kernel itself runs with: daxlab.jar and its dependencies. */
    static List<String> ownClassPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    void addToClassPath(String entry) {
        if (entry.isBlank() || !classPath.add(entry)) {
            return;
        }
        if (!new File(entry).exists()) {
            classPath.remove(entry);
            throw new IllegalArgumentException("no such file or directory: " + entry);
        }
        shell.addToClasspath(entry);
    }

    List<String> classPath() {
        return List.copyOf(classPath);
    }

    /**
     * Runs a cell. Returns the value of its last snippet when that is an expression
     * ({@code h}, {@code Charts.histogram(h)}), else {@link Optional#empty()}.
     *
     * @throws CellFailure when a snippet does not compile or throws; the snippets before it ran
     */
    Optional<Object> eval(int cellNumber, String code) {
        session.lock();
        try {
            stopRequested = false;
            Checkpoints.resume();
            return evalLocked(cellNumber, code);
        } finally {
            session.unlock();
        }
    }

    private Optional<Object> evalLocked(int cellNumber, String code) {
        CellSnippets cell = CellSnippets.split(code, analysis);
        Optional<Object> result = Optional.empty();
        for (CellSnippets.Piece piece : cell.pieces()) {
            if (stopRequested) {
                String message = "interrupted before line " + (piece.line() + 1) + " ran";
                throw new CellFailure("Interrupted", message, List.of(Styles.red("Interrupted") + ": " + message));
            }
            if (piece.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                throw incomplete(cell, piece);
            }
            engine.execution().takeValue();
            List<SnippetEvent> events = shell.eval(piece.source());
            result = Optional.empty();
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue; // a dependent snippet updated by this one, not this one
                }
                placements.put(e.snippet().id(), new Placement(cellNumber, piece, cell));
                check(e, cell, piece);
                if (isValue(e.snippet())) {
                    Object v = engine.execution().takeValue();
                    result = Optional.of(v == null ? NullValue.INSTANCE : v);
                }
            }
        }
        return result;
    }

    /** Marks a trailing expression whose value is {@code null}, so the cell still shows "null". */
    enum NullValue {
        INSTANCE;

        @Override
        public String toString() {
            return "null";
        }
    }

    private static boolean isValue(Snippet s) {
        if (s.kind() == Snippet.Kind.EXPRESSION) {
            return true;
        }
        return s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private void check(SnippetEvent e, CellSnippets cell, CellSnippets.Piece piece) {
        Snippet s = e.snippet();
        if (e.status() == Snippet.Status.REJECTED) {
            throw compileError(cell, piece, s);
        }
        if (e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED || e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
            if (s instanceof DeclarationSnippet) {
                List<String> missing = shell.unresolvedDependencies((DeclarationSnippet) s).collect(Collectors.toList());
                if (!missing.isEmpty()) {
                    throw new CellFailure("CompileError", "cannot find symbol " + String.join(", ", missing),
                            List.of(Styles.red("CompileError") + ": cannot find symbol " + String.join(", ", missing),
                                    at(cell, piece.codeLine()) + cell.line(piece.codeLine())));
                }
            }
        }
        JShellException thrown = e.exception();
        if (thrown != null) {
            throw userError(thrown);
        }
    }

    private CellFailure compileError(CellSnippets cell, CellSnippets.Piece piece, Snippet s) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : shell.diagnostics(s).collect(Collectors.toList())) {
            if (!d.isError()) {
                continue;
            }
            String message = tidy(d.getMessage(Locale.ROOT));
            first = first == null ? message : first;
            long pos = Math.max(0, d.getStartPosition());
            int lineInSnippet = CellSnippets.lineOf(piece.source(), (int) pos);
            int columnInSnippet = CellSnippets.columnOf(piece.source(), (int) pos);
            int line = piece.line() + lineInSnippet;
            int column = (lineInSnippet == 0 ? piece.column() : 0) + columnInSnippet;
            lines.add(Styles.red("error") + ": " + message.replace("\n", "\n  "));
            String prefix = at(cell, line);
            lines.add(prefix + cell.line(line));
            long span = Math.max(1, Math.min(d.getEndPosition(), pos + 80) - pos);
            lines.add(" ".repeat(prefix.length() - Styles.invisible(prefix) + column)
                    + Styles.red("^".repeat((int) Math.min(span, Math.max(1, cell.line(line).length() - column)))));
        }
        if (first == null) {
            first = "the snippet was rejected: " + s.source().strip();
            lines.add(first);
        }
        return new CellFailure("CompileError", first.lines().findFirst().orElse(first), lines);
    }

    private CellFailure incomplete(CellSnippets cell, CellSnippets.Piece piece) {
        String message = "incomplete code: a statement, block or string is not closed";
        return new CellFailure("CompileError", message,
                List.of(Styles.red("error") + ": " + message, at(cell, piece.line()) + cell.line(piece.line())));
    }

    private static String at(CellSnippets cell, int line) {
        return Styles.dim("line " + (line + 1) + " | ");
    }

    /**
     * The user's exception as Java prints it, with snippet frames ({@code #12:3}) shown as cell
     * lines, and the kernel's own frames (reflection, JShell, daxlab.kernel) left out.
     */
    private CellFailure userError(JShellException thrown) {
        String ename;
        if (thrown instanceof EvalException && GUARD_ERRORS.containsKey(((EvalException) thrown).getExceptionClassName())) {
            ename = GUARD_ERRORS.get(((EvalException) thrown).getExceptionClassName());
        } else if (thrown instanceof EvalException) {
            ename = ((EvalException) thrown).getExceptionClassName();
        } else if (thrown instanceof UnresolvedReferenceException) {
            ename = "UnresolvedReference";
        } else {
            ename = thrown.getClass().getName();
        }
        String evalue = thrown.getMessage() == null ? "" : tidy(thrown.getMessage());
        if (thrown instanceof EvalException && FORCED_STOP.equals(((EvalException) thrown).getExceptionClassName())) {
            ename = "Interrupted";
            evalue = "the cell ignored the interrupt for " + CellRunner.STOP_AFTER_MS / 1000
                    + " s (stuck in a JDK or library method) and was stopped by force";
        }
        if (thrown instanceof UnresolvedReferenceException) {
            DeclarationSnippet s = ((UnresolvedReferenceException) thrown).getSnippet();
            evalue = s.name() + " uses undefined " + shell.unresolvedDependencies(s).collect(Collectors.joining(", "));
        }
        if (CellInterrupted.class.getName().equals(ename(thrown))) {
            // Where it stopped is the news: the first frame of the cell's own code.
            evalue = Arrays.stream(thrown.getStackTrace()).filter(f -> !f.getClassName().startsWith(GUARD_PACKAGE))
                    .findFirst().filter(f -> !isKernelFrame(f)).map(f -> "interrupted at " + frame(f)).orElse("interrupted");
        }
        List<String> lines = new ArrayList<>();
        Throwable t = thrown;
        boolean first = true;
        while (t != null) {
            String name = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
            String msg = t == thrown ? evalue : t.getMessage() == null ? null : tidy(t.getMessage());
            lines.add((first ? "" : "Caused by: ") + Styles.red(name) + (msg == null || msg.isEmpty() ? "" : ": " + msg));
            StackTraceElement[] frames = t.getStackTrace();
            int from = 0;
            while (from < frames.length && frames[from].getClassName().startsWith(GUARD_PACKAGE)) {
                from++; // the checkpoint that threw: the cell's own frame below it says where
            }
            for (int i = from; i < frames.length; i++) {
                if (isKernelFrame(frames[i])) {
                    break;
                }
                lines.add("    at " + frame(frames[i]));
            }
            first = false;
            t = t.getCause() == t ? null : t.getCause();
        }
        return new CellFailure(ename, evalue, lines);
    }

    private static String ename(JShellException thrown) {
        return thrown instanceof EvalException ? ((EvalException) thrown).getExceptionClassName() : "";
    }

    /** The guard's errors, by what a notebook calls them: the cell was interrupted, or tried to exit. */
    private static final Map<String, String> GUARD_ERRORS = Map.of(
            CellInterrupted.class.getName(), "Interrupted",
            ExitRefused.class.getName(), "SystemExit");
    /** What {@code Thread.stop} throws (Java 17 to 19), named without the deprecated class. */
    private static final String FORCED_STOP = "java.lang.ThreadDeath";
    private static final String GUARD_PACKAGE = Checkpoints.class.getPackageName() + ".";

    /** Drops JShell's wrapper names from messages ({@code REPL.$JShell$23.o} is the user's {@code o}). */
    static String tidy(String message) {
        return message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Za-z]?\\.", "")
                .replaceAll("\n\\s*location: class\\s*(?=\n|$)", "");
    }

    private static boolean isKernelFrame(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.Method")
                || c.startsWith("jdk.jshell.") || c.startsWith("daxlab.kernel.");
    }

    private String frame(StackTraceElement f) {
        String file = f.getFileName();
        if (file != null && file.startsWith("#")) {
            Placement p = placements.get(file.substring(1));
            String method = f.getMethodName();
            String where = method.isEmpty() || method.startsWith("do_it$") ? "" : method + ", ";
            if (p != null && f.getLineNumber() > 0) {
                int line = p.piece().codeLine() + f.getLineNumber() - 1;
                return where + "cell [" + p.cell() + "] line " + (line + 1) + ": " + p.source().line(line).strip();
            }
            return where + "snippet " + file;
        }
        return f.toString();
    }

    private String diagnostics(Snippet s) {
        return shell.diagnostics(s).map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
    }

    /**
     * Runs an analysis under the session lock, from any thread. JShell holds the lock only while it
     * compiles a snippet, which is short; if it takes longer than {@code ANALYSIS_WAIT_MS}, the
     * request gets {@code otherwise} rather than making the frontend wait.
     */
    private <T> T analysing(Supplier<T> analysis, T otherwise) {
        boolean locked;
        try {
            locked = session.tryLock(ANALYSIS_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise;
        }
        if (!locked) {
            return otherwise;
        }
        try {
            return analysis.get();
        } finally {
            session.unlock();
        }
    }

    static final long ANALYSIS_WAIT_MS = 2000;

    /** Completions at {@code cursor}: names that fit, and the range of the cell they replace. */
    Completions complete(String code, int cursor) {
        return analysing(() -> completeLocked(code, cursor), new Completions(List.of(), cursor, cursor));
    }

    private Completions completeLocked(String code, int cursor) {
        CellSnippets cell = CellSnippets.split(code, analysis);
        CellSnippets.Piece piece = cell.at(cursor);
        int base = piece == null ? 0 : piece.offset();
        String input = code.substring(base);
        int[] anchor = new int[1];
        List<String> names = analysis.completionSuggestions(input, cursor - base, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct().collect(Collectors.toList());
        return new Completions(names, base + anchor[0], cursor);
    }

    record Completions(List<String> names, int start, int end) {
    }

    /** Signatures and javadoc of what is at the cursor, or empty. */
    List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor, boolean javadoc) {
        return analysing(() -> documentationLocked(code, cursor, javadoc), List.of());
    }

    private List<SourceCodeAnalysis.Documentation> documentationLocked(String code, int cursor, boolean javadoc) {
        CellSnippets cell = CellSnippets.split(code, analysis);
        CellSnippets.Piece piece = cell.at(cursor);
        int base = piece == null ? 0 : piece.offset();
        String input = code.substring(base);
        int at = Math.min(cursor - base, input.length());
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(input, at, javadoc);
        if (docs.isEmpty()) {
            // On a method name (Scenarios.bu|ild), JShell documents the call: ask as if "(" followed.
            int end = at;
            while (end < input.length() && Character.isJavaIdentifierPart(input.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(input.substring(0, end) + "(", end + 1, javadoc);
        }
        return docs;
    }

    /** Jupyter's is_complete: "complete", "incomplete" or "invalid". */
    String completeness(String code) {
        return analysing(() -> completenessLocked(code), "unknown");
    }

    private String completenessLocked(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE:
                    return "incomplete";
                case UNKNOWN:
                    return "invalid";
                case EMPTY:
                    return "complete";
                default:
                    break;
            }
            if (info.remaining().length() >= remaining.length()) {
                break;
            }
            remaining = info.remaining();
        }
        return "complete";
    }

    /**
     * Interrupts the running snippet; if JShell is between snippets (compiling), the cell stops
     * before its next snippet. Returns whether a snippet was running.
     */
    boolean interrupt() {
        stopRequested = true;
        return engine.execution().interrupt();
    }

    /** Whether a snippet is running now (not compiling, not idle). */
    boolean running() {
        return engine.execution().isRunning();
    }

    /** The thread running a snippet now, or null (compiling, idle). */
    Thread runningThread() {
        return engine.execution().runningThread();
    }

    @Override
    public void close() {
        shell.close();
    }
}
