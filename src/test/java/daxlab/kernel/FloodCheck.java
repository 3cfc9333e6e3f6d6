package daxlab.kernel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client must have seen of the 200,000-line cell ({@code for (i...) println("line " + i)}):
 * its reply and idle status, the first and last lines, and for what is not shown, a line saying
 * exactly how many characters and lines were cut.
 */
final class FloodCheck {
    static final int LINES = 200_000;
    private static final Pattern NOTICE = Pattern.compile(
            "\\[daxlab: ([0-9,]+) characters \\(([0-9,]+) lines\\) of this cell's output cut here.*");

    private FloodCheck() {
    }

    static void assertComplete(JsonNode f) {
        assertTrue(f.get("idle").asBoolean(), "no idle status: " + f);
        assertEquals("ok", f.get("status").asText(), f.toString());
        assertEquals("line 0", f.get("first_line").asText(), f.toString());
        assertEquals("line " + (LINES - 1), f.get("last_line").asText(), f.toString());
        long total = 0;
        for (int i = 0; i < LINES; i++) {
            total += ("line " + i + "\n").length();
        }
        Matcher m = NOTICE.matcher(f.path("cut_notice").asText(""));
        assertTrue(m.matches(), "no account of the cut output: " + f);
        long cutChars = Long.parseLong(m.group(1).replace(",", ""));
        long cutLines = Long.parseLong(m.group(2).replace(",", ""));
        assertEquals(total, f.get("stdout_chars").asLong() + cutChars, "shown + cut characters: " + f);
        assertEquals(LINES, f.get("stdout_lines").asLong() + cutLines, "shown + cut lines: " + f);
        assertTrue(f.get("stream_messages").asInt() < 100, "batched into few messages: " + f);
    }
}
