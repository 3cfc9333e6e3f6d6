package daxlab.litmus;

import daxlab.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The engines {@code daxlab litmus --model NAME} can use, by name: every {@link Engine}, under
 * the name it has everywhere else, then the engines that only run litmus tests (the cat
 * interpreter's {@code lkmm-cat}), which join by {@link #register} or as a
 * {@code java.util.ServiceLoader} provider of {@link LitmusEngine} (a line in
 * {@code META-INF/services/daxlab.litmus.LitmusEngine}).
 */
public final class LitmusEngines {
    private static final Map<String, LitmusEngine> ENGINES = new LinkedHashMap<>();

    static {
        for (Engine e : Engine.values()) {
            register(new BuiltInEngine(e));
        }
        for (LitmusEngine e : ServiceLoader.load(LitmusEngine.class, LitmusEngines.class.getClassLoader())) {
            register(e);
        }
    }

    private LitmusEngines() {
    }

    public static synchronized void register(LitmusEngine engine) {
        ENGINES.put(engine.model(), engine);
    }

    /** The engine for {@code model}, or an exception listing the valid names. */
    public static synchronized LitmusEngine byName(String model) {
        LitmusEngine e = ENGINES.get(model);
        if (e == null) {
            throw new IllegalArgumentException("unknown model '" + model + "'; valid models: " + String.join(", ", names()));
        }
        return e;
    }

    public static synchronized List<String> names() {
        return new ArrayList<>(ENGINES.keySet());
    }
}
