package io.quarry.ql.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ql.ReportFormatter;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Report;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each corpus pair parses to equal ASTs, and both forms round-trip. */
class CorpusTest {

    private static final ReportParser PARSER = new ReportParser();
    private static final ReportFormatter FORMATTER = new ReportFormatter();

    static List<Corpus.Entry> entries() {
        return Corpus.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void textAndJsonMeanTheSame(Corpus.Entry entry) {
        Report text = PARSER.parseText(entry.text());
        Report json = PARSER.parseJson(entry.json());
        assertThat(json).isEqualTo(text);
        assertThat(PARSER.parseText(FORMATTER.toText(text))).isEqualTo(text);
        assertThat(PARSER.parseJson(FORMATTER.toJson(text))).isEqualTo(text);
        assertThat(PARSER.parseText(FORMATTER.toText(json))).isEqualTo(json);
    }

    @Test
    void indexListsEveryPairAndThereAreAtLeastThirty() throws URISyntaxException {
        File folder = new File(Objects.requireNonNull(
                CorpusTest.class.getClassLoader().getResource(Corpus.FOLDER)).toURI());
        List<String> files = Arrays.stream(Objects.requireNonNull(folder.list()))
                .filter(name -> name.endsWith(".json") || name.endsWith(".report")).sorted().toList();
        List<String> expected = Corpus.entries().stream()
                .flatMap(entry -> Stream.of(entry.name() + ".json", entry.name() + ".report"))
                .sorted().collect(Collectors.toList());
        assertThat(files).isEqualTo(expected);
        assertThat(Corpus.entries()).hasSizeGreaterThanOrEqualTo(30);
    }
}
