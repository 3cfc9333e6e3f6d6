package daxlab.kernel;

import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batching, order, the per-cell allowance and its report, split UTF-8: without Jupyter. */
class CellOutputTest {
    private record Sent(StreamType stream, String text) {
    }

    private final CellOutput output = new CellOutput();
    private final List<Sent> sent = new ArrayList<>();

    @AfterEach
    void close() {
        output.close();
    }

    private void attach() {
        output.attach((s, t) -> {
            synchronized (sent) {
                sent.add(new Sent(s, t));
            }
        });
    }

    private String all(StreamType s) {
        synchronized (sent) {
            return sent.stream().filter(x -> x.stream() == s).map(Sent::text).collect(Collectors.joining());
        }
    }

    @Test
    void manyLinesGoOutInFewMessagesInOrderAcrossStreams() {
        attach();
        for (int i = 0; i < 20_000; i++) {
            output.out().println("line " + i);
        }
        output.err().println("a warning");
        output.out().println("after");
        output.finish();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            expected.append("line ").append(i).append('\n');
        }
        assertEquals(expected + "after\n", all(StreamType.OUT));
        assertEquals("a warning\n", all(StreamType.ERR));
        // 20,000 lines of about 10 characters: at most one message per 64 KiB batch or 50 ms tick.
        assertTrue(sent.size() <= 20, sent.size() + " messages");
        Sent last = sent.get(sent.size() - 1);
        Sent warning = sent.get(sent.size() - 2);
        assertEquals(new Sent(StreamType.OUT, "after\n"), last);
        assertEquals(new Sent(StreamType.ERR, "a warning\n"), warning);
    }

    @Test
    void pastTheAllowanceOutputIsCountedAndReportedWithItsTail() {
        attach();
        int lines = 200_000;
        for (int i = 0; i < lines; i++) {
            output.out().println("line " + i);
        }
        output.finish();
        String out = all(StreamType.OUT);
        String err = all(StreamType.ERR);
        long total = 0;
        for (int i = 0; i < lines; i++) {
            total += ("line " + i + "\n").length();
        }
        // The head: whole lines up to the allowance; the tail: the last lines, whole.
        assertTrue(out.startsWith("line 0\nline 1\n"), out.substring(0, 20));
        assertTrue(out.endsWith("line " + (lines - 1) + "\n"));
        int headEnd = out.indexOf("line " + (lines - 1) + "\n") ;
        assertTrue(out.length() <= CellOutput.SHOWN_PER_CELL + CellOutput.TAIL_CHARS, out.length() + " shown");
        long shownLines = out.lines().count();
        long shownChars = out.length();
        // The report says exactly what is missing.
        String expected = String.format("[daxlab: %,d characters (%,d lines) of this cell's output cut here",
                total - shownChars, lines - shownLines);
        assertTrue(err.contains(expected), err + " vs " + expected);
        assertTrue(headEnd > 0);
        // Every shown line is a real, whole line, in order.
        List<String> shown = out.lines().collect(Collectors.toList());
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i).matches("line [0-9]+"), i + ": [" + shown.get(i) + "] after [" + shown.get(i - 1) + "]");
            int a = Integer.parseInt(shown.get(i - 1).substring(5));
            int b = Integer.parseInt(shown.get(i).substring(5));
            assertTrue(b > a, shown.get(i - 1) + " then " + shown.get(i));
        }
        assertTrue(sent.size() < 60, sent.size() + " messages");
    }

    @Test
    void aCharacterSplitAcrossWritesArrivesWhole() {
        attach();
        byte[] euro = "€ ok\n".getBytes(StandardCharsets.UTF_8); // € is three bytes
        output.out().write(euro, 0, 1);
        output.out().write(euro, 1, 1);
        output.flush();
        output.out().write(euro, 2, euro.length - 2);
        output.finish();
        assertEquals("€ ok\n", all(StreamType.OUT));
    }

    @Test
    void theTickerSendsWithoutWaitingForTheCellsEnd() throws Exception {
        attach();
        output.out().print("progress");
        long deadline = System.currentTimeMillis() + 2000;
        while (all(StreamType.OUT).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("progress", all(StreamType.OUT));
        output.finish();
    }
}
