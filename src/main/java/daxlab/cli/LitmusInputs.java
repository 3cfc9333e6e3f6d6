package daxlab.cli;

import daxlab.litmus.LitmusParser;
import daxlab.litmus.LitmusSyntaxException;
import daxlab.litmus.LitmusTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The litmus files a command was given as paths, each a file or a directory of {@code *.litmus}
 * files (not searched below), parsed; those that cannot be read or parsed are named with
 * file:line:col and left out, so that the others still run.
 *
 * @param tests    the parsed tests, in the order given (a directory's in name order)
 * @param problems one line per file left out, saying why
 */
record LitmusInputs(Map<Path, LitmusTest> tests, List<String> problems) {

    /**
     * Reads {@code paths}. A path that does not exist, or a directory without a {@code .litmus}
     * file, is a usage error ({@code option} names where it came from); so is no file at all.
     */
    static LitmusInputs read(List<Path> paths, String option) {
        String where = option.isEmpty() ? "" : option + " ";
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> in;
                try (Stream<Path> s = Files.list(p)) {
                    in = s.filter(f -> f.getFileName().toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
                } catch (IOException e) {
                    throw new Main.UsageError(where + p + ": cannot list it: " + Main.describe(e));
                }
                if (in.isEmpty()) {
                    throw new Main.UsageError(where + p + ": no .litmus files there");
                }
                files.addAll(in);
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new Main.UsageError(where + p + ": no such file or directory");
            }
        }
        if (files.isEmpty()) {
            throw new Main.UsageError("give litmus files or directories of them");
        }
        Map<Path, LitmusTest> tests = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            if (tests.containsKey(f)) {
                continue;
            }
            try {
                tests.put(f, LitmusParser.parse(f));
            } catch (LitmusSyntaxException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add((e instanceof java.nio.file.FileSystemException ? "" : f + ": cannot read: ") + Main.describe(e));
            } catch (RuntimeException e) {
                problems.add(f + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return new LitmusInputs(tests, List.copyOf(problems));
    }
}
