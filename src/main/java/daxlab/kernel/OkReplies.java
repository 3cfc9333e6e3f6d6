package daxlab.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.ArrayList;
import java.util.List;

/**
 * Replies as the protocol wants them where jjava's differ: every reply carries
 * {@code "status": "ok"} (jupyter_kernel_test's schema insists), and history entries are
 * {@code [session, line, input]} or {@code [session, line, [input, output]]} tuples.
 * Gson serializes these by their fields.
 */
final class OkReplies {
    private OkReplies() {
    }

    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        KernelInfo(String protocol, String implementation, String version, LanguageInfo language, String banner,
                   List<HelpLink> links) {
            super(protocol, implementation, version, language, banner, links);
        }
    }

    static final class History {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history = new ArrayList<>();

        History(List<HistoryEntry> entries) {
            for (HistoryEntry e : entries) {
                history.add(List.of(e.getSession(), e.getCellNumber(),
                        e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()));
            }
        }
    }
}
