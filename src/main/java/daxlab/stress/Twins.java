package daxlab.stress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which functions of {@code daxlab.dax.Functions} have a Java twin, and why the others do not.
 * A test compares this with the methods {@code Functions} declares, so a new function fails the
 * build until it is twinned or its absence is explained here.
 */
public final class Twins {
    private Twins() {
    }

    /** Method of {@code Functions} -> its twin, or the reason it has none (starting "none:"). */
    public static Map<String, String> functions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fsDaxGet", "KernelTwin.fsDaxGet");
        m.put("killDax", "none yet: kill_dax() clears DAXDEV_ALIVE and then waits for readers; the SRCU twin"
                + " exists (Device.synchronizeSrcu) but the kill scenarios are not generated, so kill-vs-put and"
                + " kill-vs-reader are enumerated only");
        m.put("fsDaxGetWithPrologue", "none: its prologue (dax_read_lock, dax_alive, igrab) matters only against"
                + " kill_dax(), which has no twin; kill-vs-get is enumerated only");
        m.put("fsDaxGetByBdev", "none yet: put-vs-get-by-bdev claims under dax_read_lock() and counts inode"
                + " references; it is enumerated only");
        return m;
    }
}
