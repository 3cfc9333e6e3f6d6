package daxlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Runs {@code daxlab litmus} on fuzz cases, one after the other, in this JVM (started by
 * {@link FuzzRun} with a small heap, so that "bounded memory" is the JVM's own limit): for each
 * case a line {@code START i} before it runs, then one JSON line with the exit code, the time,
 * what the command printed on its error stream, anything printed on {@code System.err}, and the
 * stack trace of anything that escaped the command. A case that never finishes leaves its
 * {@code START} line last.
 *
 * <p>Arguments: a file of {@code MODEL<TAB>PATH} lines, then extra {@code daxlab litmus} options.
 */
public final class FuzzHarness {
    private FuzzHarness() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Paths.get(args[0]));
        ObjectMapper mapper = new ObjectMapper();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        for (int i = 0; i < lines.size(); i++) {
            String[] modelAndPath = lines.get(i).split("\t", 2);
            realOut.println("START " + i);
            realOut.flush();
            String[] argv = new String[args.length + 2];
            argv[0] = "litmus";
            argv[1] = "--model=" + modelAndPath[0];
            System.arraycopy(args, 1, argv, 2, args.length - 1);
            argv[argv.length - 1] = modelAndPath[1];
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
            System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            ObjectNode r = mapper.createObjectNode();
            r.put("i", i);
            r.put("file", modelAndPath[1]);
            long t0 = System.nanoTime();
            try {
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(err));
                r.put("code", Main.execute(cl, argv));
            } catch (Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                r.put("code", -1);
                r.put("escaped", trace.toString());
            } finally {
                System.setErr(realErr);
                System.setOut(realOut);
            }
            r.put("ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("err", err.toString());
            r.put("systemErr", systemErr.toString(StandardCharsets.UTF_8));
            r.put("out", out.toString().length() > 2000 ? out.toString().substring(0, 2000) : out.toString());
            realOut.println(mapper.writeValueAsString(r));
            realOut.flush();
        }
        realOut.println("END");
        realOut.flush();
    }

    /** Where a case list is written for the harness. */
    static Path caseList(Path dir, List<LitmusFuzz.Case> cases, List<Path> files) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            s.append(cases.get(i).model()).append('\t').append(files.get(i)).append('\n');
        }
        Path list = dir.resolve("harness-cases.tsv");
        Files.writeString(list, s.toString());
        return list;
    }
}
