package daxlab.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a stress histogram says about the machine it ran on. */
final class MachineFacts {
    private MachineFacts() {
    }

    /** The CPU model from /proc/cpuinfo ({@code model name}), or os.arch where there is none. */
    static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String l : lines) {
                if (l.startsWith("model name") && l.contains(":")) {
                    return l.substring(l.indexOf(':') + 1).trim() + " (" + System.getProperty("os.arch") + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return System.getProperty("os.arch");
    }
}
