package daxlab.kernel;

import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout and stderr, sent to the notebook in batches rather than one message per
 * {@code println}: text is coalesced and sent every {@link #FLUSH_EVERY_MS} ms, or as soon as
 * {@link #BATCH_CHARS} characters wait, and always before the cell's result, a {@code display()},
 * its error and its idle status. Order across stdout and stderr is kept.
 *
 * <p>One message per line would let a printing loop exceed the notebook server's IOPub rate limit
 * (1000 messages/s) within a second, and overflow ZeroMQ's send queue with a direct client, which
 * then loses the idle status too. A cell shows at most {@link #SHOWN_PER_CELL} characters (within
 * the server's default 1 MB/s data limit over its 3 s window); past that the output is counted,
 * not sent, and at the cell's end a line on stderr says how many characters and lines were cut,
 * followed by the last {@link #TAIL_CHARS} characters. Nothing is dropped without saying so.
 */
final class CellOutput {
    static final long FLUSH_EVERY_MS = 50;
    static final int BATCH_CHARS = 64 * 1024;
    static final long SHOWN_PER_CELL = 1024 * 1024;
    static final int TAIL_CHARS = 8 * 1024;

    /** Where batches go: the notebook's stream messages. */
    interface Sink {
        void write(StreamType stream, String text);
    }

    private static final class Segment {
        final StreamType stream;
        final StringBuilder text = new StringBuilder();

        Segment(StreamType stream) {
            this.stream = stream;
        }
    }

    private final Object lock = new Object();
    private final List<Segment> pending = new ArrayList<>();
    private int pendingChars;
    private long shown;
    private long cutChars;
    private long cutLines;
    private final Deque<Segment> tail = new ArrayDeque<>();
    private int tailChars;
    private Sink sink;

    private final PrintStream out = new PrintStream(new Utf8Channel(StreamType.OUT), false, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(new Utf8Channel(StreamType.ERR), false, StandardCharsets.UTF_8);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "daxlab-output");
        t.setDaemon(true);
        return t;
    });

    CellOutput() {
        ticker.scheduleAtFixedRate(this::flush, FLUSH_EVERY_MS, FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** A cell starts: its output goes to {@code to}, with a fresh allowance. */
    void attach(Sink to) {
        synchronized (lock) {
            sink = to;
            shown = pendingChars;
        }
    }

    /** The cell ended: everything is sent (and the cut, if any, reported); later output waits for the next cell. */
    void finish() {
        out.flush();
        err.flush();
        synchronized (lock) {
            flushLocked();
            reportCutLocked();
            sink = null;
        }
    }

    /** Sends what waits now (before a display() or a result, so that the order is kept). */
    void flush() {
        synchronized (lock) {
            flushLocked();
        }
    }

    void close() {
        ticker.shutdownNow();
    }

    private void accept(StreamType stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        synchronized (lock) {
            long room = SHOWN_PER_CELL - shown;
            if (room <= 0) {
                cut(stream, text);
                return;
            }
            if (text.length() <= room) {
                append(stream, text);
                shown += text.length();
            } else {
                // Cut at the last line end that fits, so the shown part ends with whole lines (a
                // cell's first line, if longer than the allowance, is cut where the allowance ends).
                int nl = text.lastIndexOf('\n', (int) room - 1);
                int at = nl >= 0 ? nl + 1 : shown == 0 ? (int) room : 0;
                append(stream, text.substring(0, at));
                shown = SHOWN_PER_CELL;
                cut(stream, text.substring(at));
            }
            if (pendingChars >= BATCH_CHARS) {
                flushLocked();
            }
        }
    }

    private void append(StreamType stream, String text) {
        Segment last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last == null || last.stream != stream) {
            last = new Segment(stream);
            pending.add(last);
        }
        last.text.append(text);
        pendingChars += text.length();
    }

    private void cut(StreamType stream, String text) {
        cutChars += text.length();
        cutLines += lines(text);
        Segment last = tail.peekLast();
        if (last == null || last.stream != stream) {
            last = new Segment(stream);
            tail.addLast(last);
        }
        last.text.append(text);
        tailChars += text.length();
        // Keep at most about twice the tail: whole segments go first, then the front of the oldest.
        while (tailChars > 2 * TAIL_CHARS) {
            Segment first = tail.peekFirst();
            int excess = tailChars - TAIL_CHARS;
            if (first.text.length() <= excess) {
                tail.removeFirst();
                tailChars -= first.text.length();
            } else {
                first.text.delete(0, excess);
                tailChars -= excess;
            }
        }
    }

    private void flushLocked() {
        if (sink == null || pending.isEmpty()) {
            return;
        }
        for (Segment s : pending) {
            sink.write(s.stream, s.text.toString());
        }
        pending.clear();
        pendingChars = 0;
    }

    private void reportCutLocked() {
        if (cutChars == 0) {
            return;
        }
        // The tail: its last TAIL_CHARS characters, from a line start.
        List<Segment> last = new ArrayList<>();
        int budget = TAIL_CHARS;
        for (var it = tail.descendingIterator(); it.hasNext() && budget > 0; ) {
            Segment s = it.next();
            Segment kept = new Segment(s.stream);
            kept.text.append(s.text, Math.max(0, s.text.length() - budget), s.text.length());
            budget -= kept.text.length();
            last.add(0, kept);
        }
        if (!last.isEmpty() && cutChars > TAIL_CHARS) {
            StringBuilder first = last.get(0).text;
            int nl = first.indexOf("\n");
            if (nl >= 0 && nl < first.length() - 1) {
                first.delete(0, nl + 1);
            }
        }
        long keptChars = last.stream().mapToLong(s -> s.text.length()).sum();
        long keptLines = last.stream().mapToLong(s -> lines(s.text)).sum();
        long hiddenChars = cutChars - keptChars;
        long hiddenLines = cutLines - keptLines;
        if (hiddenChars > 0) {
            sink.write(StreamType.ERR, String.format("%n[daxlab: %,d characters (%,d lines) of this cell's output cut here: "
                            + "a cell shows its first %,d characters and its last %,d; to keep all of it, write it to a file]%n",
                    hiddenChars, hiddenLines, SHOWN_PER_CELL, TAIL_CHARS));
        }
        for (Segment s : last) {
            if (s.text.length() > 0) {
                sink.write(s.stream, s.text.toString());
            }
        }
        cutChars = 0;
        cutLines = 0;
        tail.clear();
        tailChars = 0;
    }

    private static long lines(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * Bytes from a PrintStream, turned back into text. A character whose UTF-8 bytes arrive split
     * over two writes waits for the rest. {@code flush()} sends nothing: the ticker does.
     */
    private final class Utf8Channel extends OutputStream {
        private final StreamType stream;
        private final byte[] partial = new byte[4];
        private int partialLength;

        Utf8Channel(StreamType stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            byte[] bytes = b;
            int from = off;
            int to = off + len;
            if (partialLength > 0) {
                bytes = new byte[partialLength + len];
                System.arraycopy(partial, 0, bytes, 0, partialLength);
                System.arraycopy(b, off, bytes, partialLength, len);
                from = 0;
                to = bytes.length;
                partialLength = 0;
            }
            int end = completeUpTo(bytes, from, to);
            if (end < to) {
                partialLength = to - end;
                System.arraycopy(bytes, end, partial, 0, partialLength);
            }
            accept(stream, new String(bytes, from, end - from, StandardCharsets.UTF_8));
        }

        /** Where the last whole UTF-8 character ends in {@code bytes[from, to)}. */
        private int completeUpTo(byte[] bytes, int from, int to) {
            for (int i = to - 1; i >= Math.max(from, to - 3); i--) {
                int b = bytes[i] & 0xff;
                if ((b & 0xc0) == 0x80) {
                    continue; // a continuation byte: look for its lead
                }
                int need = b < 0x80 ? 1 : (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : (b & 0xf8) == 0xf0 ? 4 : 1;
                return i + need > to ? i : to;
            }
            return to;
        }
    }
}
