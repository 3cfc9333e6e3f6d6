package daxlab.verdict;

import daxlab.outcome.Flag;
import daxlab.herd7.Herd7Model;
import daxlab.litmus.Herd7Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * herd7's recorded verdict on an exported litmus file under the LKMM ({@code Never},
 * {@code Sometimes}, {@code Always}, with {@code Flag data-race} when herd7 raised it), or empty
 * when no answer is recorded for that file.
 */
@FunctionalInterface
public interface Herd7Answers extends Function<String, Optional<String>> {
    /** No recorded answers: every verdict is daxlab's own, and the reply says so. */
    Herd7Answers NONE = f -> Optional.empty();

    /**
     * Where the jar keeps herd7's answers, as {@code daxlab conformance --record} writes them:
     * {@code NAME.lkmm.herd7} per exported {@code NAME.litmus}.
     */
    String RESOURCES = "/" + daxlab.herd7.Recording.RESOURCE_DIR + "/";

    /** herd7's answers recorded in the jar (see {@link #RESOURCES}). */
    static Herd7Answers recorded() {
        return file -> {
            String name = file.endsWith(".litmus") ? file.substring(0, file.length() - ".litmus".length()) : file;
            try (InputStream in = Herd7Answers.class.getResourceAsStream(RESOURCES
                    + Herd7Model.LKMM.recordName(file))) {
                if (in == null) {
                    return Optional.empty();
                }
                Herd7Result r = Herd7Result.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
                return Optional.of(r.observation() + (r.dataRace() ? ", " + Flag.DATA_RACE.herd7() : ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
