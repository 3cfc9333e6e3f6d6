package daxlab.cat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a model's files are: the configuration ({@code linux-kernel.cfg}) names the bell, the
 * cat file, the macros ({@code .def}) and the variants; {@code include}s are looked up beside
 * the including file, then in the model's directory, then in daxlab's own library (its
 * stand-ins for herd7's {@code stdlib.cat}, {@code cross.cat} and {@code cos-opt.cat}, which are
 * herd7's and not the kernel's).
 * <pre>{@code
 * ModelFiles.shipped()                                   // the pinned copy in the jar
 * ModelFiles.directory(Path.of("linux/tools/memory-model"))
 * ModelFiles.shipped().withCat(Path.of("my-linux-kernel.cat"))
 * }</pre>
 */
public final class ModelFiles {
    /** The configuration file herd7's LKMM scripts use. */
    public static final String CONFIG = "linux-kernel.cfg";

    /** A place files are found in. */
    sealed interface Library permits Directory, Resources {
        Optional<Source> find(String name);

        String describe();
    }

    /** A directory of the file system. */
    record Directory(Path dir) implements Library {
        @Override
        public Optional<Source> find(String name) {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Source(p.toString(), Files.readString(p, StandardCharsets.UTF_8), this));
            } catch (IOException e) {
                throw new CatException(null, p + ": cannot read: " + e.getMessage());
            }
        }

        @Override
        public String describe() {
            return dir.toString();
        }
    }

    /** A folder of the class path ({@code daxlab/lkmm/}). */
    record Resources(String folder) implements Library {
        @Override
        public Optional<Source> find(String name) {
            String path = folder + name;
            try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return Optional.empty();
                }
                return Optional.of(new Source(path, new String(in.readAllBytes(), StandardCharsets.UTF_8), this));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String describe() {
            return "the class path's " + folder;
        }
    }

    /** A file's text, the name messages give it, and the library it came from. */
    record Source(String name, String text, Library home) {
    }

    /** What the configuration names. */
    record Config(String bell, String model, String macros, Set<String> variants) {
    }

    /** The pinned copy of the kernel's files (see PROVENANCE there). */
    static final Resources SHIPPED = new Resources("daxlab/lkmm/");
    /** daxlab's stand-ins for herd7's library. */
    static final Resources LIBRARY = new Resources("daxlab/cat/lib/");

    private final Library home;
    private final Path cat;

    private ModelFiles(Library home, Path cat) {
        this.home = home;
        this.cat = cat;
    }

    /** The LKMM as shipped in the jar: herdtools7 7.58's catalogue/linux copy of the kernel's files. */
    public static ModelFiles shipped() {
        return new ModelFiles(SHIPPED, null);
    }

    /**
     * A directory holding {@value #CONFIG} and the files it names: a kernel tree's
     * {@code tools/memory-model}.
     *
     * @throws CatException when it is not one
     */
    public static ModelFiles directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatException(null, dir + ": not a directory (give a kernel tree's tools/memory-model)");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG))) {
            throw new CatException(null, dir + ": no " + CONFIG + " (give a kernel tree's tools/memory-model)");
        }
        return new ModelFiles(new Directory(dir), null);
    }

    /** The same files with {@code catFile} as the model (its includes are looked up beside it first). */
    public ModelFiles withCat(Path catFile) {
        if (!Files.isRegularFile(catFile)) {
            throw new CatException(null, catFile + ": no such file");
        }
        return new ModelFiles(home, catFile);
    }

    /** For messages: {@code linux-kernel.cat from /path/to/tools/memory-model}. */
    public String describe() {
        return (cat != null ? cat + " with the rest" : "linux-kernel.cfg") + " from " + home.describe();
    }

    Config config() {
        Source s = home.find(CONFIG).orElseThrow(() -> new CatException(null, "no " + CONFIG + " in " + home.describe()));
        String bell = null;
        String model = null;
        String macros = null;
        Set<String> variants = new LinkedHashSet<>();
        String[] lines = s.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("\\s+", 2);
            String key = kv[0].startsWith("-") ? kv[0].substring(1) : kv[0];
            String value = kv.length > 1 ? kv[1].strip().replace("\"", "") : "";
            switch (key) {
                case "bell": bell = value; break;
                case "model": model = value; break;
                case "macros": macros = value; break;
                case "variant":
                    for (String v : value.split(",")) {
                        if (!v.isBlank()) {
                            variants.add(v.strip());
                        }
                    }
                    break;
                default:
                    break; // drawing options (graph, fontsize, ...): herd7's pictures, not the model
            }
        }
        for (String[] required : new String[][] {{"bell", bell}, {"model", model}, {"macros", macros}}) {
            if (required[1] == null || required[1].isEmpty()) {
                throw new CatException(new CatPos(s.name(), 1, 1), "no '" + required[0] + " FILE' line");
            }
        }
        return new Config(bell, model, macros, variants);
    }

    /** A file named by the configuration, from the model's home. */
    Source named(String name) {
        return home.find(name).orElseThrow(() -> new CatException(null, "no " + name + " in " + home.describe()));
    }

    /** The model's cat file: the one given, else the configuration's. */
    Source cat(Config c) {
        if (cat == null) {
            return named(c.model());
        }
        Directory dir = new Directory(cat.toAbsolutePath().getParent());
        return dir.find(cat.getFileName().toString()).orElseThrow();
    }

    /** An included file, looked up beside {@code from}, then in the model's home, then in daxlab's library. */
    Source include(Source from, String name, CatPos where) {
        Set<String> looked = new LinkedHashSet<>();
        for (Library l : new Library[] {from.home(), home, LIBRARY}) {
            Optional<Source> s = l.find(name);
            if (s.isPresent()) {
                return s.get();
            }
            looked.add(l == LIBRARY ? "daxlab's library" : l.describe());
        }
        throw new CatException(where, "cannot find \"" + name + "\" (looked in "
                + String.join(", ", looked).replaceFirst(", ([^,]*)$", " and $1") + ")");
    }
}
