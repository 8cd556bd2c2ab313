package io.quarry.ql.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The example report corpus, read from the classpath. Other modules use it through this module's
 * test-jar ({@code quarry-query-language:tests}): each entry is one report written in both forms,
 * {@code io/quarry/ql/corpus/NN-name.report} and {@code NN-name.json}, listed in {@code index.txt}.
 */
public final class Corpus {

    /** The classpath folder of the corpus. */
    public static final String FOLDER = "io/quarry/ql/corpus/";

    private Corpus() {
    }

    /**
     * One corpus report.
     *
     * @param name file name without extension, e.g. {@code 05-inline-cpc}
     * @param text the text form
     * @param json the JSON form
     */
    public record Entry(String name, String text, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** All entries, in index order. */
    public static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (String name : read("index.txt").lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            entries.add(new Entry(name, read(name + ".report"), read(name + ".json")));
        }
        return List.copyOf(entries);
    }

    private static String read(String file) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
