package daxlab.litmus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A litmus file's text, read as herd7 reads one: UTF-8 (a leading byte-order mark is skipped),
 * from a regular file of reasonable size. What is not such a file is refused before any parsing,
 * with where it goes wrong: a byte that is not UTF-8 at its line and column, a file that goes on
 * past {@link #MAX_BYTES} at the place where it does. A FIFO, a device or a directory is refused
 * without being opened (opening a FIFO waits for a writer; /dev/zero never ends).
 */
public final class LitmusFile {
    /** The largest file read: the kernel's litmus tests are a few KiB, generated ones rarely 100 KiB. */
    public static final int MAX_BYTES = 4 << 20;

    private LitmusFile() {
    }

    /**
     * The text of {@code file}.
     *
     * @throws FileSystemException    when it is not a regular file (saying what it is), or cannot be read
     * @throws LitmusSyntaxException  when it is not UTF-8 or too large, at the place in the file
     */
    public static String read(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new FileSystemException(file.toString(), null, "not a regular file but " + what(file, a)
                    + "; litmus tests are read from regular files");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        return text(bytes, file.toString());
    }

    /** What a file that is not regular is, as {@code ls -l} would say. */
    private static String what(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a directory";
        }
        try {
            // The file type bits of st_mode, where the platform has them (Linux, macOS).
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
            switch (type) {
                case 0010000: return "a FIFO";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            // no unix view here: say it generally
        }
        return "a device, FIFO or socket";
    }

    /**
     * Decodes a litmus file's bytes: UTF-8, without a leading byte-order mark, at most
     * {@link #MAX_BYTES} long.
     *
     * @param name the file's name, for errors ({@code name:line:col:})
     */
    public static String text(byte[] bytes, String name) {
        int length = Math.min(bytes.length, MAX_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult r = decoder.decode(in, out, bytes.length <= MAX_BYTES);
        if (r.isError()) {
            int at = in.position();
            String hint = at == 0 && length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
                    || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
                    ? " (the file starts like UTF-16: save it as UTF-8)" : "";
            int[] place = place(out);
            throw new LitmusSyntaxException(name, place[0], place[1], "UTF-8 text",
                    String.format("byte 0x%02x, which is not UTF-8%s", bytes[at] & 0xff, hint));
        }
        if (bytes.length > MAX_BYTES) {
            int[] place = place(out);
            throw new LitmusSyntaxException(name, place[0], place[1], "a litmus file of at most "
                    + (MAX_BYTES >> 20) + " MiB", "more: the file goes on past this point");
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }

    /** The line and column just after the text decoded so far (the byte-order mark takes no column). */
    private static int[] place(CharBuffer decoded) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < decoded.position(); i++) {
            char c = decoded.get(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!(i == 0 && c == '\ufeff')) {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
