package daxlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bad litmus files, made deterministically: the project's own litmus tests mutated (truncated,
 * bytes replaced, lines deleted or duplicated, braces unbalanced, primitives renamed to unknown
 * ones, numbers made huge), and programs made from nothing (many threads, many writers of one
 * location, binary noise, deep nesting, text that is not UTF-8). Same seed, same files: a
 * failure names a case that can be written out and run again ({@link #main}).
 */
final class LitmusFuzz {
    /** What was done to make a case; each kind is a way real input goes wrong. */
    enum Kind {
        TRUNCATED, BYTES_REPLACED, LINES_DELETED, LINES_DUPLICATED, UNBALANCED, UNKNOWN_PRIMITIVE, HUGE_LITERAL,
        MANY_THREADS, MANY_WRITERS, BINARY,
        /** Parser limits (the parser's own work): deep nesting of blocks, conditions, expressions. */
        DEEP_NESTING,
        /** Encodings (the parser's own work): bytes that are not UTF-8, UTF-16. */
        NOT_UTF8
    }

    /** The kinds every build checks now; the other two wait for the parser's limits ({@code ParserFuzzTest}). */
    static final List<Kind> GENERAL = List.of(Kind.TRUNCATED, Kind.BYTES_REPLACED, Kind.LINES_DELETED,
            Kind.LINES_DUPLICATED, Kind.UNBALANCED, Kind.UNKNOWN_PRIMITIVE, Kind.HUGE_LITERAL, Kind.MANY_THREADS,
            Kind.MANY_WRITERS, Kind.BINARY);
    static final List<Kind> PARSER = List.of(Kind.DEEP_NESTING, Kind.NOT_UTF8);

    /** One input: a file name that says what it is, the model to run it under, and its bytes. */
    record Case(String name, Kind kind, String model, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + kind + ", " + model + ", " + bytes.length + " bytes)";
        }
    }

    private static final List<String> MODELS = List.of("sc", "lkmm", "tso", "armv8", "sc-axiomatic");
    private static final List<String> UNKNOWN = List.of("frobnicate", "READ_TWICE", "smp_mb__after_everything",
            "cmpxchg128", "atomic_fetch_nand", "spin_lock_irqsave", "rcu_dereference_raw_check", "xchg_weird",
            "WRITE_ONCE_TWICE", "__builtin_trap");
    private static final List<String> HUGE = List.of("99999999999999999999999999", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "0xffffffffffffffffffffffff", "1e400",
            "9".repeat(10_000), "-0", "0x", "1_000");
    /** A call inside a thread's body: indented, unlike a thread's header {@code P0(...)}. */
    private static final Pattern CALL = Pattern.compile("(?m)^[ \\t]+(?:[^\\n(]*[=\\s])?([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern NUMBER = Pattern.compile("\\b[0-9]+\\b");

    private LitmusFuzz() {
    }

    /** {@code perKind} cases of each kind, from {@code seed}. */
    static List<Case> cases(List<Kind> kinds, int perKind, long seed) {
        List<String> seeds = seedTexts();
        List<Case> out = new ArrayList<>();
        for (Kind k : kinds) {
            for (int i = 0; i < perKind; i++) {
                SplittableRandom r = new SplittableRandom(seed * 1_000_003L + k.ordinal() * 10_007L + i);
                String base = seeds.get(r.nextInt(seeds.size()));
                String model = MODELS.get(r.nextInt(MODELS.size()));
                out.add(new Case(k.name().toLowerCase(java.util.Locale.ROOT) + "-" + i + ".litmus", k, model,
                        make(k, i, base, r)));
            }
        }
        return out;
    }

    private static byte[] make(Kind k, int i, String base, SplittableRandom r) {
        return switch (k) {
            case TRUNCATED -> utf8(base.substring(0, r.nextInt(base.length())));
            case BYTES_REPLACED -> replaceBytes(base, r);
            case LINES_DELETED -> utf8(lines(base, r, false));
            case LINES_DUPLICATED -> utf8(lines(base, r, true));
            case UNBALANCED -> utf8(unbalance(base, r));
            case UNKNOWN_PRIMITIVE -> utf8(unknownPrimitive(base, r));
            case HUGE_LITERAL -> utf8(hugeLiteral(base, r));
            case MANY_THREADS -> utf8(manyThreads(new int[] {20, 40, 63, 64, 65, 100, 300, 2000}[i % 8], r));
            case MANY_WRITERS -> utf8(writers(new int[][] {{11, 1}, {6, 3}, {6, 2}, {20, 1}, {12, 5}, {4, 16}}[i % 6]));
            case BINARY -> binary(r);
            case DEEP_NESTING -> utf8(deep(i, 2_000 + r.nextInt(200_000)));
            case NOT_UTF8 -> notUtf8(base, i, r);
        };
    }

    /** The project's own litmus tests, in name order. */
    static List<String> seedTexts() {
        URL url = LitmusFuzz.class.getResource("/litmus");
        if (url == null) {
            throw new IllegalStateException("no litmus/ on the test class path");
        }
        try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".litmus")).sorted().collect(Collectors.toList());
            List<String> out = new ArrayList<>();
            for (Path p : files) {
                out.add(Files.readString(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** 1-8 bytes replaced by printable ASCII, tabs and newlines (stays UTF-8). */
    private static byte[] replaceBytes(String base, SplittableRandom r) {
        byte[] b = utf8(base);
        int n = 1 + r.nextInt(8);
        for (int j = 0; j < n; j++) {
            int c = r.nextInt(0x20, 0x80);
            b[r.nextInt(b.length)] = (byte) (c == 0x7f ? '\n' : c);
        }
        return b;
    }

    private static String lines(String base, SplittableRandom r, boolean duplicate) {
        List<String> ls = new ArrayList<>(Arrays.asList(base.split("\n", -1)));
        int n = 1 + r.nextInt(3);
        for (int j = 0; j < n && !ls.isEmpty(); j++) {
            int at = r.nextInt(ls.size());
            if (duplicate) {
                ls.add(at, ls.get(at));
            } else {
                ls.remove(at);
            }
        }
        return String.join("\n", ls);
    }

    private static String unbalance(String base, SplittableRandom r) {
        StringBuilder s = new StringBuilder(base);
        int n = 1 + r.nextInt(3);
        String braces = "{}()[]";
        for (int j = 0; j < n; j++) {
            int at = r.nextInt(s.length());
            if (r.nextBoolean() && braces.indexOf(s.charAt(at)) >= 0) {
                s.deleteCharAt(at);
            } else {
                s.insert(at, braces.charAt(r.nextInt(braces.length())));
            }
        }
        return s.toString();
    }

    private static String unknownPrimitive(String base, SplittableRandom r) {
        String name = UNKNOWN.get(r.nextInt(UNKNOWN.size()));
        int body = base.indexOf("P0(");
        Matcher m = CALL.matcher(base);
        List<int[]> calls = new ArrayList<>();
        while (m.find()) {
            if (body >= 0 && m.start() > body) {
                calls.add(new int[] {m.start(1), m.end(1)});
            }
        }
        if (calls.isEmpty() || r.nextInt(4) == 0) {
            int at = base.lastIndexOf('}');
            return at < 0 ? base + "\n" + name + "(x);\n" : base.substring(0, at) + "\t" + name + "(x);\n" + base.substring(at);
        }
        int[] c = calls.get(r.nextInt(calls.size()));
        return base.substring(0, c[0]) + name + base.substring(c[1]);
    }

    private static String hugeLiteral(String base, SplittableRandom r) {
        Matcher m = NUMBER.matcher(base);
        List<int[]> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(new int[] {m.start(), m.end()});
        }
        String huge = HUGE.get(r.nextInt(HUGE.size()));
        if (numbers.isEmpty()) {
            return base + "\n" + huge + "\n";
        }
        int[] n = numbers.get(r.nextInt(numbers.size()));
        return base.substring(0, n[0]) + huge + base.substring(n[1]);
    }

    /** {@code n} threads, each writing its own value to x and reading y, or the other way round. */
    private static String manyThreads(int n, SplittableRandom r) {
        StringBuilder s = new StringBuilder("C many-threads-" + n + "\n\n{}\n\n");
        for (int t = 0; t < n; t++) {
            boolean xFirst = r.nextBoolean();
            s.append("P").append(t).append("(int *x, int *y)\n{\n\tint r0;\n\n\tWRITE_ONCE(*")
                    .append(xFirst ? "x" : "y").append(", ").append(t + 1).append(");\n\tr0 = READ_ONCE(*")
                    .append(xFirst ? "y" : "x").append(");\n}\n\n");
        }
        return s.append("exists (0:r0=0 /\\ 1:r0=0)\n").toString();
    }

    /** {@code threads} threads, each writing x {@code writes} times: n! coherence orders. */
    static String writers(int[] shape) {
        int threads = shape[0];
        int writes = shape[1];
        StringBuilder s = new StringBuilder("C W" + threads + "x" + writes + "\n\n{}\n\n");
        for (int t = 0; t < threads; t++) {
            s.append("P").append(t).append("(int *x)\n{\n");
            for (int w = 0; w < writes; w++) {
                s.append("\tWRITE_ONCE(*x, ").append(t * writes + w + 1).append(");\n");
            }
            s.append("}\n\n");
        }
        return s.append("exists (x=1)\n").toString();
    }

    private static byte[] binary(SplittableRandom r) {
        byte[] b = new byte[1 + r.nextInt(4096)];
        r.nextBytes(b);
        if (r.nextBoolean()) {
            byte[] head = utf8("C binary\n\n{}\n\nP0(int *x)\n{\n");
            System.arraycopy(head, 0, b, 0, Math.min(head.length, b.length));
        }
        return b;
    }

    /** Nesting {@code depth} deep: parentheses in the condition, blocks, ifs, expressions, stars. */
    private static String deep(int i, int depth) {
        String head = "C deep-" + i + "\n\n{}\n\nP0(int *x)\n{\n\tint r0;\n\n";
        return switch (i % 5) {
            case 0 -> head + "\tr0 = READ_ONCE(*x);\n}\n\nexists (" + "(".repeat(depth) + "0:r0=0" + ")".repeat(depth) + ")\n";
            case 1 -> head + "{".repeat(depth) + "\tWRITE_ONCE(*x, 1);\n" + "}".repeat(depth) + "\n}\n\nexists (x=1)\n";
            case 2 -> head + "\tr0 = READ_ONCE(*x);\n" + "\tif (r0) {\n".repeat(depth) + "\tWRITE_ONCE(*x, 2);\n"
                    + "\t}\n".repeat(depth) + "}\n\nexists (x=2)\n";
            case 3 -> head + "\tr0 = " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\n\tWRITE_ONCE(*x, r0);\n}\n\n"
                    + "exists (x=1)\n";
            default -> head + "\tr0 = " + "-".repeat(depth) + "1;\n\tWRITE_ONCE(*x, " + "*".repeat(depth)
                    + "x);\n}\n\nexists (x=1)\n";
        };
    }

    /** Bytes that are not UTF-8 in a comment, a name or a number; or the whole file in UTF-16. */
    private static byte[] notUtf8(String base, int i, SplittableRandom r) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe9},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xfe, (byte) 0xff}};
        if (i % 7 == 6) {
            return ("\ufeff" + base).getBytes(StandardCharsets.UTF_16LE);
        }
        byte[] b = utf8(base);
        byte[] insert = bad[r.nextInt(bad.length)];
        int at = r.nextInt(b.length);
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    /** Writes the cases into a directory, with {@code cases.tsv} (file, kind, model): to rerun one by hand. */
    static List<Path> write(List<Case> cases, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        for (Case c : cases) {
            Path p = dir.resolve(c.name());
            Files.write(p, c.bytes());
            out.add(p);
            index.append(c.name()).append('\t').append(c.kind()).append('\t').append(c.model()).append('\n');
        }
        Files.writeString(dir.resolve("cases.tsv"), index.toString());
        return out;
    }

    /** {@code LitmusFuzz DIR [PER_KIND [SEED]]}: writes every kind's cases into DIR. */
    public static void main(String[] args) throws IOException {
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        List<Kind> all = new ArrayList<>(GENERAL);
        all.addAll(PARSER);
        write(cases(all, perKind, seed), Paths.get(args[0]));
    }
}
