package daxlab.kernel.guard;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where JShell's in-process engine defines cell classes: like JShell's own delegate, a child of the
 * kernel's class loader (so {@code daxlab.*} classes are the kernel's), except that every class it
 * defines is rewritten by {@link CellInstrumenter} first: the snippets' classes, and the classes of
 * jars and directories added with {@code %jars} / {@code %classpath}.
 */
public final class GuardedLoaderDelegate implements LoaderDelegate {
    private final CellLoader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    public GuardedLoaderDelegate(ClassLoader parent) {
        this.loader = new CellLoader(parent);
        // As JShell's delegate does: code that looks classes up by name finds the cell's.
        Thread.currentThread().setContextClassLoader(loader);
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        try {
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            for (int i = 0; i < classes.length; i++) {
                Class<?> k = loader.loadClass(classes[i].name());
                loaded.put(classes[i].name(), k);
                installed[i] = true;
                k.getDeclaredMethods(); // link it now, so a bad class fails here, not mid-cell
            }
        } catch (Throwable t) {
            throw new ClassInstallException("load: " + t.getMessage(), installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        try {
            for (String p : path.split(File.pathSeparator)) {
                loader.add(new File(p).toURI().toURL());
            }
        } catch (IOException e) {
            throw new InternalException(e.toString());
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> k = loaded.get(name);
        if (k == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return k;
    }

    private static final class CellLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

        CellLoader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        void declare(String name, byte[] bytes) {
            declared.put(name, bytes);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] snippet = declared.get(name);
            if (snippet != null) {
                byte[] b = rewriteOrKeep(snippet);
                return defineClass(name, b, 0, b.length, (CodeSource) null);
            }
            // A class of a jar the user added (the parent had first pick, so not daxlab's own).
            URL url = findResource(name.replace('.', '/') + ".class");
            if (url == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] original;
            try (InputStream in = url.openStream()) {
                original = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            byte[] b = rewriteOrKeep(original);
            return defineClass(name, b, 0, b.length, new CodeSource(url, (Certificate[]) null));
        }

        /**
         * A class ASM cannot read (a class-file version newer than it knows, on a JDK newer than
         * the kernel's ASM) runs as it is: without checkpoints, but it runs.
         */
        private static byte[] rewriteOrKeep(byte[] original) {
            try {
                return CellInstrumenter.instrument(original);
            } catch (RuntimeException e) {
                return original;
            }
        }
    }
}
