package daxlab.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** This session's executed cells, for Jupyter's history requests (tail, range, search). */
final class History implements HistoryManager {
    private static final int SESSION = 1;
    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int count, String code, String output) {
        entries.add(new HistoryEntry(SESSION, count, code, output == null ? "" : output));
    }

    /** Entries as the request wants them: (input, output) pairs only when it asks for output. */
    private static List<HistoryEntry> shaped(List<HistoryEntry> found, Set<ResultFlag> flags) {
        if (flags.contains(ResultFlag.INCLUDE_OUTPUT)) {
            return found;
        }
        return found.stream().map(e -> new HistoryEntry(e.getSession(), e.getCellNumber(), e.getInput(), null))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int from = Math.max(0, entries.size() - Math.max(0, length));
        return shaped(new ArrayList<>(entries.subList(from, entries.size())), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        return shaped(entries.stream().filter(e -> e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop))
                .collect(Collectors.toList()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern p = Pattern.compile(glob.replace(".", "\\.").replace("*", ".*").replace("?", "."), Pattern.DOTALL);
        List<HistoryEntry> found = entries.stream().filter(e -> p.matcher(e.getInput()).matches())
                .collect(Collectors.toList());
        if (flags.contains(ResultFlag.UNIQUE)) {
            Set<String> seen = new LinkedHashSet<>();
            found = found.stream().filter(e -> seen.add(e.getInput())).collect(Collectors.toList());
        }
        return shaped(found.subList(Math.max(0, found.size() - (length <= 0 ? found.size() : length)), found.size()), flags);
    }
}
