package daxlab.cat;

import daxlab.axiomatic.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model as herd7 does: daxlab's {@code stdlib.cat}, then the bell file, then the cat
 * file, each {@code include} replaced by the file it names and each {@code if "variant"} by the
 * branch the configuration's variants select; then compiles the whole.
 */
final class Loader {

    /** A model ready to run. */
    record Loaded(String title, String description, Compiler.Compiled compiled, DefFile def, Set<String> tagSets,
                  Set<String> variants, Map<String, List<String>> tagsByPrimitive) {
        /** The tags linux-kernel.def gives the events of the primitive that made {@code e}. */
        List<String> tags(Event e) {
            String p = View.primitive(e);
            if (p == null) {
                return List.of();
            }
            synchronized (tagsByPrimitive) {
                return tagsByPrimitive.computeIfAbsent(p, def::tags);
            }
        }

        /** The slot that holds {@code name} once every instruction has run. */
        int finalSlot(String name) {
            return compiled.finalSlots().get(name);
        }
    }

    private Loader() {
    }

    static Loaded load(ModelFiles files) {
        ModelFiles.Config config = files.config();
        List<Stmt> all = new ArrayList<>();
        ModelFiles.Source stdlib = ModelFiles.LIBRARY.find("stdlib.cat")
                .orElseThrow(() -> new IllegalStateException("daxlab/cat/lib/stdlib.cat is missing from the class path"));
        List<String> stack = new ArrayList<>();
        expand(files, stdlib, config.variants(), stack, all);
        expand(files, files.named(config.bell()), config.variants(), stack, all);
        ModelFiles.Source cat = files.cat(config);
        String title = expand(files, cat, config.variants(), stack, all);
        ModelFiles.Source macros = files.named(config.macros());
        DefFile def = DefFile.parse(macros.name(), macros.text());

        Map<String, String> tagTypes = new HashMap<>();
        Set<String> tagSets = new LinkedHashSet<>();
        for (Stmt s : all) {
            if (s instanceof Stmt.Enum) {
                for (String t : ((Stmt.Enum) s).tags()) {
                    tagTypes.put(t, ((Stmt.Enum) s).name());
                    tagSets.add(View.setOfTag(t));
                }
            }
        }
        Set<String> host = new LinkedHashSet<>(View.NAMES);
        host.addAll(tagSets);
        Compiler.Compiled compiled = Compiler.compile(all, host, tagTypes, config.variants());
        if (!compiled.finalSlots().containsKey("co")) {
            throw new CatException(null, cat.name() + ": the model never binds co; daxlab's interpreter needs a model"
                    + " that generates it (as lock.cat does with include \"cos-opt.cat\")");
        }
        return new Loaded(title == null ? cat.name() : title, files.describe(), compiled, def, Set.copyOf(tagSets),
                Set.copyOf(config.variants()), new LinkedHashMap<>());
    }

    /** Appends {@code source}'s instructions, includes expanded; returns its title. */
    private static String expand(ModelFiles files, ModelFiles.Source source, Set<String> variants, List<String> stack,
                                 List<Stmt> out) {
        if (stack.contains(source.name())) {
            throw new CatException(null, source.name() + " includes itself (through " + String.join(", ", stack) + ")");
        }
        stack.add(source.name());
        CatParser.File f = CatParser.parse(source.name(), source.text());
        add(files, source, f.statements(), variants, stack, out);
        stack.remove(stack.size() - 1);
        return f.title();
    }

    private static void add(ModelFiles files, ModelFiles.Source source, List<Stmt> statements, Set<String> variants,
                            List<String> stack, List<Stmt> out) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Include) {
                Stmt.Include i = (Stmt.Include) s;
                expand(files, files.include(source, i.file(), i.pos()), variants, stack, out);
            } else if (s instanceof Stmt.IfVariant) {
                Stmt.IfVariant v = (Stmt.IfVariant) s;
                add(files, source, v.condition().holds(variants) ? v.then() : v.otherwise(), variants, stack, out);
            } else {
                out.add(s);
            }
        }
    }
}
